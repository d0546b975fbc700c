import pytest

from meisterhub.network.models import Inquiry

pytestmark = pytest.mark.django_db
URL = "/api/network/inquiries"


def test_anonymous_api_inquiry_needs_contact(client):
    bad = client.post(URL, {"category": "program", "title": "공고", "body": "언제?",
                            "name": "김민수"}, content_type="application/json")
    assert bad.status_code == 400
    assert bad.json()["detail"].startswith("답변받을 연락처를 남겨 주세요")
    assert Inquiry.objects.count() == 0
    good = client.post(URL, {"category": "program", "title": "공고", "body": "언제?",
                             "name": "김민수", "email": "kim@example.kr"},
                       content_type="application/json")
    assert good.status_code == 201
    body = good.json()
    assert (body["status"], body["owner"], body["answer"]) == ("received", "", "")


def test_api_field_code_company_and_mine(client, member_a, member_b, company_b, taxonomy):
    unknown = client.post(URL, {"category": "technical", "title": "t", "body": "b",
                                "field_code": "NOPE"}, content_type="application/json")
    assert (unknown.status_code, unknown.json()["detail"]) == (
        400, "알 수 없는 전문분야 코드입니다: NOPE")
    assert client.get(f"{URL}/mine").status_code == 401
    client.force_login(member_a)
    other = client.post(URL, {"category": "finance", "title": "t", "body": "b",
                              "company_id": company_b.pk}, content_type="application/json")
    assert other.status_code == 404
    created = client.post(URL, {"category": "technical", "title": "용접 문의", "body": "균열",
                                "field_code": "WELD"}, content_type="application/json")
    assert created.status_code == 201 and created.json()["field_code"] == "WELD"
    mine = client.get(f"{URL}/mine").json()
    assert ([row["title"] for row in mine["items"]], mine["count"]) == (["용접 문의"], 1)
    client.force_login(member_b)
    assert client.get(f"{URL}/mine").json() == {"items": [], "count": 0}


def test_api_session_post_needs_csrf(member_a):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member_a)
    response = strict.post(URL, {"category": "program", "title": "t", "body": "b"},
                           content_type="application/json")
    assert response.status_code == 403
    assert Inquiry.objects.count() == 0


def test_public_technologies(client, staff_user, taxonomy):
    from meisterhub.meisters.models import Field
    from meisterhub.network.models import Institution
    from meisterhub.network.services import publish_technology

    from .factories import make_institution

    owner = make_institution(staff_user, kind=Institution.Kind.UNIVERSITY, name="창원대학교")
    publish_technology(actor=staff_user, title="용접 비드 검사 AI", trl=4, owner=owner,
                       field=Field.objects.get(code="WELD"), summary="비전 검사")
    listing = client.get("/api/network/technologies").json()
    rows = listing["items"]
    assert listing["count"] == 1
    assert rows == [{"id": rows[0]["id"], "title": "용접 비드 검사 AI", "field_code": "WELD",
                     "field_name": "용접", "trl": 4, "owner": "창원대학교",
                     "summary": "비전 검사"}]
    assert client.get("/api/network/technologies", {"field": "CAST"}).json() == {
        "items": [], "count": 0}
