"""Shared fixtures: users of every role, companies, meisters, and a real browser."""

import os
import shutil

import pytest
from django.conf import settings

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.companies.tests.factories import CompanyFactory, MembershipFactory
from meisterhub.meisters.taxonomy import load_fields

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(autouse=True)
def _isolated_media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """The database rolls back after each test; cached fragments and stamps go with it."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_real_mail_or_network(settings, monkeypatch):
    """Mail goes to the in-memory outbox; any outside socket connection fails the test."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    import socket

    real_connect = socket.socket.connect

    def guarded_connect(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (
            host.startswith("127.") or host in {"localhost", "::1"} or sock.family == socket.AF_UNIX
        ):
            raise AssertionError(f"a test tried to reach the network: {address!r}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)


@pytest.fixture
def taxonomy(db):
    """The 23 fields; already there from the data migration, reloaded after a flush."""
    from meisterhub.meisters.models import Field

    load_fields(Field)
    return Field.objects.order_by("order")


@pytest.fixture
def staff_user(db):
    return UserFactory(role="staff", is_staff=True, username="staff")


@pytest.fixture
def company_a(db):
    return CompanyFactory(name="가나정밀")


@pytest.fixture
def company_b(db):
    return CompanyFactory(name="다라금속")


@pytest.fixture
def member_a(company_a):
    user = UserFactory(role="company_member", username="member_a")
    MembershipFactory(user=user, company=company_a, position="admin")
    return user


@pytest.fixture
def member_b(company_b):
    user = UserFactory(role="company_member", username="member_b")
    MembershipFactory(user=user, company=company_b, position="admin")
    return user


@pytest.fixture
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base_url = live_server.url
    yield page
    context.close()


ONCE_ON_SQLITE = pytest.mark.skip(
    reason="pages do not depend on the database: browser tests run once, on SQLite"
)


def pytest_collection_modifyitems(config, items):
    # Browser tests run on one database unless they drive something that does depend on it.
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        for item in items:
            if item.get_closest_marker("browser") and not item.get_closest_marker("every_database"):
                item.add_marker(ONCE_ON_SQLITE)
    # Browser tests last: they need a flushed, transactional database.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


assert settings  # settings are configured by pytest-django before this module runs
