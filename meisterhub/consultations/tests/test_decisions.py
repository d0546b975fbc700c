"""Booking decisions through the services: who may do what, in which state, and what it leaves."""

from datetime import time, timedelta

import pytest

from meisterhub.core.errors import DomainError
from meisterhub.core.history import history_of
from meisterhub.core.history_text import readable_history_of
from meisterhub.notifications.models import Message

from ..models import Booking, BookingStatus
from ..services import book_consultation, cancel_booking, confirm_booking
from ..services.decisions import (
    SLOT_TAKEN,
    accept_proposal,
    decline_booking,
    propose_booking_time,
    reject_proposal,
    reschedule_booking,
)
from ..slots import aware
from .factories import bookable_day, field, make_sitting_meister

pytestmark = pytest.mark.django_db


@pytest.fixture
def meister(taxonomy):
    return make_sitting_meister(weekday=1, end_time=time(14))


@pytest.fixture
def day():
    return bookable_day(1)


def book(member, company, meister, day, hour=10):
    return book_consultation(
        actor=member,
        company=company,
        field=field(),
        meister=meister,
        starts_at=aware(day, time(hour)),
        problem="용접부 기공",
    )


def snapshot(booking):
    booking.refresh_from_db()
    return (booking.status, booking.starts_at, booking.proposed_starts_at, booking.sequence)


def test_own_meister_confirms_and_another_meister_may_not(meister, day, member_a, company_a):
    booking = book(member_a, company_a, meister, day)
    other = make_sitting_meister(weekday=2)
    with pytest.raises(DomainError, match="담당 마이스터나 운영자만") as refused:
        confirm_booking(actor=other.user, booking=booking)
    assert refused.value.code == "forbidden"
    assert snapshot(booking)[0] == BookingStatus.REQUESTED
    confirm_booking(actor=meister.user, booking=booking)
    booking.refresh_from_db()
    assert (booking.status, booking.sequence) == (BookingStatus.CONFIRMED, 1)
    entry = history_of(booking).first()
    assert (entry.action, entry.changes["status"]) == (
        "consultations.booking.confirmed",
        ["requested", "confirmed"],
    )


def test_decline_needs_a_reason_and_tells_the_company_why(meister, day, member_a, company_a):
    booking = book(member_a, company_a, meister, day)
    before = snapshot(booking)
    for blank in ("", "   "):
        with pytest.raises(DomainError, match="거절 사유를 적어 주세요") as error:
            decline_booking(actor=meister.user, booking=booking, reason=blank)
        assert error.value.field == "reason"
    assert snapshot(booking) == before
    decline_booking(actor=meister.user, booking=booking, reason="주조 분야 문의입니다.")
    booking.refresh_from_db()
    assert (booking.status, booking.decision_reason, booking.sequence) == (
        BookingStatus.DECLINED,
        "주조 분야 문의입니다.",
        1,
    )
    notice = Message.objects.get(recipient=member_a, channel="email", subject__contains="거절")
    assert "사유: 주조 분야 문의입니다." in notice.body
    assert "METHOD:CANCEL" in notice.attachment
    text = readable_history_of(booking)[0]["text"]
    assert text.startswith("상담 예약 거절: 상태(신청 → 거절), 거절·변경 사유(")
    assert text.endswith("주조 분야 문의입니다.)")
    # The slot is free again and the booking cannot be declined twice.
    assert book(member_a, company_a, meister, day).status == BookingStatus.REQUESTED
    with pytest.raises(DomainError, match="‘거절’ 상태의 상담은 거절할 수 없습니다"):
        decline_booking(actor=meister.user, booking=booking, reason="다시")


def test_propose_releases_the_slot_and_accepting_confirms_the_new_time(
    meister, day, member_a, company_a, member_b, company_b
):
    booking = book(member_a, company_a, meister, day)
    propose_booking_time(
        actor=meister.user, booking=booking, starts_at=aware(day, time(12)), reason="오전 출장"
    )
    booking.refresh_from_db()
    assert (booking.status, booking.proposed_starts_at, booking.sequence) == (
        BookingStatus.PROPOSED,
        aware(day, time(12)),
        1,
    )
    notice = Message.objects.get(recipient=member_a, channel="email", subject__contains="제안")
    assert "사유: 오전 출장" in notice.body and "제안한 일시:" in notice.body
    # The old 10:00 no longer holds: somebody else may take it.
    assert book(member_b, company_b, meister, day).status == BookingStatus.REQUESTED
    accept_proposal(actor=member_a, booking=booking)
    booking.refresh_from_db()
    assert (booking.status, booking.starts_at, booking.ends_at, booking.proposed_starts_at) == (
        BookingStatus.CONFIRMED,
        aware(day, time(12)),
        aware(day, time(13)),
        None,
    )
    assert booking.sequence == 2
    text = readable_history_of(booking)[0]["text"]
    assert text.startswith("상담 예약 확정: ") and "상태(다른 시간 제안 → 확정)" in text


def test_propose_refuses_a_taken_or_same_or_unknown_time(
    meister, day, member_a, company_a, member_b, company_b
):
    booking = book(member_a, company_a, meister, day)
    book(member_b, company_b, meister, day, 11)
    before = snapshot(booking)
    cases = [
        (aware(day, time(11)), SLOT_TAKEN),
        (aware(day, time(10)), "지금 예약된 시간과 다른 시간을 고르세요."),
        (aware(day, time(15)), "마이스터의 상담 일정(요일별 상담 시간)에 없는 시간입니다."),
        (aware(day - timedelta(weeks=3), time(10)), "지난 시간은 예약할 수 없습니다."),
    ]
    for starts_at, message in cases:
        with pytest.raises(DomainError) as error:
            propose_booking_time(actor=meister.user, booking=booking, starts_at=starts_at)
        assert (error.value.message, error.value.field) == (message, "slot")
    assert snapshot(booking) == before
    with pytest.raises(DomainError, match="담당 마이스터나 운영자만"):
        propose_booking_time(actor=member_a, booking=booking, starts_at=aware(day, time(12)))


def test_accepting_a_proposal_whose_slot_was_taken_changes_nothing(
    meister, day, member_a, company_a, member_b, company_b
):
    booking = book(member_a, company_a, meister, day)
    propose_booking_time(actor=meister.user, booking=booking, starts_at=aware(day, time(12)))
    book(member_b, company_b, meister, day, 12)
    before = snapshot(booking)
    with pytest.raises(DomainError, match="다른 기업이 그 시간을 예약했습니다") as error:
        accept_proposal(actor=member_a, booking=booking)
    assert error.value.code == "conflict"
    assert snapshot(booking) == before
    with pytest.raises(DomainError, match="이 상담의 기업만"):
        accept_proposal(actor=member_b, booking=booking)


def test_rejecting_a_proposal_cancels_the_booking(meister, day, member_a, company_a, member_b):
    booking = book(member_a, company_a, meister, day)
    with pytest.raises(DomainError, match="거절할 시간 제안이 없습니다"):
        reject_proposal(actor=member_a, booking=booking)
    propose_booking_time(actor=meister.user, booking=booking, starts_at=aware(day, time(12)))
    with pytest.raises(DomainError, match="이 상담의 기업만"):
        reject_proposal(actor=member_b, booking=booking)
    reject_proposal(actor=member_a, booking=booking)
    booking.refresh_from_db()
    assert (booking.status, booking.cancel_reason) == (
        BookingStatus.CANCELLED,
        "제안된 시간을 거절함",
    )
    assert history_of(booking).first().action == "consultations.booking.cancelled"


def test_reschedule_moves_in_one_step_and_asks_the_meister_again(
    meister, day, member_a, company_a, staff_user
):
    booking = book(member_a, company_a, meister, day)
    confirm_booking(actor=staff_user, booking=booking)
    reschedule_booking(actor=member_a, booking=booking, starts_at=aware(day, time(13)))
    booking.refresh_from_db()
    assert (booking.status, booking.starts_at, booking.sequence) == (
        BookingStatus.REQUESTED,
        aware(day, time(13)),
        2,
    )
    assert (
        Booking.objects.filter(meister=meister, status__in=["requested", "confirmed"]).count() == 1
    )
    meister_notice = Message.objects.get(
        recipient=meister.user, channel="email", template="consultation_rescheduled"
    )
    assert "일시:" in meister_notice.body and "SEQUENCE:2" in meister_notice.attachment
    entry = history_of(booking).first()
    assert entry.action == "consultations.booking.rescheduled"
    assert entry.changes["starts_at"][1] == str(aware(day, time(13)))
    # The old 10:00 was released.
    assert book(member_a, company_a, meister, day).status == BookingStatus.REQUESTED


def test_reschedule_into_a_taken_slot_keeps_the_old_one(
    meister, day, member_a, company_a, member_b, company_b
):
    mine = book(member_a, company_a, meister, day)
    book(member_b, company_b, meister, day, 11)
    before = snapshot(mine)
    with pytest.raises(DomainError) as error:
        reschedule_booking(actor=member_a, booking=mine, starts_at=aware(day, time(11)))
    assert (error.value.message, error.value.code, error.value.field) == (
        SLOT_TAKEN,
        "conflict",
        "slot",
    )
    assert snapshot(mine) == before


def test_reschedule_rules(meister, day, member_a, company_a, member_b, settings):
    booking = book(member_a, company_a, meister, day)
    with pytest.raises(DomainError, match="이 상담의 기업만"):
        reschedule_booking(actor=member_b, booking=booking, starts_at=aware(day, time(11)))
    with pytest.raises(DomainError, match="지금 예약된 시간과 다른 시간"):
        reschedule_booking(actor=member_a, booking=booking, starts_at=aware(day, time(10)))
    settings.CONSULTATION_CANCEL_DEADLINE_HOURS = 24 * 60
    with pytest.raises(DomainError, match="시간 전까지만 일정을 바꿀 수 있습니다"):
        reschedule_booking(actor=member_a, booking=booking, starts_at=aware(day, time(11)))
    settings.CONSULTATION_CANCEL_DEADLINE_HOURS = 24
    cancel_booking(actor=member_a, booking=booking)
    with pytest.raises(DomainError, match="‘취소’ 상태의 상담은 일정을 바꿀 수 없습니다"):
        reschedule_booking(actor=member_a, booking=booking, starts_at=aware(day, time(11)))


def test_a_needs_change_booking_may_be_moved_or_answered_by_the_meister(
    meister, day, member_a, company_a
):
    booking = book(member_a, company_a, meister, day)
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.NEEDS_CHANGE)
    propose_booking_time(actor=meister.user, booking=booking, starts_at=aware(day, time(11)))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PROPOSED
    # The company prefers yet another slot: that is a reschedule.
    reschedule_booking(actor=member_a, booking=booking, starts_at=aware(day, time(13)))
    booking.refresh_from_db()
    assert (booking.status, booking.starts_at, booking.proposed_starts_at) == (
        BookingStatus.REQUESTED,
        aware(day, time(13)),
        None,
    )


def test_a_stale_decision_is_refused_and_says_what_changed(meister, day, member_a, company_a):
    booking = book(member_a, company_a, meister, day)
    loaded = booking.sequence
    reschedule_booking(
        actor=member_a, booking=booking, starts_at=aware(day, time(13)), sequence=loaded
    )
    before = snapshot(booking)
    with pytest.raises(DomainError) as error:
        confirm_booking(actor=meister.user, booking=booking, sequence=loaded)
    assert error.value.code == "conflict"
    assert error.value.message.startswith("다른 사용자가 먼저 이 상담을 바꾸었습니다. 바뀐 내용: ")
    assert "시작(" in error.value.message and "13:00" in error.value.message
    assert snapshot(booking) == before
    confirm_booking(actor=meister.user, booking=booking, sequence=booking.sequence)
    assert snapshot(booking)[0] == BookingStatus.CONFIRMED


def test_staff_may_answer_for_anyone(meister, day, member_a, company_a, staff_user):
    booking = book(member_a, company_a, meister, day)
    propose_booking_time(actor=staff_user, booking=booking, starts_at=aware(day, time(11)))
    accept_proposal(actor=staff_user, booking=booking)
    booking.refresh_from_db()
    assert (booking.status, booking.starts_at) == (BookingStatus.CONFIRMED, aware(day, time(11)))
