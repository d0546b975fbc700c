"""Every HTML page that renders a list which grows with the data is bounded and paged.

The table LISTS below is the inventory: (role, page, rows factory, page size, page parameter).
For each page: page_size + 1 rows show at most page_size on page 1 with a link to page 2,
page 2 shows the rest, and page 1 costs the same number of queries with 1× and 3× the rows.

Left unpaged on purpose (see the report of issue 16):
- lists under a hard bound by their nature: the meister home's today (the day's slots), the
  reports dashboard's latest jobs (5), history panels (readable_history_of limits), the import
  preview (1,000 rows);
- small fixed or per-object lists: taxonomy fields, facility photos, a council's member
  institutions, an institution's contacts, a project's financings and milestones, a call's
  required documents and criteria, a contest's judges and criteria, a program's calls, a
  company's members, an evaluator's conflict declarations, the councils themselves;
- lists regrouped by year with per-year totals (hidden champions, awards): a page would split
  a year and its count; they grow by a few dozen rows a year;
- the judging page (one table per contest judged) and the consultation week board and month
  calendar, which page by meister/week already (consultations/week_schedule.py).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import count
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.companies.tests.factories import CompanyFactory
from meisterhub.core.paging import PER_PAGE

pytestmark = pytest.mark.django_db

_serial = count(1)


def _marker(n: int) -> str:
    return f"PGROW{n:05d}Z"


# -- rows factories: make(w, n) creates n rows the role sees, returns one needle per row -----


def _meister(w):
    from meisterhub.consultations.tests.factories import make_sitting_meister

    if not hasattr(w, "meister"):
        w.meister = make_sitting_meister(weekday=1)
    return w.meister


def _past_bookings(w, n, status="completed"):
    from meisterhub.consultations.models import Booking

    meister, now = _meister(w), w.now
    rows = []
    for _ in range(n):
        start = now - timedelta(days=2, hours=next(_serial))
        rows.append(Booking(meister=meister, company=w.company_a, field_id="WELD",
                            starts_at=start, ends_at=start + timedelta(minutes=30),
                            place="기술인 카페", status=status))
    made = Booking.objects.bulk_create(rows)
    return [reverse("consultations:detail", args=[b.pk]) + '"' for b in made]


def _cancelled_bookings(w, n):
    return _past_bookings(w, n, status="cancelled")


def _requested_bookings(w, n):
    from meisterhub.consultations.models import Booking

    meister, now = _meister(w), w.now
    rows = []
    for _ in range(n):
        start = now + timedelta(days=3, hours=next(_serial))
        rows.append(Booking(meister=meister, company=w.company_a, field_id="WELD",
                            starts_at=start, ends_at=start + timedelta(minutes=30),
                            place="기술인 카페", status="requested"))
    made = Booking.objects.bulk_create(rows)
    return [reverse("consultations:detail", args=[b.pk]) + '"' for b in made]


def _future_bookings(w, n, status, **values):
    from meisterhub.consultations.models import Booking

    meister, now = _meister(w), w.now
    rows = []
    for _ in range(n):
        start = now + timedelta(days=3, hours=next(_serial))
        rows.append(Booking(meister=meister, company=w.company_a, field_id="WELD",
                            starts_at=start, ends_at=start + timedelta(minutes=30),
                            place="기술인 카페", status=status, **values))
    return Booking.objects.bulk_create(rows)


def _detail_links(bookings) -> list[str]:
    return [reverse("consultations:detail", args=[b.pk]) + '"' for b in bookings]


def _confirmed_upcoming(w, n):
    return _detail_links(_future_bookings(w, n, "confirmed"))


def _to_be_moved(w, n):
    """Waiting for the meister's answer, and not in the upcoming list (a new time is due)."""
    return [f'id="pending-{b.pk}"' for b in _future_bookings(w, n, "needs_change")]


def _open_proposals(w, n):
    start = w.now + timedelta(days=20)
    return _detail_links(_future_bookings(w, n, "proposed", proposed_starts_at=start,
                                          proposed_ends_at=start + timedelta(minutes=30)))


def _records_due(w, n):
    return _past_bookings(w, n, status="confirmed")


def _awaiting_company(w, n):
    return _detail_links(_future_bookings(w, n, "needs_change"))


def _onsite(w, n):
    from meisterhub.consultations.models import OnsiteEngagement

    made = OnsiteEngagement.objects.bulk_create([
        OnsiteEngagement(company=w.company_a, meister=_meister(w), problem="도장 불량",
                         visit_quota=3) for _ in range(n)])
    return [reverse("consultations:onsite_detail", args=[e.pk]) + '"' for e in made]


def _closures(w, n):
    from meisterhub.consultations.models import Closure

    rows, needles = [], []
    for _ in range(n):
        k = next(_serial)
        day = date(2020, 1, 1) + timedelta(days=k)  # long past: no slot of the page closes
        rows.append(Closure(starts_on=day, ends_on=day, reason=_marker(k)))
        needles.append(_marker(k))
    Closure.objects.bulk_create(rows)
    return needles


def _decisions(w, n):
    from meisterhub.network.models import Decision, Meeting

    meeting = Meeting.objects.create(council=_council(w), kind="working", title="실무회의",
                                     held_on=date(2020, 1, 1))
    rows, needles = [], []
    for _ in range(n):
        k = next(_serial)
        rows.append(Decision(meeting=meeting, text=_marker(k), owner_person="김담당",
                             due_on=date(2030, 1, 1) + timedelta(days=k)))
        needles.append(_marker(k))
    Decision.objects.bulk_create(rows)
    return needles


def _meisters(w, n):
    from meisterhub.meisters.models import Meister

    made = Meister.objects.bulk_create([
        Meister(roster_id=f"R{(i := next(_serial))}", name=_marker(i), title="명장", is_active=True)
        for _ in range(n)])
    return [_marker(int(m.roster_id[1:])) for m in made]


def _surveys(w, n):
    from meisterhub.consultations.models import Booking, SatisfactionSurvey
    from meisterhub.meisters.models import Meister

    needles = _meisters(w, n)
    meisters = Meister.objects.filter(name__in=needles)
    start = timezone.now() - timedelta(days=3)
    bookings = Booking.objects.bulk_create([
        Booking(meister=m, company=w.company_a, field_id="WELD", starts_at=start,
                ends_at=start + timedelta(hours=1), place="기술인 카페", status="completed")
        for m in meisters])
    SatisfactionSurvey.objects.bulk_create([
        SatisfactionSurvey(booking=b, score=4, respondent=w.member_a) for b in bookings])
    return needles


def _inquiries(w, n, **values):
    from meisterhub.network.models import Inquiry

    today = timezone.localdate()
    made = Inquiry.objects.bulk_create([
        Inquiry(channel="web", category="technical", title=f"문의 {next(_serial)}", body="본문",
                name="김가나", email="kim@example.com", deadline=today + timedelta(days=5),
                submitted_by=w.member_a,
                **values)
        for _ in range(n)])
    return [reverse("network:inquiry_detail", args=[q.pk]) + '"' for q in made]


def _institution(w):
    from meisterhub.network.models import Institution

    if not hasattr(w, "institution"):
        w.institution = Institution.objects.create(name="경남테크노파크", kind="support_agency")
    return w.institution


def _technologies(w, n, *, with_transfer=False):
    from meisterhub.network.models import Technology, TransferRequest

    owner = _institution(w)
    made = Technology.objects.bulk_create([
        Technology(title=f"기술 {next(_serial)}", field_id="WELD", trl=5, owner=owner,
                   summary="요약", is_published=True)
        for _ in range(n)])
    if with_transfer:
        TransferRequest.objects.bulk_create([
            TransferRequest(company=w.company_a, technology=t) for t in made])
    return [reverse("network:technology_detail", args=[t.pk]) + '"' for t in made]


def _transfers(w, n):
    return _technologies(w, n, with_transfer=True)


def _projects(w, n):
    from meisterhub.network.models import SmartFactoryProject

    supplier = _institution(w)
    made = SmartFactoryProject.objects.bulk_create([
        SmartFactoryProject(company=w.company_a, year=2025, level="basic",
                            title=f"MES {next(_serial)}", supplier=supplier,
                            total_amount=100_000_000, company_amount=100_000_000)
        for _ in range(n)])
    return [reverse("network:project_detail", args=[p.pk]) + '"' for p in made]


def _institutions(w, n):
    from meisterhub.network.models import Institution

    made = Institution.objects.bulk_create([
        Institution(name=f"기관 {next(_serial):05d}", kind="support_agency") for _ in range(n)])
    return [reverse("network:institution_detail", args=[i.pk]) + '"' for i in made]


def _council(w):
    from meisterhub.network.models import Council

    if not hasattr(w, "council"):
        w.council = Council.objects.create(name="스마트제조 협의회")
    return w.council


def _meetings(w, n):
    from meisterhub.network.models import Meeting

    council = _council(w)
    made = Meeting.objects.bulk_create([
        Meeting(council=council, kind="working", title="실무회의",
                held_on=date(2020, 1, 1) + timedelta(days=next(_serial)))
        for _ in range(n)])
    return [reverse("network:meeting_detail", args=[m.pk]) + '"' for m in made]


def _engagements(w, n):
    from meisterhub.mentoring.models import MentoringEngagement

    mentor, today = _meister(w), timezone.localdate()
    made = MentoringEngagement.objects.bulk_create([
        MentoringEngagement(company=w.company_a, mentor=mentor,
                            starts_on=today - timedelta(days=next(_serial)),
                            ends_on=today + timedelta(days=90))
        for _ in range(n)])
    return [reverse("mentoring:detail", args=[e.pk]) + '"' for e in made]


def _programs(w, n):
    from meisterhub.programs.models import Program

    made = Program.objects.bulk_create([
        Program(area="enterprise", name=f"지원사업 {next(_serial):05d}", year=2025)
        for _ in range(n)])
    return [reverse("programs:manage_program_edit", args=[p.pk]) + '"' for p in made]


def _calls(w, n, **values):
    from meisterhub.programs.models import Call, Program

    if not hasattr(w, "program"):
        w.program = Program.objects.create(area="enterprise", name="기술개발 지원", year=2025)
    now = timezone.now()
    return Call.objects.bulk_create([
        Call(program=w.program, title=f"{(i := next(_serial))}차 공고",
             opens_at=now - timedelta(days=5, minutes=i), closes_at=now + timedelta(days=10),
             **values)
        for _ in range(n)])


def _applications_of_member(w, n, status="draft"):
    from meisterhub.programs.models import Application

    return Application.objects.bulk_create([
        Application(call=c, company=w.company_a, applicant=w.member_a, status=status)
        for c in _calls(w, n)])


def _my_applications(w, n):
    return [a.get_absolute_url() + '"' for a in _applications_of_member(w, n)]


def _assignments(w, n):
    from meisterhub.programs.models import Assignment

    made = Assignment.objects.bulk_create([
        Assignment(application=a, evaluator=w.evaluator, assigned_by=w.staff)
        for a in _applications_of_member(w, n, status="evaluating")])
    return [reverse("programs:assignment_score", args=[a.pk]) + '"' for a in made]


def _the_call(w):
    if not hasattr(w, "call"):
        w.call = _calls(w, 1, published_at=timezone.now())[0]
    return w.call


def _call_applications(w, n):
    from meisterhub.programs.models import Application

    call, now = _the_call(w), timezone.now()
    made = Application.objects.bulk_create([
        Application(call=call, company=c, applicant=w.member_a, status="submitted",
                    submitted_at=now - timedelta(minutes=next(_serial)))
        for c in CompanyFactory.create_batch(n)])
    return [reverse("programs:staff_application", args=[a.pk]) + '"' for a in made]


def _public_calls(w, n):
    made = _calls(w, n, published_at=timezone.now())
    return [reverse("programs:call_detail", args=[c.pk]) + '"' for c in made]


def _managed_calls(w, n):
    made = _calls(w, n)
    return [reverse("programs:manage_call_edit", args=[c.pk]) + '"' for c in made]


def _events(w, n, kind="briefing"):
    from meisterhub.events.models import Event

    now = timezone.now()
    rows = []
    for _ in range(n):
        start = now + timedelta(days=10, minutes=next(_serial))
        rows.append(Event(title="설명회", kind=kind, area="hydrogen", starts_at=start,
                          ends_at=start + timedelta(hours=2), place="301호", capacity=30,
                          registration_opens_at=now - timedelta(days=1),
                          registration_closes_at=now + timedelta(days=9),
                          status="published"))
    return Event.objects.bulk_create(rows)


def _public_events(w, n):
    return [reverse("events:detail", args=[e.pk]) + '"' for e in _events(w, n)]


def _managed_events(w, n):
    return [reverse("events:manage_event", args=[e.pk]) + '"' for e in _events(w, n)]


def _registrations(w, n):
    from meisterhub.events.models import Registration

    made = Registration.objects.bulk_create([
        Registration(event=e, user=w.member_a, status="registered", position=1)
        for e in _events(w, n)])
    return [reverse("events:confirmation", args=[r.pk]) + '"' for r in made]


def _contest(w):
    from meisterhub.events.models import Contest

    if not hasattr(w, "contest"):
        event = _events(w, 1, kind="contest")[0]
        w.contest = Contest.objects.create(
            event=event, submission_deadline=timezone.now() - timedelta(days=1),
            ranking_published_at=timezone.now())
    return w.contest


def _results(w, n):
    from meisterhub.events.models import Submission

    contest = _contest(w)
    users = UserFactory.create_batch(n)
    markers = [_marker(next(_serial)) for _ in users]
    Submission.objects.bulk_create([
        Submission(contest=contest, user=u, title=m, summary="요약", file="x.pdf",
                   file_content_type="application/pdf", file_name="x.pdf",
                   rank=int(m[5:10]))
        for u, m in zip(users, markers, strict=True)])
    return markers


def _facility(w):
    from meisterhub.facilities.tests.factories import make_facility

    if not hasattr(w, "facility"):
        w.facility = make_facility()
    return w.facility


def _reservations(w, n, status="approved"):
    from meisterhub.facilities.models import Reservation

    facility, now = _facility(w), w.now
    rows = []
    for _ in range(n):
        i = next(_serial)
        start = now + timedelta(days=30, hours=2 * i)
        rows.append(Reservation(facility=facility, user=w.member_a, company=w.company_a,
                                starts_at=start, ends_at=start + timedelta(hours=1),
                                blocked_from=start, blocked_until=start + timedelta(hours=1),
                                headcount=2, purpose=_marker(i), status=status))
    return Reservation.objects.bulk_create(rows)


def _my_reservations(w, n):
    return [r.purpose for r in _reservations(w, n)]


def _pending_reservations(w, n):
    return [reverse("facilities:decide", args=[r.pk]) + '"'
            for r in _reservations(w, n, status="pending")]


def _facilities(w, n):
    from meisterhub.facilities.models import Facility

    made = Facility.objects.bulk_create([
        Facility(center="startup", kind="meeting_room", name=f"회의실 {next(_serial):05d}",
                 capacity=8) for _ in range(n)])
    return [reverse("facilities:manage_edit", args=[f.pk]) + '"' for f in made]


def _messages(w, n):
    from meisterhub.notifications.models import Message

    markers = [_marker(next(_serial)) for _ in range(n)]
    Message.objects.bulk_create([
        Message(key=m, recipient=w.member_a, channel="inapp", kind="consultation",
                template="t", subject=m, body="본문", status="sent") for m in markers])
    return markers


def _workers(w, n):
    from meisterhub.reports.models import SkilledWorker

    today = timezone.localdate()
    made = SkilledWorker.objects.bulk_create([
        SkilledWorker(name=f"기능인 {(i := next(_serial)):05d}", birth_year=1980,
                      phone=f"010-1234-{i % 10000:04d}", district="seongsan",
                      consent_given_on=today, consent_purpose="인력 매칭",
                      consent_expires_on=today + timedelta(days=365))
        for _ in range(n)])
    return [reverse("reports:worker_detail", args=[x.pk]) + '"' for x in made]


def _meister_pages(w, n):
    from meisterhub.meisters.models import Meister

    names = _meisters(w, n)
    return [reverse("meisters:detail", args=[pk]) + '"'
            for pk in Meister.objects.filter(name__in=names).values_list("pk", flat=True)]


def _meister_manage(w, n):
    from meisterhub.meisters.models import Meister

    names = _meisters(w, n)
    return [reverse("meisters:manage_edit", args=[pk]) + '"'
            for pk in Meister.objects.filter(name__in=names).values_list("pk", flat=True)]


def _desk(w, n):
    return _inquiries(w, n)


@dataclass(frozen=True)
class Listed:
    role: str
    url: Callable[[SimpleNamespace], str]
    make: Callable[[SimpleNamespace, int], list[str]]
    per_page: int = PER_PAGE
    param: str = "page"


def _at(name, *args):
    return lambda w: reverse(name, args=[a(w) if callable(a) else a for a in args])


# The inventory. New pagers use core.paging (50 a page); the older ones keep their sizes.
LISTS = {
    # paged by this change
    "company consultations (past)": Listed("member_a", _at("consultations:my"), _past_bookings),
    "company consultations (upcoming)": Listed(
        "member_a", _at("consultations:my"), _requested_bookings, param="upcoming_page"),
    "company consultations (cancelled)": Listed(
        "member_a", _at("consultations:my"), _cancelled_bookings, param="cancelled_page"),
    "satisfaction per meister": Listed("staff", _at("consultations:satisfaction"), _surveys),
    "my inquiries": Listed("member_a", _at("network:my_inquiries"), _inquiries),
    "technologies": Listed("anonymous", _at("network:technologies"), _technologies),
    "technology transfers": Listed("member_a", _at("network:transfers"), _transfers),
    "smart factory projects": Listed("member_a", _at("network:projects"), _projects),
    "institutions": Listed("staff", _at("network:institutions"), _institutions),
    "council meetings": Listed(
        "staff", _at("network:council_detail", lambda w: _council(w).pk), _meetings),
    "mentoring engagements": Listed("staff", _at("mentoring:list"), _engagements),
    "my applications": Listed("member_a", _at("programs:my_applications"), _my_applications),
    "evaluator assignments": Listed("evaluator", _at("programs:my_assignments"), _assignments),
    "applications of a call": Listed(
        "staff", _at("programs:call_manage", lambda w: _the_call(w).pk), _call_applications),
    "staff programs": Listed("staff", _at("programs:manage_programs"), _programs),
    "my event registrations": Listed("member_a", _at("events:my"), _registrations),
    "staff events": Listed("staff", _at("events:manage_list"), _managed_events),
    "contest results": Listed(
        "anonymous", _at("events:contest_results", lambda w: _contest(w).event_id), _results),
    "my reservations": Listed("member_a", _at("facilities:my"), _my_reservations),
    "rotation board": Listed("staff", _at("consultations:rotation_board"), _meisters),
    "pending reservations": Listed(
        "staff", _at("facilities:my"), _pending_reservations, param="pending_page"),
    "company consultations (awaiting)": Listed(
        "member_a", _at("consultations:my"), _awaiting_company, param="awaiting_page"),
    "company on-site engagements": Listed(
        "member_a", _at("consultations:my"), _onsite, param="onsite_page"),
    "center closures": Listed("staff", _at("consultations:closures"), _closures),
    "open council decisions": Listed("staff", _at("network:councils"), _decisions),
    "meister home (upcoming)": Listed(
        "meister", _at("consultations:meister_home"), _confirmed_upcoming, param="upcoming_page"),
    "meister home (records to write)": Listed(
        "meister", _at("consultations:meister_home"), _records_due, param="records_page"),
    "meister home (to answer)": Listed(
        "meister", _at("consultations:meister_home"), _to_be_moved, per_page=20,
        param="pending_page"),
    "meister home (open proposals)": Listed(
        "meister", _at("consultations:meister_home"), _open_proposals, param="proposals_page"),
    # paged before
    "public meisters": Listed("anonymous", _at("meisters:list"), _meister_pages, per_page=24),
    "staff meisters": Listed("staff", _at("meisters:manage_list"), _meister_manage),
    "staff consultations": Listed(
        "staff", lambda w: reverse("consultations:staff_list") + "?status=requested",
        _requested_bookings),
    "inquiry desk": Listed("staff", _at("network:desk"), _desk),
    "public events": Listed("anonymous", _at("events:list"), _public_events, per_page=20),
    "notifications inbox": Listed("member_a", _at("notifications:inbox"), _messages,
                                  per_page=20),
    "staff facilities": Listed("staff", _at("facilities:manage_list"), _facilities),
    "public calls": Listed("anonymous", _at("programs:calls"), _public_calls, per_page=20),
    "staff calls": Listed("staff", _at("programs:manage_calls"), _managed_calls, per_page=30),
    "skilled workers": Listed("staff", _at("reports:workers"), _workers, per_page=30),
}


@pytest.fixture
def world(taxonomy, company_a, member_a, staff_user):
    # One clock for every batch, so rows of two batches never overlap in time.
    return SimpleNamespace(now=timezone.now(), company_a=company_a, member_a=member_a,
                           staff=staff_user,
                           evaluator=UserFactory(role="evaluator", username="pg_evaluator"))


def _get(client, url: str) -> str:
    for cache in caches.all():  # public pages cache fragments; bulk_create bumps no stamp
        cache.clear()
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("name", list(LISTS))
def test_list_is_paged(name, world, client):
    case = LISTS[name]
    if case.role == "meister":  # made only here: a meister shows on the public lists
        user = _meister(world).user
    else:
        user = {"anonymous": None, "member_a": world.member_a, "staff": world.staff,
                "evaluator": world.evaluator}[case.role]
    if user is not None:
        client.force_login(user)
    needles = case.make(world, case.per_page + 1)
    url = case.url(world)
    join = "&" if "?" in url else "?"

    first = _get(client, url)
    shown = {n for n in needles if n in first}
    assert len(shown) == case.per_page
    assert f"{case.param}=2" in first
    assert 'aria-current="page"' in first
    second = _get(client, f"{url}{join}{case.param}=2")
    rest = {n for n in needles if n in second}
    assert rest == set(needles) - shown

    with CaptureQueriesContext(connection) as once:
        _get(client, url)
    case.make(world, 2 * (case.per_page + 1))
    with CaptureQueriesContext(connection) as thrice:
        third = _get(client, url)
    assert len({n for n in needles if n in third}) <= case.per_page
    assert len(thrice) == len(once), name


def test_a_page_number_out_of_range_or_not_a_number_falls_back(world, client):
    client.force_login(world.member_a)
    needles = _inquiries(world, PER_PAGE + 1)
    url = reverse("network:my_inquiries")
    last = {n for n in needles if n in _get(client, f"{url}?page=99")}
    assert len(last) == 1
    first = {n for n in needles if n in _get(client, f"{url}?page=abc")}
    assert len(first) == PER_PAGE


def test_the_pager_keeps_the_other_parameters(world, client):
    client.force_login(world.staff)
    _institutions(world, PER_PAGE + 1)
    body = _get(client, reverse("network:institutions") + "?kind=support_agency")
    assert "?kind=support_agency&amp;page=2" in body
