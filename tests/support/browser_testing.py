"""Helpers for the browser tests: a logged-in Playwright page without typing a password (and
so without the second factor, which the accounts tests cover on their own)."""

from django.conf import settings
from django.test import Client


def session_cookie(user, url: str) -> dict:
    client = Client()
    client.force_login(user)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"name": settings.SESSION_COOKIE_NAME, "value": value, "url": url}


def log_in_as(page, user) -> None:
    """Make the page's browser context act as this user from now on."""
    page.context.clear_cookies()
    page.context.add_cookies([session_cookie(user, page.base_url)])


def open_as(browser, base_url: str, user):
    """A new browser context (a second person at another computer) logged in as this user."""
    context = browser.new_context(locale="ko-KR")
    context.add_cookies([session_cookie(user, base_url)])
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base_url = base_url
    return page
