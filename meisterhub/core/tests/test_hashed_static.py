"""Production static files: collectstatic under the prod storage succeeds, pages link hashed
names, CSS references are rewritten to hashed names, and WhiteNoise serves them for good."""

import importlib
import re

import pytest
from django.core.management import call_command

HASHED = r"/static/{stem}\.[0-9a-f]{{12}}\.{ext}"


@pytest.fixture
def prod(monkeypatch):
    # Importing prod needs a real-looking key; base is already loaded, so nothing else changes.
    monkeypatch.setenv("SECRET_KEY", "k" * 60)
    return importlib.import_module("config.settings.prod")


@pytest.fixture
def collected(prod, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": prod.STORAGES["staticfiles"]}
    # As in prod: only what collectstatic wrote, no finders.
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", "--noinput", verbosity=0)
    return settings.STATIC_ROOT


def test_prod_serves_static_files_through_whitenoise_right_after_the_security_middlewares(prod):
    assert prod.MIDDLEWARE[:3] == [
        "django.middleware.security.SecurityMiddleware",
        "meisterhub.core.middleware.SecurityHeadersMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]
    assert (
        prod.STORAGES["staticfiles"]["BACKEND"] == "config.static_storage.HashedStaticFilesStorage"
    )


@pytest.mark.django_db
def test_pages_link_hashed_static_names_after_collectstatic(collected, client):
    assert (collected / "staticfiles.json").is_file()

    html = client.get("/").content.decode()

    for stem, ext in [
        ("vendor/krds/css/common/common", "css"),
        ("vendor/krds/css/component/component", "css"),
        ("css/site", "css"),
        ("js/site", "js"),
        ("vendor/htmx/htmx.min", "js"),
    ]:
        found = re.search(HASHED.format(stem=re.escape(stem), ext=ext), html)
        assert found, f"{stem}.{ext} is not linked under a hashed name"
        assert (collected / found.group(0).removeprefix("/static/")).is_file()
    assert 'href="/static/css/site.css"' not in html


@pytest.mark.django_db
def test_css_references_point_at_hashed_files_served_for_good(collected, client):
    html = client.get("/").content.decode()
    css_url = re.search(HASHED.format(stem="vendor/krds/css/common/common", ext="css"), html)[0]

    response = client.get(css_url)
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    css = b"".join(response.streaming_content).decode()
    # url(../../img/component/icon/ico_angle.svg) rewritten to the icon's hashed name
    assert re.search(r"ico_angle\.[0-9a-f]{12}\.svg", css)
    assert "ico_angle.svg)" not in css
