"""The detail page offers each role the actions the permissions allow, in the booking's state."""

from datetime import time

import pytest
from django.urls import reverse

from ..services import book_consultation, confirm_booking
from ..slots import aware
from .factories import bookable_day, field, make_sitting_meister

pytestmark = pytest.mark.django_db

ACTIONS = ("can_confirm", "can_close", "can_cancel", "can_decide", "can_write_record")


@pytest.fixture
def booking(taxonomy, company_a, member_a):
    meister = make_sitting_meister(weekday=1)
    return book_consultation(
        actor=member_a, company=company_a, field=field(), meister=meister,
        starts_at=aware(bookable_day(1), time(10)), problem="용접 불량",
    )


def offered(client, user, booking) -> dict:
    client.force_login(user)
    context = client.get(reverse("consultations:detail", args=[booking.pk])).context
    return {name: context[name] for name in ACTIONS}


def test_a_requested_booking(client, booking, member_a, staff_user):
    assert booking.status == "requested"
    assert offered(client, staff_user, booking) == {
        "can_confirm": True, "can_close": False, "can_cancel": True, "can_decide": True,
        "can_write_record": False}
    assert offered(client, member_a, booking) == {
        "can_confirm": False, "can_close": False, "can_cancel": True, "can_decide": False,
        "can_write_record": False}
    assert offered(client, booking.meister.user, booking) == {
        "can_confirm": False, "can_close": False, "can_cancel": False, "can_decide": True,
        "can_write_record": True}


def test_a_confirmed_booking(client, booking, member_a, staff_user):
    confirm_booking(actor=staff_user, booking=booking)
    assert offered(client, staff_user, booking) == {
        "can_confirm": False, "can_close": True, "can_cancel": True, "can_decide": False,
        "can_write_record": False}
    assert offered(client, member_a, booking) == {
        "can_confirm": False, "can_close": False, "can_cancel": True, "can_decide": False,
        "can_write_record": False}
    meister_page = offered(client, booking.meister.user, booking)
    assert meister_page == {
        "can_confirm": False, "can_close": True, "can_cancel": False, "can_decide": False,
        "can_write_record": True}
    body = client.get(reverse("consultations:detail", args=[booking.pk])).content.decode()
    assert "완료 처리" in body and "예약 취소" not in body and "상담일지 저장" in body
