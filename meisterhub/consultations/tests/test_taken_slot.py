"""A taken slot: one clear Korean answer with the meister's three nearest free slots."""

import json

import pytest
from django.urls import reverse

from ..models import Booking
from ..services import book_consultation
from ..slots import SlotTaken
from .factories import field
from .window_helpers import at, open_run, weekday_meister, window_ending_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def meister(taxonomy):
    return weekday_meister()


@pytest.fixture
def days():
    """Three open days in a row; each has the slots 10:00 and 11:00."""
    return open_run(3, after_days=8)


def book(member, company, meister, starts_at):
    return book_consultation(
        actor=member,
        company=company,
        field=field(),
        meister=meister,
        starts_at=starts_at,
        problem="사출품 표면에 은줄이 생깁니다.",
    )


def test_taken_slot_offers_the_three_closest_free_slots_either_side(
    meister, days, member_a, company_a, member_b, company_b
):
    before, day, after = days
    book(member_a, company_a, meister, at(day, 11))
    with pytest.raises(SlotTaken) as taken:
        book(member_b, company_b, meister, at(day, 11))
    assert (taken.value.message, taken.value.code, taken.value.field) == (
        "이미 예약된 시간입니다.",
        "conflict",
        "slot",
    )
    # 1 h before, 23 h after, then the tie at 24 h goes to the earlier one; shown in time order.
    assert [s.starts_at for s in taken.value.alternatives] == [
        at(before, 11),
        at(day, 10),
        at(after, 10),
    ]
    assert Booking.objects.count() == 1


def test_alternatives_stay_inside_the_window(
    meister, days, settings, member_a, company_a, member_b, company_b
):
    before, day, _after = days
    window_ending_on(settings, day)
    book(member_a, company_a, meister, at(day, 11))
    with pytest.raises(SlotTaken) as taken:
        book(member_b, company_b, meister, at(day, 11))
    assert [s.starts_at for s in taken.value.alternatives] == [
        at(before, 10),
        at(before, 11),
        at(day, 10),
    ]


def test_form_says_taken_keeps_the_typed_text_and_offers_buttons(
    client, meister, days, member_a, company_a, member_b, company_b
):
    before, day, after = days
    client.force_login(member_a)
    # The page was loaded with 11:00 free; another company takes it before the form is sent.
    book(member_b, company_b, meister, at(day, 11))
    response = client.post(
        reverse("consultations:new"),
        {
            "company": company_a.pk,
            "field": "WELD",
            "meister": meister.pk,
            "slot": at(day, 11).isoformat(),
            "problem": "사출품 표면에 은줄이 생깁니다. 금형 온도는 60도입니다.",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "이미 예약된 시간입니다." in page
    assert "선택가능항목" not in page and "올바르게 선택해 주세요" not in page
    assert "금형 온도는 60도입니다." in page
    assert f'<option value="{company_a.pk}" selected>' in page
    assert f'<option value="{meister.pk}" selected>' in page
    buttons = page.split('id="slot-alternatives"')[1].split("</div>")[0]
    keys = [part.split('"')[0] for part in buttons.split('data-slot-key="')[1:]]
    assert keys == [at(before, 11).isoformat(), at(day, 10).isoformat(), at(after, 10).isoformat()]
    assert Booking.objects.count() == 1


def test_api_answers_409_with_the_alternatives_as_data(
    client, meister, days, member_a, company_a, member_b, company_b
):
    before, day, after = days
    book(member_a, company_a, meister, at(day, 11))
    client.force_login(member_b)
    response = client.post(
        "/api/consultations/bookings",
        json.dumps(
            {
                "company_id": company_b.pk,
                "field": "WELD",
                "meister_id": meister.pk,
                "starts_at": at(day, 11).isoformat(),
                "problem": "사출품 표면에 은줄이 생깁니다.",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 409
    body = response.json()
    assert (body["detail"], body["field"]) == ("이미 예약된 시간입니다.", "slot")
    assert [(a["starts_at"], a["ends_at"], a["place"]) for a in body["alternatives"]] == [
        (
            at(h_day, hour).isoformat(),
            at(h_day, hour + 1).isoformat(),
            "기술인 카페",
        )
        for h_day, hour in ((before, 11), (day, 10), (after, 10))
    ]
    assert Booking.objects.count() == 1
