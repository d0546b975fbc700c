import re

import pytest
from django.urls import reverse
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.events.models import Registration
from meisterhub.events.selectors import event_counts, event_counts_by_area
from meisterhub.events.services import register_for_event

from .factories import make_event, make_past_event

pytestmark = pytest.mark.django_db


def _seat(event, status, n):
    for i in range(n):
        user = UserFactory(username=f"{event.pk}-{status}-{i}")
        Registration.objects.create(event=event, user=user, status=status, position=i + 1)


def test_event_counts_per_year_and_area():
    # Events that ended a few hours ago; the year is the one they started in.
    hydrogen = make_past_event(0, area="hydrogen", capacity=50)
    hydrogen.starts_at = timezone.now() - timezone.timedelta(hours=5)
    hydrogen.ends_at = timezone.now() - timezone.timedelta(hours=3)
    hydrogen.save()
    year = timezone.localtime(hydrogen.starts_at).year
    export = make_past_event(0, area="export", capacity=50)
    export.starts_at, export.ends_at = hydrogen.starts_at, hydrogen.ends_at
    export.save()
    _seat(hydrogen, "attended", 3)
    _seat(hydrogen, "registered", 2)
    _seat(hydrogen, "cancelled", 4)
    _seat(hydrogen, "waitlisted", 1)
    _seat(export, "attended", 1)
    make_event(area="hydrogen")  # upcoming: not held yet
    cancelled = make_past_event(0, area="hydrogen", status="cancelled")
    cancelled.starts_at, cancelled.ends_at = hydrogen.starts_at, hydrogen.ends_at
    cancelled.save()
    assert event_counts(year) == {"year": year, "area": None, "sessions": 2,
                                  "registrants": 6, "attendees": 4}
    assert event_counts(year, "hydrogen") == {"year": year, "area": "hydrogen", "sessions": 1,
                                              "registrants": 5, "attendees": 3}
    assert event_counts(year - 1) == {"year": year - 1, "area": None, "sessions": 0,
                                      "registrants": 0, "attendees": 0}
    rows = {row["area"]: row for row in event_counts_by_area(year)}
    assert len(rows) == 7
    assert (rows["export"]["sessions"], rows["export"]["attendees"]) == (1, 1)
    assert rows["future"]["sessions"] == 0


def test_list_filters_and_fixed_queries(client, django_assert_num_queries):
    for n in range(5):
        make_event(title=f"세미나 {n}", kind="seminar", area="export")
    make_event(title="3D프린터 교육", kind="training", area="startup_jobs")
    with django_assert_num_queries(2):  # the count for paging, the page
        page = client.get(reverse("events:list")).content.decode()
    assert len(re.findall(r'href="/events/\d+/"', page)) == 6
    with django_assert_num_queries(0):  # unchanged since: the list comes from the cache
        again = client.get(reverse("events:list")).content.decode()
    assert re.findall(r'href="/events/\d+/"', again) == re.findall(r'href="/events/\d+/"', page)
    training = client.get(reverse("events:list"), {"kind": "training"},
                          headers={"HX-Request": "true"}).content.decode()
    assert "3D프린터 교육" in training and "세미나 0" not in training and "<html" not in training


def test_register_page_flow_and_qr_confirmation(client, member_a, company_a):
    event = make_event(capacity=1)
    client.force_login(member_a)
    response = client.post(reverse("events:register", args=[event.pk]),
                           {"company": company_a.pk})
    registration = Registration.objects.get()
    assert response.url == reverse("events:confirmation", args=[registration.pk])
    page = client.get(response.url).content.decode()
    assert "<svg" in page and registration.code in page and "참가 확정" in page
    client.force_login(UserFactory(username="stranger"))
    assert client.get(response.url).status_code == 404


def test_checkin_page_is_staff_only_and_answers_htmx(client, member_a, staff_user):
    event = make_event()
    registration = register_for_event(actor=member_a, event=event)
    url = reverse("events:checkin", args=[event.pk])
    client.force_login(member_a)
    assert client.get(url).status_code == 403
    client.force_login(staff_user)
    ok = client.post(url, {"code": registration.code}, headers={"HX-Request": "true"})
    body = ok.content.decode()
    assert f"{member_a.full_name}님 체크인되었습니다." in body and "참석 1명" in body
    again = client.post(url, {"code": registration.code}, headers={"HX-Request": "true"})
    assert "이미 체크인되었습니다." in again.content.decode()
    forged = client.post(url, {"code": "forged-code"}, headers={"HX-Request": "true"})
    assert "유효하지 않은 체크인 코드입니다." in forged.content.decode()


def test_counts_page_is_staff_only(client, member_a, staff_user):
    client.force_login(member_a)
    assert client.get(reverse("events:counts")).status_code == 403
    client.force_login(staff_user)
    page = client.get(reverse("events:counts")).content.decode()
    assert "방위·항공부품" in page and 'id="event-counts"' in page


def test_api_register_full_and_cancel(client, member_a, member_b):
    event = make_event(capacity=1, waitlist_enabled=False)
    url = f"/api/events/{event.pk}/registrations"
    assert client.post(url, {}, content_type="application/json").status_code == 401
    client.force_login(member_a)
    made = client.post(url, {}, content_type="application/json")
    assert made.status_code == 201 and made.json()["status"] == "registered"
    client.force_login(member_b)
    full = client.post(url, {}, content_type="application/json")
    assert (full.status_code, full.json()["detail"]) == (409, "정원이 마감되었습니다.")
    rid = made.json()["id"]
    assert client.post(f"/api/events/registrations/{rid}/cancel").status_code == 404
    client.force_login(member_a)
    assert client.post(f"/api/events/registrations/{rid}/cancel").json()["status"] == "cancelled"
    listed = client.get("/api/events/").json()["items"]
    assert listed[0]["seated"] == 0 and listed[0]["capacity"] == 1
