"""Rotation services: who may change what, the overlap rule (patterns included), date/time
order, and booked time that a change would remove (refused, or moved to 변경 필요)."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from meisterhub.core.errors import DomainError
from meisterhub.core.models import History
from meisterhub.notifications.models import Message

from ..models import Booking, BookingStatus, MeisterLeave, RotationBlock, WeekPattern
from ..services import book_consultation
from ..services.rotation import (
    BookingsAffected,
    create_rotation_block,
    declare_leave,
    delete_rotation_block,
    update_rotation_block,
    withdraw_leave,
)
from ..slots import aware, free_slots, monday_of
from .factories import bookable_day, field, make_sitting_meister

pytestmark = pytest.mark.django_db


@pytest.fixture
def meister(taxonomy):
    return make_sitting_meister(weekday=1)  # Tuesdays 10:00–12:00, weekly


@pytest.fixture
def block(meister):
    return meister.rotation_blocks.get()


@pytest.fixture
def booking(meister, member_a, company_a):
    return book_consultation(
        actor=member_a,
        company=company_a,
        field=field(),
        meister=meister,
        starts_at=aware(bookable_day(1), time(11)),
        problem="용접 비드가 고르지 않습니다.",
    )


def block_values(**extra):
    values = {"weekday": 1, "start_time": time(14), "end_time": time(16)}
    values.update(extra)
    return values


# --- who may -----------------------------------------------------------------------------


def test_staff_adds_a_block_for_any_meister_with_history(meister, staff_user):
    result = create_rotation_block(actor=staff_user, meister=meister, **block_values())
    block = result.instance
    assert (block.weekday, block.start_time, block.place) == (1, time(14), "기술인 카페")
    entry = History.objects.get(action="consultations.rotation.added", object_id=str(block.pk))
    assert entry.actor == staff_user and entry.changes["start_time"] == "14:00"


def test_a_meister_changes_only_their_own_rotation(meister, block, taxonomy):
    other = make_sitting_meister(weekday=3)
    create_rotation_block(actor=meister.user, meister=meister, **block_values(weekday=2))
    with pytest.raises(DomainError) as refused:
        create_rotation_block(actor=meister.user, meister=other, **block_values(weekday=2))
    assert refused.value.code == "forbidden"
    with pytest.raises(DomainError):
        update_rotation_block(
            actor=meister.user, block=other.rotation_blocks.get(), start_time=time(9)
        )
    assert other.rotation_blocks.get().start_time == time(10)
    assert other.rotation_blocks.count() == 1


def test_a_company_member_changes_nothing(meister, block, member_a):
    with pytest.raises(DomainError):
        create_rotation_block(actor=member_a, meister=meister, **block_values())
    with pytest.raises(DomainError):
        declare_leave(
            actor=member_a,
            meister=meister,
            starts_on=bookable_day(1),
            ends_on=bookable_day(1),
        )
    with pytest.raises(DomainError):
        delete_rotation_block(actor=member_a, block=block)
    assert (RotationBlock.objects.count(), MeisterLeave.objects.count()) == (1, 0)


# --- rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "field_name"),
    [
        (block_values(start_time=time(16), end_time=time(14)), "end_time"),
        (block_values(start_time=time(14), end_time=time(14)), "end_time"),
        (block_values(start_time=time(14), end_time=time(14, 30)), "end_time"),  # < 60 min
        (block_values(weekday=5), "weekday"),
        (block_values(slot_minutes=5), "slot_minutes"),
        (block_values(pattern=WeekPattern.EVERY_N_WEEKS, interval_weeks=2), "anchor_date"),
        (block_values(pattern=WeekPattern.EVERY_N_WEEKS, interval_weeks=1), "interval_weeks"),
        (block_values(pattern=WeekPattern.AB), "ab_week"),
        (
            block_values(valid_from=bookable_day(1, weeks=3), valid_until=bookable_day(1)),
            "valid_until",
        ),
        (block_values(start_time=time(11), end_time=time(13)), "start_time"),  # overlap
    ],
)
def test_bad_blocks_are_refused_beside_their_field(meister, staff_user, values, field_name):
    with pytest.raises(DomainError) as refused:
        create_rotation_block(actor=staff_user, meister=meister, **values)
    assert refused.value.field == field_name
    assert RotationBlock.objects.count() == 1


def test_adjacent_blocks_and_other_weekdays_do_not_overlap(meister, staff_user):
    create_rotation_block(actor=staff_user, meister=meister, **block_values(start_time=time(12)))
    create_rotation_block(
        actor=staff_user, meister=meister, **block_values(weekday=2, start_time=time(10))
    )
    assert RotationBlock.objects.filter(meister=meister).count() == 3


def test_a_and_b_weeks_never_meet_but_two_a_weeks_do(meister, block, staff_user):
    ab = {"pattern": WeekPattern.AB}
    update_rotation_block(actor=staff_user, block=block, ab_week="A", **ab)
    create_rotation_block(
        actor=staff_user,
        meister=meister,
        **block_values(start_time=time(10), end_time=time(12), ab_week="B", **ab),
    )
    with pytest.raises(DomainError) as refused:
        create_rotation_block(
            actor=staff_user,
            meister=meister,
            **block_values(start_time=time(11), end_time=time(13), ab_week="A", **ab),
        )
    assert refused.value.field == "start_time" and "겹칩니다" in refused.value.message


def test_every_n_weeks_blocks_meet_only_when_their_weeks_align(meister, block, staff_user):
    monday = monday_of(timezone.localdate()) + timedelta(weeks=1)
    every_two = {"pattern": WeekPattern.EVERY_N_WEEKS, "interval_weeks": 2}
    update_rotation_block(actor=staff_user, block=block, anchor_date=monday, **every_two)
    # Odd weeks against even weeks: never the same date.
    create_rotation_block(
        actor=staff_user,
        meister=meister,
        **block_values(
            start_time=time(10),
            end_time=time(12),
            anchor_date=monday + timedelta(weeks=1),
            **every_two,
        ),
    )
    # Every four weeks from an even week falls on the first block's weeks.
    with pytest.raises(DomainError):
        create_rotation_block(
            actor=staff_user,
            meister=meister,
            **block_values(
                start_time=time(10),
                end_time=time(12),
                pattern=WeekPattern.EVERY_N_WEEKS,
                interval_weeks=4,
                anchor_date=monday + timedelta(weeks=2),
            ),
        )
    # A weekly block meets both.
    with pytest.raises(DomainError):
        create_rotation_block(
            actor=staff_user,
            meister=meister,
            **block_values(start_time=time(11), end_time=time(12)),
        )
    assert RotationBlock.objects.count() == 2


def test_blocks_valid_in_separate_periods_do_not_overlap(meister, block, staff_user):
    switch = bookable_day(1, weeks=6)
    update_rotation_block(actor=staff_user, block=block, valid_until=switch - timedelta(days=1))
    create_rotation_block(
        actor=staff_user,
        meister=meister,
        **block_values(start_time=time(9), end_time=time(13), valid_from=switch),
    )
    assert RotationBlock.objects.count() == 2


def test_leave_rules(meister, staff_user):
    day = bookable_day(1)
    with pytest.raises(DomainError) as refused:
        declare_leave(actor=staff_user, meister=meister, starts_on=day, ends_on=day - timedelta(1))
    assert refused.value.field == "ends_on" and "종료일" in refused.value.message
    past = timezone.localdate() - timedelta(days=3)
    with pytest.raises(DomainError) as refused:
        declare_leave(actor=staff_user, meister=meister, starts_on=past, ends_on=past)
    assert refused.value.field == "starts_on"
    declare_leave(actor=meister.user, meister=meister, starts_on=day, ends_on=day, reason="출장")
    with pytest.raises(DomainError) as refused:
        declare_leave(actor=staff_user, meister=meister, starts_on=day, ends_on=day)
    assert refused.value.field == "starts_on" and "겹칩니다" in refused.value.message
    assert MeisterLeave.objects.count() == 1


def test_leave_removes_the_days_slots_and_withdrawing_gives_them_back(meister):
    day = bookable_day(1)
    later = day + timedelta(weeks=2)

    def slot_days():
        return {
            timezone.localdate(s.starts_at)
            for s in free_slots([meister.pk], day, later)[meister.pk]
        }

    assert day in slot_days()
    leave = declare_leave(actor=meister.user, meister=meister, starts_on=day, ends_on=day).instance
    assert day not in slot_days()
    withdraw_leave(actor=meister.user, leave=leave)
    assert day in slot_days() and not MeisterLeave.objects.exists()
    assert History.objects.filter(action="consultations.leave.withdrawn").count() == 1


def test_leave_that_has_begun_cannot_be_withdrawn(meister):
    today = timezone.localdate()
    leave = MeisterLeave.objects.create(meister=meister, starts_on=today, ends_on=today)
    with pytest.raises(DomainError):
        withdraw_leave(actor=meister.user, leave=leave)
    assert MeisterLeave.objects.filter(pk=leave.pk).exists()


# --- booked time ---------------------------------------------------------------------------


def test_a_change_that_removes_booked_time_is_refused_with_the_bookings(
    meister, block, booking, staff_user
):
    with pytest.raises(BookingsAffected) as refused:
        update_rotation_block(actor=staff_user, block=block, end_time=time(11))
    assert refused.value.bookings == [booking]
    assert refused.value.code == "conflict"
    block.refresh_from_db()
    booking.refresh_from_db()
    assert (block.end_time, booking.status) == (time(12), BookingStatus.REQUESTED)
    assert not History.objects.filter(action="consultations.rotation.updated").exists()


def test_a_change_that_keeps_booked_time_goes_through(meister, block, booking, staff_user):
    result = update_rotation_block(
        actor=staff_user, block=block, end_time=time(13), place="세미나실"
    )
    assert result.needs_change == []
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED
    entry = History.objects.get(action="consultations.rotation.updated")
    assert entry.changes["end_time"] == ["12:00", "13:00"]


def test_applied_anyway_the_bookings_need_change_and_the_company_is_told(
    meister, block, booking, staff_user, member_a, member_b, company_b
):
    result = update_rotation_block(
        actor=staff_user, block=block, end_time=time(11), apply_to_bookings=True
    )
    assert result.needs_change == [booking]
    booking.refresh_from_db()
    assert booking.status == BookingStatus.NEEDS_CHANGE
    assert booking.decision_reason == "마이스터 상담 일정 변경"
    entry = History.objects.get(action="consultations.booking.needs_change")
    assert entry.changes["status"] == ["requested", "needs_change"]
    notices = Message.objects.filter(template="consultation_needs_change")
    assert {m.recipient for m in notices} == {member_a, meister.user}
    # The slot is released: restoring the time lets somebody else book it.
    update_rotation_block(actor=staff_user, block=block, end_time=time(12))
    again = book_consultation(
        actor=member_b,
        company=company_b,
        field=field(),
        meister=meister,
        starts_at=booking.starts_at,
        problem="다른 기업의 상담",
    )
    assert again.status == BookingStatus.REQUESTED


def test_leave_over_a_booked_day_is_refused_then_applied(meister, booking):
    day = timezone.localdate(booking.starts_at)
    with pytest.raises(BookingsAffected):
        declare_leave(actor=meister.user, meister=meister, starts_on=day, ends_on=day)
    assert not MeisterLeave.objects.exists()
    result = declare_leave(
        actor=meister.user, meister=meister, starts_on=day, ends_on=day, apply_to_bookings=True
    )
    assert result.needs_change == [booking]
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.NEEDS_CHANGE
    # The meister made the change themself: only the company is told.
    recipients = {m.recipient for m in Message.objects.filter(template="consultation_needs_change")}
    assert recipients == {booking.request.requester}


def test_deleting_a_booked_block(meister, block, booking):
    with pytest.raises(BookingsAffected):
        delete_rotation_block(actor=meister.user, block=block)
    assert RotationBlock.objects.filter(pk=block.pk).exists()
    delete_rotation_block(actor=meister.user, block=block, apply_to_bookings=True)
    assert not RotationBlock.objects.filter(pk=block.pk).exists()
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.NEEDS_CHANGE
    assert History.objects.filter(action="consultations.rotation.deleted").count() == 1


def test_bookings_of_other_meisters_and_past_or_closed_ones_are_not_touched(
    meister, block, booking, staff_user, member_b, company_b
):
    other = make_sitting_meister(weekday=1)
    theirs = book_consultation(
        actor=member_b,
        company=company_b,
        field=field(),
        meister=other,
        starts_at=aware(bookable_day(1), time(10)),
        problem="다른 마이스터",
    )
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.CANCELLED)
    result = update_rotation_block(actor=staff_user, block=block, end_time=time(11))
    assert result.needs_change == []
    assert Booking.objects.get(pk=theirs.pk).status == BookingStatus.REQUESTED


def test_leave_over_a_proposed_time_withdraws_the_proposal_as_needs_change(meister, booking):
    from ..services.decisions import propose_booking_time

    offered = aware(bookable_day(1, weeks=2), time(10))
    propose_booking_time(actor=meister.user, booking=booking, starts_at=offered, reason="출장")
    # Leave on the original day touches nothing: the proposal released that slot.
    first = timezone.localdate(booking.starts_at)
    declare_leave(actor=meister.user, meister=meister, starts_on=first, ends_on=first)
    day = timezone.localdate(offered)
    with pytest.raises(BookingsAffected) as refused:
        declare_leave(actor=meister.user, meister=meister, starts_on=day, ends_on=day)
    assert [b.pk for b in refused.value.bookings] == [booking.pk]
    declare_leave(actor=meister.user, meister=meister, starts_on=day, ends_on=day,
                  apply_to_bookings=True)
    moved = Booking.objects.get(pk=booking.pk)
    assert moved.status == BookingStatus.NEEDS_CHANGE
    assert moved.proposed_starts_at is None and moved.proposed_ends_at is None
    assert Message.objects.filter(template="consultation_needs_change").exists()
