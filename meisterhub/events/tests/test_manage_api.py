"""The staff event API (/api/events/manage/...): the same services as the pages."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.events.models import Criterion, Event

from .factories import make_contest, make_event

pytestmark = pytest.mark.django_db
BASE = "/api/events/manage"


def payload(**overrides) -> dict:
    now = timezone.now()
    body = {
        "title": "수소 부품 기술 설명회", "kind": "briefing", "area": "hydrogen",
        "starts_at": (now + timedelta(days=10)).isoformat(),
        "ends_at": (now + timedelta(days=10, hours=2)).isoformat(),
        "place": "창원컨벤션센터", "capacity": 50,
        "registration_opens_at": (now - timedelta(hours=1)).isoformat(),
        "registration_closes_at": (now + timedelta(days=9)).isoformat(),
    }
    body.update(overrides)
    return body


def send(client, method: str, url: str, body=None):
    return client.generic(method, url, json.dumps(body or {}), content_type="application/json")


@pytest.fixture
def api(client, staff_user):
    client.force_login(staff_user)
    return client


def test_create_edit_publish_through_the_api(api):
    created = send(api, "POST", f"{BASE}/", payload())
    assert created.status_code == 201
    body = created.json()
    assert (body["status"], body["version"], body["seated"]) == ("draft", 1, 0)
    url = f"{BASE}/{body['id']}"
    same_times = {k: body[k] for k in ("starts_at", "ends_at", "registration_opens_at",
                                       "registration_closes_at")}
    updated = send(api, "PUT", url, payload(capacity=60, version=1, **same_times))
    assert (updated.status_code, updated.json()["capacity"], updated.json()["version"]) == (
        200, 60, 2)
    assert send(api, "POST", f"{url}/publish").json()["status"] == "published"
    detail = api.get(url).json()
    assert detail["contest"] is None
    assert detail["history"][1]["text"] == "행사 정보 수정: 정원(50 → 60)"
    listed = api.get(f"{BASE}/?status=published").json()["items"]
    assert [e["id"] for e in listed] == [body["id"]]


def test_bad_input_is_a_400_with_a_korean_detail_and_its_field(api):
    response = send(api, "POST", f"{BASE}/", payload(capacity=0))
    assert response.status_code == 400
    assert response.json() == {"detail": "정원은 1명 이상이어야 합니다.", "field": "capacity"}
    late = payload(registration_closes_at=(timezone.now() + timedelta(days=11)).isoformat())
    response = send(api, "POST", f"{BASE}/", late)
    assert response.json()["field"] == "registration_closes_at"
    assert send(api, "POST", f"{BASE}/", payload(facility_id=999)).json()["field"] == "facility"
    assert not Event.objects.exists()


def test_naive_times_are_korean_time(api):
    response = send(api, "POST", f"{BASE}/", payload(
        starts_at="2031-03-02T10:00:00", ends_at="2031-03-02T12:00:00",
        registration_opens_at="2031-02-01T09:00:00",
        registration_closes_at="2031-03-01T18:00:00"))
    assert response.status_code == 201
    event = Event.objects.get()
    assert timezone.localtime(event.starts_at).hour == 10


def test_a_stale_version_is_a_409(api):
    event = make_event(capacity=20)
    send(api, "PUT", f"{BASE}/{event.pk}", payload(capacity=30, version=1))
    response = send(api, "PUT", f"{BASE}/{event.pk}", payload(capacity=40, version=1))
    assert response.status_code == 409
    assert "정원(20 → 30)" in response.json()["detail"]
    assert Event.objects.get(pk=event.pk).capacity == 30


def test_cancel_and_copy(api, member_a):
    event = make_event()
    send(api, "POST", f"/api/events/{event.pk}/registrations", {})  # staff registers too
    response = send(api, "POST", f"{BASE}/{event.pk}/cancel", {"reason": "태풍"})
    assert response.status_code == 200
    assert response.json()["event"]["status"] == "cancelled"
    assert response.json()["registrations_cancelled"] == 1
    assert send(api, "POST", f"{BASE}/{event.pk}/cancel").status_code == 400
    copy = send(api, "POST", f"{BASE}/{event.pk}/copy")
    assert copy.status_code == 201
    assert (copy.json()["title"], copy.json()["copied_from_id"]) == (
        f"{event.title} (사본)", event.pk)


def test_contest_rubric_and_judges(api):
    contest = make_contest(status="draft")
    url = f"{BASE}/{contest.event_id}/contest"
    deadline = contest.submission_deadline.isoformat()
    bad = send(api, "PUT", url, {"submission_deadline": deadline, "criteria": [
        {"name": "창의성", "weight": 60}, {"name": "완성도", "weight": 60}]})
    assert bad.status_code == 400 and bad.json()["field"] == "criteria"
    assert "현재 120" in bad.json()["detail"]
    good = send(api, "PUT", url, {"submission_deadline": deadline, "version": 1, "criteria": [
        {"name": "창의성", "weight": 60}, {"name": "완성도", "weight": 40, "max_score": 5}]})
    assert good.status_code == 200
    assert good.json()["criteria"] == [{"name": "창의성", "weight": 60, "max_score": 10},
                                       {"name": "완성도", "weight": 40, "max_score": 5}]
    assert Criterion.objects.filter(contest=contest).count() == 2
    judge = UserFactory(role="evaluator", full_name="이심사")
    added = send(api, "POST", f"{url}/judges", {"judge_id": judge.pk})
    assert added.status_code == 201 and added.json()["judges"] == [
        {"id": judge.pk, "full_name": "이심사"}]
    not_an_evaluator = send(api, "POST", f"{url}/judges", {"judge_id": UserFactory().pk})
    assert not_an_evaluator.status_code == 400
    assert send(api, "DELETE", f"{url}/judges/{judge.pk}").json()["judges"] == []
    assert send(api, "DELETE", f"{url}/judges/{judge.pk}").status_code == 404
    assert send(api, "PUT", f"{BASE}/{make_event().pk}/contest", {
        "submission_deadline": deadline, "criteria": []}).status_code == 404


@pytest.mark.parametrize("role", ["company_member", "meister", "evaluator", "council_member"])
def test_other_roles_get_a_403_and_change_nothing(client, role):
    event = make_event(status="draft")
    client.force_login(UserFactory(role=role))
    assert client.get(f"{BASE}/").status_code == 403
    assert send(client, "POST", f"{BASE}/", payload()).status_code == 403
    assert send(client, "POST", f"{BASE}/{event.pk}/publish").status_code == 403
    assert Event.objects.count() == 1 and Event.objects.get().status == "draft"


def test_anonymous_gets_a_401(client):
    assert client.get(f"{BASE}/").status_code == 401
