import re

import pytest

from meisterhub.accounts import totp
from meisterhub.accounts.models import LoginFailure, TOTPDevice
from meisterhub.accounts.tests.factories import UserFactory


@pytest.fixture
def enforced(settings):
    settings.TWO_FACTOR_REQUIRED = True


def test_rfc6238_reference_vector():
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # the ASCII key 12345678901234567890
    assert totp.code_at(secret, 59 // 30) == "287082"
    assert totp.code_at(secret, 1111111109 // 30) == "081804"


def test_staff_must_enrol_then_verify_before_the_back_office(client, staff_user, enforced):
    client.force_login(staff_user)
    response = client.get("/manage/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/")

    page = client.get(response["Location"]).content.decode()
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)
    wrong = client.post("/accounts/two-factor/", {"code": "000000", "next": "/manage/"})
    assert "인증 코드가 올바르지 않습니다" in wrong.content.decode()
    assert client.get("/manage/").status_code == 302

    code = totp.code_at(secret, totp.current_step())
    done = client.post("/accounts/two-factor/", {"code": code, "next": "/manage/"})
    assert done["Location"] == "/manage/"
    assert client.get("/manage/").status_code == 200
    assert TOTPDevice.objects.get(user=staff_user).confirmed_at is not None


def test_a_code_cannot_be_replayed(staff_user):
    from meisterhub.accounts.security import start_enrolment, verify_code
    from meisterhub.core.errors import DomainError

    device = start_enrolment(staff_user)
    code = totp.code_at(device.secret, totp.current_step())
    verify_code(user=staff_user, code=code)
    with pytest.raises(DomainError, match="이미 사용한 인증 코드"):
        verify_code(user=staff_user, code=code)


def test_meister_api_calls_need_the_second_factor(client, db, enforced):
    meister = UserFactory(role="meister")
    client.force_login(meister)
    response = client.get("/api/meisters/fields")
    assert response.status_code == 401
    assert response.json()["detail"] == "2단계 인증이 필요합니다."


def test_company_members_are_not_asked_for_a_second_factor(client, member_a, enforced):
    client.force_login(member_a)
    assert client.get("/accounts/me/").status_code == 200


def test_repeated_failures_lock_the_account(client, member_a):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "member_a", "password": "nope"})
    assert LoginFailure.objects.filter(username="member_a").count() == 5
    response = client.post(
        "/accounts/login/", {"username": "member_a", "password": "test-pass-1234"}
    )
    assert "계정이 잠시 잠겼습니다" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_successful_login_clears_earlier_failures(client, member_a):
    client.post("/accounts/login/", {"username": "member_a", "password": "nope"})
    response = client.post(
        "/accounts/login/", {"username": "member_a", "password": "test-pass-1234"}
    )
    assert response.status_code == 302
    assert not LoginFailure.objects.filter(username="member_a").exists()
