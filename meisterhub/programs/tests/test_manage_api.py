"""The JSON twins of the staff pages: same services, Korean details, 400/403/404/409."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meisterhub.companies.tests.factories import CompanyFactory
from meisterhub.programs.models import Call, Program

from .factories import make_call, make_evaluator

pytestmark = pytest.mark.django_db
BASE = "/api/programs/manage"


@pytest.fixture
def api(client, staff_user):
    client.force_login(staff_user)
    return client


def _iso(days: int) -> str:
    return (timezone.now() + timedelta(days=days)).isoformat()


def test_create_edit_publish_close_copy(api):
    program = api.post(f"{BASE}/programs", {"area": "export", "name": "수출 바우처", "year": 2026},
                       content_type="application/json")
    assert program.status_code == 201
    created = api.post(f"{BASE}/calls", {
        "program_id": program.json()["id"], "title": "수출 바우처 1차", "opens_at": _iso(-1),
        "closes_at": _iso(10), "allowed_org_types": ["sme", "startup"], "max_employees": 300,
    }, content_type="application/json")
    assert created.status_code == 201
    body = created.json()
    assert (body["stage"], body["version"], body["allowed_org_types"]) == ("draft", 1,
                                                                          ["sme", "startup"])
    call_id = body["id"]
    api.post(f"{BASE}/calls/{call_id}/documents", {"name": "사업계획서", "accepted_kinds": ["pdf"]},
             content_type="application/json")
    criteria = api.put(f"{BASE}/calls/{call_id}/criteria",
                       {"criteria": [{"name": "기술성", "weight": 70}, {"name": "사업성", "weight": 30}]},
                       content_type="application/json")
    assert [c["weight"] for c in criteria.json()] == [70, 30]
    published = api.post(f"{BASE}/calls/{call_id}/publish", {"version": 1},
                         content_type="application/json")
    assert (published.status_code, published.json()["stage"]) == (200, "open")
    public = api.get("/api/programs/calls").json()
    assert [c["id"] for c in public["items"]] == [call_id]
    closed = api.post(f"{BASE}/calls/{call_id}/close", {}, content_type="application/json")
    assert closed.json()["stage"] == "closed_early"
    copy = api.post(f"{BASE}/calls/{call_id}/copy")
    assert copy.status_code == 201
    assert (copy.json()["title"], copy.json()["opens_at"], copy.json()["stage"]) == (
        "수출 바우처 1차 (사본)", None, "draft")
    assert [d["name"] for d in copy.json()["required_documents"]] == ["사업계획서"]
    detail = api.get(f"{BASE}/calls/{call_id}").json()
    assert detail["history"][0]["text"].startswith("공고 조기 마감")
    listing = api.get(f"{BASE}/calls").json()
    assert listing["count"] == 2 and {c["submitted_count"] for c in listing["items"]} == {0}


def test_bad_input_answers_400_with_a_korean_detail_and_saves_nothing(api):
    program = Program.objects.create(area="export", name="수출", year=2026)
    response = api.post(f"{BASE}/calls", {"program_id": program.pk, "title": "공고",
                                          "opens_at": _iso(5), "closes_at": _iso(1)},
                        content_type="application/json")
    assert (response.status_code, response.json()) == (
        400, {"detail": "접수 마감은 접수 시작보다 뒤여야 합니다.", "field": "closes_at"})
    call = make_call()
    response = api.put(f"{BASE}/calls/{call.pk}/criteria",
                       {"criteria": [{"name": "기술성", "weight": 10}]},
                       content_type="application/json")
    assert response.json()["detail"] == "평가 항목 가중치의 합이 100이어야 합니다 (지금 합계: 10)."
    assert call.criteria.count() == 3
    response = api.post(f"{BASE}/calls", {"program_id": 999, "title": "x"},
                        content_type="application/json")
    assert response.status_code == 400
    assert Call.objects.count() == 1


def test_stale_version_answers_409_with_what_changed(api):
    call = make_call(title="원래")
    first = api.patch(f"{BASE}/calls/{call.pk}", {"title": "바뀜", "version": 1},
                      content_type="application/json")
    assert first.json()["version"] == 2
    second = api.patch(f"{BASE}/calls/{call.pk}", {"budget": 1, "version": 1},
                       content_type="application/json")
    assert second.status_code == 409
    assert "공고명(원래 → 바뀜)" in second.json()["detail"]
    assert Call.objects.get(pk=call.pk).budget == 500_000_000


def test_pool_and_preview(api):
    call = make_call()
    evaluator = make_evaluator()
    added = api.post(f"{BASE}/calls/{call.pk}/evaluators", {"evaluator_id": evaluator.pk},
                     content_type="application/json")
    assert [e["id"] for e in added.json()] == [evaluator.pk]
    assert api.delete(f"{BASE}/calls/{call.pk}/evaluators/{evaluator.pk}").status_code == 204
    CompanyFactory(name="작은기업", employees=5)
    CompanyFactory(name="큰기업", employees=500)
    preview = api.post(f"{BASE}/rules/preview", {"max_employees": 100},
                       content_type="application/json").json()
    assert (preview["passing_count"], preview["failing_count"]) == (1, 1)
    assert preview["failing"][0]["reasons"] == [
        "상시 근로자 100명 이하인 기업만 신청할 수 있습니다 (귀사: 500명)"]
    assert preview["by_rule"] == [{"rule": "상시 근로자 수", "count": 1}]


def test_other_roles_are_refused(client, member_a):
    call = make_call()
    assert client.get(f"{BASE}/calls").status_code == 401
    client.force_login(member_a)
    response = client.post(f"{BASE}/calls/{call.pk}/close", {}, content_type="application/json")
    assert (response.status_code, response.json()["detail"]) == (
        403, "운영자만 지원사업과 공고를 관리할 수 있습니다.")
    assert Call.objects.get(pk=call.pk).closed_early_at is None
