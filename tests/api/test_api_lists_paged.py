"""Every JSON API list that grows with the data is paged (the API twin of
tests/scale/test_lists_paged.py).

The table PAGED below is the inventory of paged GET endpoints: (role, path, rows factory).
For each: 21 rows the caller may see give `count` == 21 and 20 items by default, `offset=20`
returns the rest, `limit=101` is a 422 with a Korean sentence, and a page costs the same number
of queries with 1× and 3× the rows (measured with limit=100, so that a query per row shows).

KEPT_UNPAGED names every GET that still answers a plain JSON array, with the reason; a new list
endpoint that is in neither table fails test_every_list_endpoint_is_in_the_inventory.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from itertools import count
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.pagination import MAX_LIMIT

pytestmark = pytest.mark.django_db

DEFAULT_LIMIT = 20
TOO_MANY = "입력값을 확인해 주세요: limit(허용 범위보다 큽니다)."

_serial = count(1)


# -- rows factories: make(w, n) creates n rows the role sees, returns their ids -------------


def _meister(w):
    from meisterhub.consultations.tests.factories import make_sitting_meister

    if not hasattr(w, "meister"):
        w.meister = make_sitting_meister(weekday=1)
    return w.meister


def _bookings(w, n):
    from meisterhub.consultations.models import Booking

    meister = _meister(w)
    rows = []
    for _ in range(n):
        start = w.now + timedelta(days=3, hours=next(_serial))
        rows.append(Booking(meister=meister, company=w.company_a, field_id="WELD",
                            starts_at=start, ends_at=start + timedelta(minutes=30),
                            place="기술인 카페", status="requested"))
    return [b.pk for b in Booking.objects.bulk_create(rows)]


def _engagements(w, n):
    from meisterhub.mentoring.models import MentoringEngagement

    mentor, today = _meister(w), timezone.localdate()
    made = MentoringEngagement.objects.bulk_create([
        # Every second one on the same day: the order needs its tie-breaker.
        MentoringEngagement(company=w.company_a, mentor=mentor,
                            starts_on=today - timedelta(days=next(_serial) // 2),
                            ends_on=today + timedelta(days=90))
        for _ in range(n)])
    return [e.pk for e in made]


def _events(w, n):
    from meisterhub.events.models import Event

    rows = []
    for _ in range(n):
        start = w.now + timedelta(days=10, minutes=next(_serial) // 2)
        rows.append(Event(title="설명회", kind="briefing", area="hydrogen", starts_at=start,
                          ends_at=start + timedelta(hours=2), place="301호", capacity=30,
                          registration_opens_at=w.now - timedelta(days=1),
                          registration_closes_at=w.now + timedelta(days=9),
                          status="published"))
    return [e.pk for e in Event.objects.bulk_create(rows)]


def _facilities(w, n):
    from meisterhub.facilities.models import Facility

    made = Facility.objects.bulk_create([
        # The same name for all: only the tie-breaker orders them.
        Facility(center="startup", kind="meeting_room", name="회의실", capacity=8)
        for _ in range(n)])
    return [f.pk for f in made]


def _inquiries(w, n):
    from meisterhub.network.models import Inquiry

    today = timezone.localdate()
    made = Inquiry.objects.bulk_create([
        Inquiry(channel="web", category="technical", title=f"문의 {next(_serial)}", body="본문",
                name="김가나", email="kim@example.com", deadline=today + timedelta(days=5),
                submitted_by=w.member_a, field_id="WELD")
        for _ in range(n)])
    return [q.pk for q in made]


def _technologies(w, n):
    from meisterhub.network.models import Institution, Technology

    if not hasattr(w, "institution"):
        w.institution = Institution.objects.create(name="경남테크노파크", kind="support_agency")
    made = Technology.objects.bulk_create([
        Technology(title=f"기술 {next(_serial)}", field_id="WELD", trl=5, owner=w.institution,
                   summary="요약", is_published=True)
        for _ in range(n)])
    return [t.pk for t in made]


def _calls(w, n, **values):
    from meisterhub.programs.models import Call, Program

    if not hasattr(w, "program"):
        w.program = Program.objects.create(area="enterprise", name="기술개발 지원", year=2025)
    return Call.objects.bulk_create([
        Call(program=w.program, title=f"{(i := next(_serial))}차 공고",
             opens_at=w.now - timedelta(days=5, minutes=i), closes_at=w.now + timedelta(days=10),
             **values)
        for _ in range(n)])


def _public_calls(w, n):
    return [c.pk for c in _calls(w, n, published_at=w.now)]


def _managed_calls(w, n):
    return [c.pk for c in _calls(w, n)]


def _applications(w, n, status="draft"):
    from meisterhub.programs.models import Application

    return Application.objects.bulk_create([
        Application(call=c, company=w.company_a, applicant=w.member_a, status=status)
        for c in _calls(w, n)])


def _my_applications(w, n):
    return [a.pk for a in _applications(w, n)]


def _assignments(w, n):
    from meisterhub.programs.models import Assignment

    made = Assignment.objects.bulk_create([
        Assignment(application=a, evaluator=w.evaluator, assigned_by=w.staff)
        for a in _applications(w, n, status="evaluating")])
    return [a.pk for a in made]


def _programs(w, n):
    from meisterhub.programs.models import Program

    made = Program.objects.bulk_create([
        Program(area="enterprise", name="지원사업", year=2025) for _ in range(n)])
    return [p.pk for p in made]


def _meisters(w, n):
    from meisterhub.meisters.models import Meister

    made = Meister.objects.bulk_create([
        Meister(roster_id=f"R{next(_serial)}", name="마이스터", title="명장", is_active=True)
        for _ in range(n)])
    return [m.pk for m in made]


@dataclass(frozen=True)
class Listed:
    role: str
    make: Callable[[SimpleNamespace, int], list[int]]


# The inventory: path → who asks and what they see.
PAGED = {
    # paged by this change
    "/api/consultations/bookings/mine": Listed("member_a", _bookings),
    "/api/mentoring/": Listed("member_a", _engagements),
    "/api/events/": Listed("anonymous", _events),
    "/api/events/manage/": Listed("staff", _events),
    "/api/facilities/": Listed("anonymous", _facilities),
    "/api/facilities/manage/": Listed("staff", _facilities),
    "/api/network/inquiries/mine": Listed("member_a", _inquiries),
    "/api/network/technologies": Listed("anonymous", _technologies),
    "/api/programs/my/applications": Listed("member_a", _my_applications),
    "/api/programs/evaluations": Listed("evaluator", _assignments),
    "/api/programs/manage/programs": Listed("staff", _programs),
    # paged before
    "/api/meisters/": Listed("anonymous", _meisters),
    "/api/meisters/manage/": Listed("staff", _meisters),
    "/api/programs/calls": Listed("anonymous", _public_calls),
    "/api/programs/manage/calls": Listed("staff", _managed_calls),
}

# Every GET that still answers a plain JSON array, and why.
KEPT_UNPAGED = {
    "/api/meisters/fields": "the fixed taxonomy of expertise fields (23 rows)",
    "/api/consultations/meisters/{meister_id}/slots":
        "computed free slots of one meister, bounded by the booking window (92 days at most)",
    "/api/rotation/meisters/{meister_id}/blocks": "one meister's weekly rotation blocks",
    "/api/rotation/meisters/{meister_id}/leaves": "one meister's leaves from today on",
    "/api/facilities/{facility_id}/busy": "one room's busy times, bounded by `days` (62 at most)",
}


@pytest.fixture
def world(taxonomy, company_a, member_a, staff_user):
    return SimpleNamespace(now=timezone.now(), company_a=company_a, member_a=member_a,
                           staff=staff_user,
                           evaluator=UserFactory(role="evaluator", username="api_evaluator"))


def _get(client, path: str, **params):
    for cache in caches.all():  # bulk_create bumps no cache stamp
        cache.clear()
    return client.get(path, params)


def _page(client, path: str, **params) -> dict:
    response = _get(client, path, **params)
    assert response.status_code == 200, (path, response.content)
    body = response.json()
    assert set(body) == {"items", "count"}, path
    return body


@pytest.mark.parametrize("path", list(PAGED))
def test_list_is_paged(path, world, client):
    case = PAGED[path]
    user = {"anonymous": None, "member_a": world.member_a, "staff": world.staff,
            "evaluator": world.evaluator}[case.role]
    if user is not None:
        client.force_login(user)
    ids = case.make(world, DEFAULT_LIMIT + 1)

    first = _page(client, path)
    assert first["count"] == len(ids)
    assert len(first["items"]) == DEFAULT_LIMIT
    rest = _page(client, path, offset=DEFAULT_LIMIT)
    assert rest["count"] == len(ids)
    shown = [row["id"] for row in first["items"] + rest["items"]]
    assert sorted(shown) == sorted(ids)  # every row once: the order is stable across pages

    too_many = _get(client, path, limit=MAX_LIMIT + 1)
    assert (too_many.status_code, too_many.json()["detail"]) == (422, TOO_MANY)

    # A page of every row (21, then 63): a query per row would show here.
    with CaptureQueriesContext(connection) as once:
        assert len(_page(client, path, limit=MAX_LIMIT)["items"]) == len(ids)
    case.make(world, 2 * (DEFAULT_LIMIT + 1))
    with CaptureQueriesContext(connection) as thrice:
        third = _page(client, path, limit=MAX_LIMIT)
    assert (third["count"], len(third["items"])) == (3 * len(ids), 3 * len(ids))
    assert len(thrice) == len(once), path
    assert len(_page(client, path)["items"]) == DEFAULT_LIMIT


def _operation_schema(spec: dict, schema: dict) -> dict:
    ref = schema.get("$ref")
    return spec["components"]["schemas"][ref.rsplit("/", 1)[1]] if ref else schema


def test_every_list_endpoint_is_in_the_inventory(client, db):
    spec = client.get("/api/openapi.json").json()
    paged, plain = set(), set()
    for path, operations in spec["paths"].items():
        get = operations.get("get")
        if get is None:
            continue
        ok = get["responses"].get("200", {}).get("content", {}).get("application/json")
        if ok is None:
            continue
        schema = _operation_schema(spec, ok["schema"])
        if schema.get("type") == "array":
            plain.add(path)
        elif set(schema.get("properties", {})) == {"items", "count"}:
            paged.add(path)
    assert plain == set(KEPT_UNPAGED)
    assert paged == set(PAGED)
