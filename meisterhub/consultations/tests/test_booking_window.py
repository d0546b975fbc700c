"""One booking window for the service, the request form, the JSON API and the month calendar."""

import json
import math
import re
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meisterhub.core.errors import DomainError

from ..forms import BookingRequestForm
from ..models import Booking, ConsultationRequest
from ..services import book_consultation
from ..services.decisions import reschedule_booking
from .factories import field
from .window_helpers import at, open_run, weekday_meister, window_ending_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def meister(taxonomy):
    return weekday_meister()


@pytest.fixture
def edge(settings):
    """(last, beyond): two open days in a row; the window ends on the first one."""
    last, beyond = open_run(2, after_days=10)
    window_ending_on(settings, last)
    return last, beyond


def book(member, company, meister, starts_at):
    return book_consultation(
        actor=member,
        company=company,
        field=field(),
        meister=meister,
        starts_at=starts_at,
        problem="열처리 후 변형이 큽니다.",
    )


def korean(day) -> str:
    return f"{day.year}년 {day.month}월 {day.day}일"


def test_service_books_the_last_day_of_the_window_and_refuses_the_day_after(
    meister, edge, member_a, company_a
):
    last, beyond = edge
    with pytest.raises(DomainError) as refused:
        book(member_a, company_a, meister, at(beyond, 10))
    opens = beyond - timedelta(days=(last - timezone.localdate()).days)
    assert refused.value.message == (
        f"상담은 {korean(last)}까지만 예약할 수 있습니다. "
        f"{korean(beyond)} 상담은 {korean(opens)}부터 예약할 수 있습니다."
    )
    assert (refused.value.field, refused.value.code) == ("slot", "invalid")
    assert Booking.objects.count() == 0 and ConsultationRequest.objects.count() == 0
    booking = book(member_a, company_a, meister, at(last, 11))
    assert booking.starts_at == at(last, 11)


def test_service_keeps_the_lead_time(meister, settings, member_a, company_a):
    soon, later = open_run(2, after_days=1)
    # Both of `soon`'s slots start within the lead time; `later`'s do not.
    lead = math.ceil((at(soon, 11) - timezone.now()).total_seconds() / 3600)
    settings.CONSULTATION_BOOKING_LEAD_HOURS = lead
    with pytest.raises(DomainError, match=f"^상담은 시작 {lead}시간 전까지만 예약할 수 있습니다.$"):
        book(member_a, company_a, meister, at(soon, 11))
    assert Booking.objects.count() == 0
    assert book(member_a, company_a, meister, at(later, 10)).starts_at == at(later, 10)


def test_a_move_is_held_to_the_window_too(meister, edge, member_a, company_a):
    last, beyond = edge
    booking = book(member_a, company_a, meister, at(last, 10))
    with pytest.raises(DomainError, match="까지만 예약할 수 있습니다"):
        reschedule_booking(actor=member_a, booking=booking, starts_at=at(beyond, 10))
    booking.refresh_from_db()
    assert booking.starts_at == at(last, 10)


def test_form_offers_exactly_the_window(meister, edge, member_a, settings):
    last, _beyond = edge
    form = BookingRequestForm(initial={"meister": meister.pk}, user=member_a)
    offered = [key for key, _label in form.fields["slot"].widget.choices if key]
    days = sorted({timezone.localdate(s.starts_at) for s in form.slot_list})
    assert offered == [s.key for s in form.slot_list]
    assert days[-1] == last  # the window's last day is offered, nothing after it
    assert at(last, 11).isoformat() in offered
    # A week more of window offers a week more of slots.
    settings.CONSULTATION_BOOKING_WINDOW_DAYS += 7
    wider = BookingRequestForm(initial={"meister": meister.pk}, user=member_a)
    assert max(timezone.localdate(s.starts_at) for s in wider.slot_list) > last


def test_form_shows_the_service_refusal_next_to_the_slot(
    client, meister, edge, member_a, company_a
):
    _last, beyond = edge
    client.force_login(member_a)
    response = client.post(
        reverse("consultations:new"),
        {
            "company": company_a.pk,
            "field": "WELD",
            "meister": meister.pk,
            "slot": at(beyond, 10).isoformat(),
            "problem": "열처리 후 변형이 큽니다.",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'is-error">.*?상담 일시.*?까지만 예약할 수 있습니다', page, re.S)
    assert "선택가능항목" not in page
    assert Booking.objects.count() == 0


def test_api_refuses_outside_the_window_and_lists_only_the_window(
    client, meister, edge, member_a, company_a
):
    last, beyond = edge
    client.force_login(member_a)
    payload = {
        "company_id": company_a.pk,
        "field": "WELD",
        "meister_id": meister.pk,
        "starts_at": at(beyond, 10).isoformat(),
        "problem": "열처리 후 변형이 큽니다.",
    }
    refused = client.post(
        "/api/consultations/bookings", json.dumps(payload), content_type="application/json"
    )
    assert refused.status_code == 400
    assert refused.json()["detail"].startswith(f"상담은 {korean(last)}까지만 예약할 수 있습니다.")
    assert Booking.objects.count() == 0
    listed = client.get(
        f"/api/consultations/meisters/{meister.pk}/slots",
        {"end": (beyond + timedelta(days=30)).isoformat()},
    ).json()
    days = {timezone.localdate(datetime.fromisoformat(s["starts_at"])) for s in listed}
    assert max(days) == last
    assert (
        client.get(
            f"/api/consultations/meisters/{meister.pk}/slots", {"start": beyond.isoformat()}
        ).json()
        == []
    )
    payload["starts_at"] = at(last, 10).isoformat()
    created = client.post(
        "/api/consultations/bookings", json.dumps(payload), content_type="application/json"
    )
    assert created.status_code == 201


def month_page(client, meister, day) -> str:
    url = reverse("consultations:meister_month", args=[meister.pk])
    return client.get(url, {"month": day.strftime("%Y-%m")}).content.decode()


def test_calendar_links_only_days_inside_the_window(client, meister, edge, member_a):
    last, beyond = edge
    client.force_login(member_a)
    opens = beyond - timedelta(days=(last - timezone.localdate()).days)
    last_page, beyond_page = month_page(client, meister, last), month_page(client, meister, beyond)
    link = f"slot={at(last, 10).isoformat().replace(':', '%3A').replace('+', '%2B')}"
    assert link in last_page
    assert f"{opens.month}월 {opens.day}일부터 신청" in beyond_page
    beyond_key = at(beyond, 10).isoformat().replace(":", "%3A").replace("+", "%2B")
    assert beyond_key not in beyond_page
    # Months later: nothing is offered, every sitting day says when it opens.
    far = beyond + timedelta(days=70)
    far_page = month_page(client, meister, far)
    assert "빈 시간" not in far_page.split('class="month-table"')[1]
    assert "부터 신청" in far_page
