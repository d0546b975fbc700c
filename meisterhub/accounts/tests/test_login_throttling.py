"""Login throttling through the real login pages: by account × client address, and by address
across accounts, the same on the site's login and the admin's."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from meisterhub.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SITE, ADMIN = "/accounts/login/", "/manage/login/"
GOOD = "test-pass-1234"
STRANGER, OWNER = "203.0.113.66", "198.51.100.7"


def _post(client, url, username, password, ip, **extra):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def _fail(client, url, username, ip, times=5, **extra):
    for _ in range(times):
        _post(client, url, username, "wrong-guess", ip, **extra)


@pytest.fixture
def staff(db):
    return UserFactory(role="staff", is_staff=True, username="staff")


def test_site_failures_also_close_the_admin_login(client, staff):
    _fail(client, SITE, "staff", STRANGER)
    response = _post(client, ADMIN, "staff", GOOD, STRANGER)
    assert response.status_code == 429
    assert not _signed_in(client)


def test_admin_failures_are_blocked_on_the_admin_and_the_site(client, staff):
    _fail(client, ADMIN, "staff", STRANGER)
    admin = _post(client, ADMIN, "staff", GOOD, STRANGER)
    assert admin.status_code == 429 and not _signed_in(client)
    site = _post(client, SITE, "staff", GOOD, STRANGER)
    assert site.status_code == 429 and not _signed_in(client)


def test_a_stranger_cannot_lock_the_owner_out_from_elsewhere(client, staff):
    _fail(client, SITE, "staff", STRANGER)
    locked = _post(client, SITE, "staff", GOOD, STRANGER)
    assert locked.status_code == 429 and not _signed_in(client)
    owner = _post(client, SITE, "staff", GOOD, OWNER)
    assert owner.status_code == 302 and _signed_in(client)


def test_the_owner_can_log_in_on_the_admin_from_another_address(client, staff):
    _fail(client, ADMIN, "staff", STRANGER)
    response = client.post(f"{ADMIN}?next=/manage/", {"username": "staff", "password": GOOD},
                           REMOTE_ADDR=OWNER)
    assert response.status_code == 302 and response["Location"] == "/manage/"
    assert _signed_in(client)


def test_one_address_cannot_sweep_usernames(client, member_a):
    for i in range(20):  # one guess each: no account reaches its own limit
        _post(client, SITE, f"guess{i}", "wrong-guess", STRANGER)
    swept = _post(client, SITE, "member_a", GOOD, STRANGER)
    assert swept.status_code == 429 and not _signed_in(client)
    elsewhere = _post(client, SITE, "member_a", GOOD, OWNER)
    assert elsewhere.status_code == 302 and _signed_in(client)


def test_four_failures_then_the_right_password_logs_in_and_resets_the_count(client, member_a):
    _fail(client, SITE, "member_a", OWNER, times=4)
    assert _post(client, SITE, "member_a", GOOD, OWNER).status_code == 302
    client.logout()
    _fail(client, SITE, "member_a", OWNER, times=4)
    assert _post(client, SITE, "member_a", GOOD, OWNER).status_code == 302


def test_the_lockout_page_is_korean_says_when_and_offers_the_reset(client, member_a):
    _fail(client, SITE, "member_a", STRANGER, times=4)
    fifth = _post(client, SITE, "member_a", "wrong-guess", STRANGER)
    assert fifth.status_code == 429
    body = fifth.content.decode()
    assert "로그인이 잠시 제한되었습니다" in body
    assert re.search(r"\d{2}:\d{2} 이후에 다시", body)
    assert "/accounts/password-reset/" in body
    assert "아이디 또는 비밀번호가 올바르지 않습니다" not in body


def test_password_reset_stays_available_while_locked(
        client, member_a, django_capture_on_commit_callbacks):
    cache.clear()
    _fail(client, SITE, "member_a", STRANGER)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password-reset/", {"email": member_a.email},
                               REMOTE_ADDR=STRANGER)
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert [m.to for m in mail.outbox] == [[member_a.email]]
    cache.clear()


def test_behind_the_proxy_each_client_is_counted_on_its_own(client, member_a):
    via_proxy = {"REMOTE_ADDR": "127.0.0.1"}
    _fail(client, SITE, "member_a", "127.0.0.1", HTTP_X_FORWARDED_FOR=STRANGER)
    locked = client.post(SITE, {"username": "member_a", "password": GOOD},
                         HTTP_X_FORWARDED_FOR=STRANGER, **via_proxy)
    assert locked.status_code == 429
    other = client.post(SITE, {"username": "member_a", "password": GOOD},
                        HTTP_X_FORWARDED_FOR=OWNER, **via_proxy)
    assert other.status_code == 302


def test_a_forged_forwarded_entry_does_not_dodge_the_lock(client, member_a):
    for i in range(5):  # the proxy appends the real address on the right
        client.post(SITE, {"username": "member_a", "password": "wrong-guess"},
                    REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{i}, {STRANGER}")
    response = client.post(SITE, {"username": "member_a", "password": GOOD},
                           REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.99, {STRANGER}")
    assert response.status_code == 429


def test_a_direct_client_cannot_choose_its_address_by_header(client, member_a):
    for i in range(5):  # not behind the proxy: the header is ignored, REMOTE_ADDR counts
        _post(client, SITE, "member_a", "wrong-guess", STRANGER,
              HTTP_X_FORWARDED_FOR=f"192.0.2.{i}")
    assert _post(client, SITE, "member_a", GOOD, STRANGER).status_code == 429


def test_staff_can_lift_a_lock_in_the_admin(client, member_a, staff):
    from axes.models import AccessAttempt
    from django.test import Client

    _fail(client, SITE, "member_a", STRANGER)
    attempt = AccessAttempt.objects.get(username="member_a")
    office = Client()
    office.force_login(staff)
    assert office.get("/manage/axes/accessattempt/").status_code == 200
    assert office.get("/manage/otp_totp/totpdevice/").status_code == 200
    office.post(f"/manage/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert not AccessAttempt.objects.exists()
    assert _post(client, SITE, "member_a", GOOD, STRANGER).status_code == 302


def test_company_members_do_not_see_the_lock_records(client, member_a):
    client.force_login(member_a)
    assert client.get("/manage/axes/accessattempt/").status_code == 302
