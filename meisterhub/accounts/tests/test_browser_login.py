"""The whole sign-in in a real browser: password, then the authenticator code; and the Korean
lockout page after repeated wrong passwords."""

from urllib.parse import urlsplit

import pytest

from meisterhub.accounts.tests.test_two_factor_limits import current_code


def _log_in(page, username, password):
    page.goto(f"{page.base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("form.form-card button[type=submit]")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_staff_sign_in_with_password_then_authenticator_code(page, staff_user, settings):
    settings.TWO_FACTOR_REQUIRED = True
    _log_in(page, "staff", "test-pass-1234")
    page.wait_for_url("**/accounts/two-factor/**")
    assert "인증 앱에서 아래 QR 코드를 찍거나" in page.inner_text("main")
    secret = page.inner_text("#totp-secret")
    page.fill("#id_code", current_code(secret))
    page.click("form.form-card button[type=submit]")
    # By path: the two-factor page's own URL ends in "?next=/accounts/me/" and matches a glob.
    page.wait_for_url(lambda url: urlsplit(url).path == "/accounts/me/")
    assert "2단계 인증을 등록했습니다" in page.content()
    page.goto(f"{page.base_url}/manage/")
    assert page.url.endswith("/manage/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_five_wrong_passwords_show_the_korean_lockout_page(page, member_a):
    for _ in range(4):
        _log_in(page, "member_a", "wrong-guess")
        assert "아이디 또는 비밀번호가 올바르지 않습니다" in page.inner_text("main")
    _log_in(page, "member_a", "wrong-guess")
    page.wait_for_selector("h1:has-text('로그인이 잠시 제한되었습니다')")
    assert "이후에 다시 시도해 주세요" in page.inner_text("main")
    page.click("text=비밀번호 재설정")
    page.wait_for_url("**/accounts/password-reset/")
