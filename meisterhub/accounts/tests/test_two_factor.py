import re

import pytest
from axes.models import AccessAttempt
from django_otp.plugins.otp_totp.models import TOTPDevice

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.accounts.tests.test_two_factor_limits import current_code


@pytest.fixture
def enforced(settings):
    settings.TWO_FACTOR_REQUIRED = True


def test_staff_must_enrol_then_verify_before_the_back_office(client, staff_user, enforced):
    client.force_login(staff_user)
    response = client.get("/manage/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/")

    page = client.get(response["Location"]).content.decode()
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)
    assert len(secret) == 32  # 20 random bytes
    wrong = client.post("/accounts/two-factor/", {"code": "abcdef", "next": "/manage/"})
    assert "인증 코드가 올바르지 않습니다" in wrong.content.decode()
    assert client.get("/manage/").status_code == 302

    device = TOTPDevice.objects.get(user=staff_user)
    device.throttle_reset()  # the back-off after the wrong code is tested elsewhere
    done = client.post("/accounts/two-factor/", {"code": current_code(secret), "next": "/manage/"})
    assert done["Location"] == "/manage/"
    assert client.get("/manage/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed and device.name == "인증 앱"


def test_the_qr_code_carries_the_issuer_and_the_account(client, staff_user, enforced):
    client.force_login(staff_user)
    page = client.get("/accounts/two-factor/").content.decode()
    assert "<svg" in page and "2단계 인증 QR 코드" in page
    uri = TOTPDevice.objects.get(user=staff_user).config_url
    assert uri.startswith("otpauth://totp/") and "issuer=" in uri and "staff" in uri


def test_a_code_cannot_be_replayed(staff_user):
    from meisterhub.accounts.security import secret_of, start_enrolment, verify_code
    from meisterhub.core.errors import DomainError

    device = start_enrolment(staff_user)
    code = current_code(secret_of(device))
    verify_code(user=staff_user, code=code, client_address="203.0.113.5")
    device.refresh_from_db()
    device.throttle_reset()
    with pytest.raises(DomainError, match="이미 사용한 인증 코드"):
        verify_code(user=staff_user, code=code, client_address="203.0.113.5")


def test_enrolling_twice_keeps_one_device_and_a_confirmed_one_is_not_replaced(staff_user):
    from meisterhub.accounts.security import start_enrolment
    from meisterhub.core.errors import DomainError

    first = start_enrolment(staff_user)
    assert start_enrolment(staff_user).pk == first.pk
    first.confirmed = True
    first.save()
    with pytest.raises(DomainError, match="이미 2단계 인증이 등록되어 있습니다"):
        start_enrolment(staff_user)


def test_meister_api_calls_need_the_second_factor(client, db, enforced, settings):
    meister = UserFactory(role="meister")
    client.force_login(meister)
    response = client.get("/api/meisters/fields")
    assert response.status_code == 401
    assert response.json()["detail"] == "2단계 인증이 필요합니다."
    settings.TWO_FACTOR_REQUIRED = False  # the same call, only the rule switched off
    assert client.get("/api/meisters/fields").status_code == 200


def test_company_members_are_not_asked_for_a_second_factor(client, member_a, enforced):
    client.force_login(member_a)
    assert client.get("/accounts/me/").status_code == 200


def test_repeated_failures_lock_the_account(client, member_a):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "member_a", "password": "nope"})
    attempt = AccessAttempt.objects.get(username="member_a")
    assert (attempt.failures_since_start, attempt.ip_address) == (5, "127.0.0.1")
    assert "test-pass-1234" not in attempt.post_data
    response = client.post(
        "/accounts/login/", {"username": "member_a", "password": "test-pass-1234"}
    )
    assert response.status_code == 429
    assert "로그인이 잠시 제한되었습니다" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_successful_login_clears_earlier_failures(client, member_a):
    client.post("/accounts/login/", {"username": "member_a", "password": "nope"})
    response = client.post(
        "/accounts/login/", {"username": "member_a", "password": "test-pass-1234"}
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="member_a").exists()


@pytest.mark.django_db(transaction=True)
def test_set_up_pages_opened_at_once_share_one_device(staff_user):
    """Eight set-up pages at the same moment: one device, so every page shows its secret."""
    import threading

    from django.db import connections

    from meisterhub.accounts.security import start_enrolment

    barrier, found, lock = threading.Barrier(8), [], threading.Lock()

    def open_page():
        try:
            barrier.wait(timeout=30)
            device = start_enrolment(staff_user)
            with lock:
                found.append(device.pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=open_page) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(found) == 8 and len(set(found)) == 1
    assert TOTPDevice.objects.filter(user=staff_user).count() == 1
