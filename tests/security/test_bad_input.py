"""Bad input across the platform: a clear error, nothing stored, nothing leaked."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from meisterhub.companies.models import Company
from meisterhub.core.models import History
from meisterhub.meisters.tests.factories import make_meister
from meisterhub.meisters.tests.test_services import png_bytes
from meisterhub.network.models import Inquiry

INQUIRY = {
    "category": "program",
    "title": "지원사업 문의",
    "body": "수출 바우처 신청 자격이 궁금합니다.",
    "name": "홍길동",
    "phone": "010-1234-5678",
}
COMPANY_FORM = {
    "register": "1",
    "new-name": "창원정밀",
    "new-brn": "124-81-00998",
    "new-representative": "김대표",
    "new-industry": "29",
    "new-size_class": "sme",
    "new-org_type": "sme",
    "new-district": "seongsan",
    "new-address": "창원시 성산구 1",
    "new-employees": "3",
}


def post_json(client, url, body: bytes):
    return client.generic("POST", url, body, content_type="application/json")


def test_the_api_accepts_a_well_formed_inquiry(client, taxonomy):
    response = post_json(client, "/api/network/inquiries", json.dumps(INQUIRY).encode())
    assert response.status_code == 201
    assert Inquiry.objects.count() == 1


def test_invalid_utf8_in_a_json_body_is_a_400_not_a_crash(client, taxonomy):
    body = (
        json.dumps(INQUIRY, ensure_ascii=False).encode().replace("홍길동".encode(), b"\xff\xfe\xfd")
    )
    response = post_json(client, "/api/network/inquiries", body)
    assert response.status_code in {400, 422}
    assert "Traceback" not in response.content.decode(errors="replace")
    assert Inquiry.objects.count() == 0


def test_an_oversized_request_body_is_refused(client, taxonomy):
    body = json.dumps({**INQUIRY, "body": "가" * (9 * 1024 * 1024)}).encode()
    response = post_json(client, "/api/network/inquiries", body)
    assert response.status_code == 400
    assert Inquiry.objects.count() == 0


def test_over_long_text_gets_a_korean_message_and_saves_nothing(client, member_a):
    client.force_login(member_a)
    before = Company.objects.count()
    response = client.post("/companies/start/", {**COMPANY_FORM, "new-name": "가" * 1000})
    assert response.status_code == 200
    assert "최대 100" in response.content.decode()
    assert Company.objects.count() == before


def test_invalid_percent_encoding_in_a_query_does_not_break_the_page(client, taxonomy):
    response = client.get("/meisters/?q=%FF%FE%FD&field=%C0%AF")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1" in body and "마이스터" in body  # the list page itself, not an error page
    assert "\ufffd" not in body.split("</head>")[0]  # the broken bytes are not echoed raw


def test_a_form_post_without_csrf_token_is_refused(member_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member_a)
    before = (Company.objects.count(), History.objects.count())
    response = client.post("/companies/start/", COMPANY_FORM)
    assert response.status_code == 403
    assert "보안 확인(CSRF)에 실패했습니다" in response.content.decode()
    assert (Company.objects.count(), History.objects.count()) == before


def test_a_session_api_post_without_csrf_token_is_refused(member_a, taxonomy):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member_a)
    response = post_json(client, "/api/network/inquiries", json.dumps(INQUIRY).encode())
    assert response.status_code == 403
    assert Inquiry.objects.count() == 0


@pytest.mark.parametrize("name", ["../../../etc/passwd.png", "..\\..\\boot.png", "/abs/path.png"])
def test_path_traversal_in_an_upload_name_stays_inside_media(taxonomy, settings, name):
    meister = make_meister(photo=SimpleUploadedFile(name, png_bytes()))
    stored = meister.photo.name
    assert stored.startswith("meisters/photos/")
    assert ".." not in stored
    assert meister.photo.path.startswith(str(settings.MEDIA_ROOT))


def test_server_errors_never_show_a_traceback(client, db, monkeypatch):
    from config import views

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(views, "render", boom)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "일시적인 오류가 발생했습니다" in body
    assert "secret internals" not in body


@pytest.mark.parametrize("url", ["/api/meisters/", "/api/programs/calls"])
def test_absurd_paging_is_a_validation_error_not_a_database_error(client, taxonomy, url):
    response = client.get(url, {"offset": "14361148836857589530624", "limit": "5"})
    assert response.status_code == 422
    assert client.get(url, {"limit": "100000"}).status_code == 422


def test_a_nul_character_is_refused_everywhere(client, taxonomy, member_a):
    assert client.get("/api/events/", {"kind": "a\x00b"}).status_code == 400
    assert client.get("/meisters/", {"q": "용접\x00"}).status_code == 400
    body = json.dumps({**INQUIRY, "title": "문의\x00"}).encode()
    response = post_json(client, "/api/network/inquiries", body)
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]
    client.force_login(member_a)
    client.post("/companies/start/", {**COMPANY_FORM, "new-name": "창원\x00정밀"})
    assert Inquiry.objects.count() == 0
    assert not Company.objects.filter(brn="1248100998").exists()
