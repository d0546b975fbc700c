"""Attempt limits on the second factor: per user and per client address, then a Korean
message that says when to try again."""

import base64
import re
import time

import pytest
from django.test import Client
from django_otp.oath import TOTP

from meisterhub.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STEP = "/accounts/two-factor/"
RETRY = re.compile(r"\d{2}:\d{2}(:\d{2})? 이후에 다시")


@pytest.fixture(autouse=True)
def enforced(settings):
    settings.TWO_FACTOR_REQUIRED = True


def _key(secret: str) -> bytes:
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


def current_code(secret: str) -> str:
    totp = TOTP(_key(secret))
    totp.time = time.time()
    return f"{totp.token():06d}"


def wrong_code(secret: str) -> str:
    """A code that is none of the three the device accepts now (±1 step)."""
    key, now = _key(secret), time.time()
    valid = set()
    for drift in (-1, 0, 1):
        totp = TOTP(key, drift=drift)
        totp.time = now
        valid.add(f"{totp.token():06d}")
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in valid)


def enrolling_client(user, ip: str) -> tuple[Client, str]:
    client = Client(REMOTE_ADDR=ip)
    client.force_login(user)
    page = client.get(STEP).content.decode()
    return client, re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)


def _try(client, code):
    return client.post(STEP, {"code": code, "next": "/accounts/me/"})


def _verified(client) -> bool:
    return client.get("/accounts/me/").status_code == 200


def test_sixty_wrong_codes_then_the_right_one_is_refused(staff_user):
    client, secret = enrolling_client(staff_user, "203.0.113.5")
    for _ in range(60):
        _try(client, wrong_code(secret))
    response = _try(client, current_code(secret))
    assert response.status_code == 200
    body = response.content.decode()
    assert "인증 코드를 여러 번 틀렸습니다" in body
    assert RETRY.search(body)
    assert not _verified(client)


def test_the_user_limit_holds_from_another_address_too(staff_user):
    client, secret = enrolling_client(staff_user, "203.0.113.5")
    for _ in range(5):
        _try(client, wrong_code(secret))
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    elsewhere.force_login(staff_user)
    body = _try(elsewhere, current_code(secret)).content.decode()
    assert "인증 코드를 여러 번 틀렸습니다" in body
    assert not _verified(elsewhere)


def test_four_wrong_codes_still_leave_the_right_one(staff_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no back-off wait between tries, to count only
    client, secret = enrolling_client(staff_user, "203.0.113.5")
    for _ in range(4):
        body = _try(client, wrong_code(secret)).content.decode()
        assert "인증 코드가 올바르지 않습니다" in body
    response = _try(client, current_code(secret))
    assert response.status_code == 302 and _verified(client)


def test_one_address_cannot_spread_guesses_over_many_accounts(db, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    ip = "203.0.113.20"
    for tries in (4, 4, 2):  # each account stays under its own limit of five
        user = UserFactory(role="staff", is_staff=True)
        client, secret = enrolling_client(user, ip)
        for _ in range(tries):
            _try(client, wrong_code(secret))
    victim = UserFactory(role="meister")
    client, secret = enrolling_client(victim, ip)
    body = _try(client, current_code(secret)).content.decode()
    assert "이 접속 위치에서 인증 코드를 너무 여러 번 틀렸습니다" in body
    assert RETRY.search(body)
    assert not _verified(client)
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    elsewhere.force_login(victim)
    assert _try(elsewhere, current_code(secret)).status_code == 302


def test_a_quick_second_try_waits_for_the_back_off(staff_user):
    client, secret = enrolling_client(staff_user, "203.0.113.5")
    _try(client, wrong_code(secret))
    body = _try(client, current_code(secret)).content.decode()  # within the first second
    assert "잠시 뒤에 다시" in body or RETRY.search(body)
    assert not _verified(client)


def test_success_clears_the_users_count(staff_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client, secret = enrolling_client(staff_user, "203.0.113.5")
    for _ in range(4):
        _try(client, wrong_code(secret))
    assert _try(client, current_code(secret)).status_code == 302
    client.logout()
    client.force_login(staff_user)
    for _ in range(4):
        _try(client, wrong_code(secret))
    body = _try(client, wrong_code(secret)).content.decode()
    assert "인증 코드가 올바르지 않습니다" in body  # the fifth since success, not the ninth
