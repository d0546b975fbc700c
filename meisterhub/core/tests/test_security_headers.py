import re
import unicodedata

import pytest

from meisterhub.companies.models import Company


def test_every_page_carries_a_strict_content_security_policy(client, db):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)


@pytest.mark.parametrize(
    "path", ["/", "/meisters/", "/programs/", "/events/", "/consultations/", "/accounts/login/"]
)
def test_pages_have_no_inline_scripts_or_handlers(client, taxonomy, path):
    body = client.get(path).content.decode()
    scripts = SCRIPT.findall(body)
    assert scripts, "every page loads its scripts from static files"
    for attributes, content in scripts:
        assert "src=" in attributes and not content.strip(), attributes
    assert not HANDLER.search(body)
    assert "javascript:" not in body.lower()


def test_decomposed_hangul_is_stored_composed(client, member_a):
    nfd_name = unicodedata.normalize("NFD", "창원정밀")
    assert nfd_name != "창원정밀"
    client.force_login(member_a)
    client.post(
        "/companies/start/",
        {
            "register": "1",
            "new-name": nfd_name,
            "new-brn": "124-81-00998",
            "new-representative": "김대표",
            "new-industry": "29",
            "new-size_class": "sme",
            "new-org_type": "sme",
            "new-district": "seongsan",
            "new-address": "창원",
            "new-employees": "3",
        },
    )
    assert Company.objects.filter(name="창원정밀").count() == 1


def test_decomposed_search_finds_composed_text(client, taxonomy):
    from meisterhub.meisters.tests.factories import make_meister

    make_meister(name="김용접", keywords=["오비탈 용접"])
    response = client.get("/meisters/", {"q": unicodedata.normalize("NFD", "오비탈")})
    assert [m.name for m in response.context["page"].object_list] == ["김용접"]


def test_database_outage_answers_503_with_retry_after(client, db, monkeypatch):
    from django.db import OperationalError

    from config import views

    def broken(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(views.Meister.objects, "filter", broken)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "잠시 후 다시 시도해 주세요" in response.content.decode()


def test_no_template_has_inline_scripts_or_event_handlers():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    handler = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.IGNORECASE)
    inline_script = re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>", re.I
    )
    offenders = [
        str(path.relative_to(root))
        for path in [
            *root.glob("templates/**/*.html"),
            *root.glob("meisterhub/*/templates/**/*.html"),
        ]
        if handler.search(path.read_text()) or inline_script.search(path.read_text())
    ]
    assert offenders == []
