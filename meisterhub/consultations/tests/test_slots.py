from datetime import date, time, timedelta

import pytest

from ..models import BookingStatus, ChangeKind, WeekPattern
from ..schedule import month_view, week_view
from ..services import add_closure, add_leave, add_rotation_block, add_rotation_change
from ..slots import aware, free_slots, unavailable_reason
from .factories import make_sitting_meister

pytestmark = pytest.mark.django_db

NOW = aware(date(2027, 1, 1), time(9))  # slot tests pass `now`, so they never go stale


def starts(slots) -> list[str]:
    return [s.starts_at.strftime("%m-%d %H:%M") for s in slots]


def test_weekly_block_gives_hourly_slots_and_skips_lunar_and_substitute_holidays(taxonomy):
    # 2027-02-08 (Mon) is 설날 다음날, 2027-02-09 (Tue) is 설날 대체 휴일.
    mon = make_sitting_meister(weekday=0)
    tue = make_sitting_meister(weekday=1)
    result = free_slots([mon.pk, tue.pk], date(2027, 2, 1), date(2027, 2, 16), now=NOW)
    assert starts(result[mon.pk]) == ["02-01 10:00", "02-01 11:00", "02-15 10:00", "02-15 11:00"]
    assert starts(result[tue.pk]) == ["02-02 10:00", "02-02 11:00", "02-16 10:00", "02-16 11:00"]
    assert result[mon.pk][0].place == "기술인 카페"
    assert result[mon.pk][0].ends_at - result[mon.pk][0].starts_at == timedelta(hours=1)


def test_every_second_week_and_ab_weeks(taxonomy, settings):
    settings.CONSULTATION_AB_ANCHOR = "2027-03-01"  # a Monday: that week is an A week
    biweekly = make_sitting_meister(
        weekday=2,
        pattern=WeekPattern.EVERY_N_WEEKS,
        interval_weeks=2,
        anchor_date=date(2027, 3, 10),
        slot_minutes=120,
    )
    a_week = make_sitting_meister(weekday=3, pattern=WeekPattern.AB, ab_week="A")
    b_week = make_sitting_meister(weekday=3, pattern=WeekPattern.AB, ab_week="B", place="회의실 2")
    result = free_slots(
        [biweekly.pk, a_week.pk, b_week.pk], date(2027, 3, 1), date(2027, 3, 31), now=NOW
    )
    assert starts(result[biweekly.pk]) == ["03-10 10:00", "03-24 10:00"]
    assert {s.starts_at.day for s in result[a_week.pk]} == {4, 18}
    assert {s.starts_at.day for s in result[b_week.pk]} == {11, 25}
    assert {s.place for s in result[b_week.pk]} == {"회의실 2"}


def test_leave_changes_closures_and_bookings_remove_or_add_slots(
    taxonomy, staff_user, company_a, member_a
):
    meister = make_sitting_meister(weekday=0)
    add_leave(
        actor=staff_user,
        meister=meister,
        starts_on=date(2027, 3, 8),
        ends_on=date(2027, 3, 12),
        reason="해외 출장",
    )
    add_rotation_change(
        actor=staff_user,
        meister=meister,
        date=date(2027, 3, 15),
        kind=ChangeKind.CHANGE,
        start_time=time(14),
        end_time=time(15),
        place="회의실 1",
    )
    add_rotation_change(
        actor=staff_user,
        meister=meister,
        date=date(2027, 3, 17),
        kind=ChangeKind.EXTRA,
        start_time=time(9),
        end_time=time(10),
    )
    add_rotation_change(
        actor=staff_user,
        meister=meister,
        date=date(2027, 3, 22),
        kind=ChangeKind.CANCEL,
        reason="교육 참석",
    )
    add_closure(
        actor=staff_user,
        starts_on=date(2027, 3, 29),
        ends_on=date(2027, 3, 29),
        reason="센터 임시 휴관",
    )
    from ..models import Booking

    Booking.objects.create(
        meister=meister,
        company=company_a,
        starts_at=aware(date(2027, 4, 5), time(11)),
        ends_at=aware(date(2027, 4, 5), time(12)),
        place="x",
        status=BookingStatus.CONFIRMED,
    )
    Booking.objects.create(
        meister=meister,
        company=company_a,
        starts_at=aware(date(2027, 4, 5), time(10)),
        ends_at=aware(date(2027, 4, 5), time(11)),
        place="x",
        status=BookingStatus.CANCELLED,
    )
    result = free_slots([meister.pk], date(2027, 3, 1), date(2027, 4, 5), now=NOW)[meister.pk]
    # 03-01 삼일절, 03-08 leave, 03-22 cancelled, 03-29 closure, 04-05 11:00 booked
    assert starts(result) == ["03-15 14:00", "03-17 09:00", "04-05 10:00"]
    assert result[0].place == "회의실 1"


def test_only_future_slots_are_offered(taxonomy):
    meister = make_sitting_meister(weekday=0)
    now = aware(date(2027, 3, 8), time(10, 30))
    assert starts(
        free_slots([meister.pk], date(2027, 3, 8), date(2027, 3, 8), now=now)[meister.pk]
    ) == ["03-08 11:00"]


def test_unavailable_reason_explains_in_korean(taxonomy, staff_user):
    meister = make_sitting_meister(weekday=1)
    add_closure(
        actor=staff_user, starts_on=date(2027, 3, 16), ends_on=date(2027, 3, 16), reason="정전 점검"
    )

    def reason(day, hour):
        return unavailable_reason(meister.pk, aware(day, time(hour)), now=NOW)[0]

    assert reason(date(2026, 12, 1), 10) == "지난 시간은 예약할 수 없습니다."
    assert reason(date(2027, 2, 9), 10) == "공휴일(설날 대체 휴일)에는 상담이 없습니다."
    assert reason(date(2027, 3, 16), 10) == "센터 휴무일입니다(정전 점검)."
    assert (
        reason(date(2027, 3, 9), 15) == "마이스터의 상담 일정(요일별 상담 시간)에 없는 시간입니다."
    )
    assert (
        reason(date(2027, 3, 10), 10) == "마이스터의 상담 일정(요일별 상담 시간)에 없는 시간입니다."
    )
    assert reason(date(2027, 3, 9), 10) is None


def test_week_view_and_month_view(taxonomy):
    tue = make_sitting_meister(weekday=1)
    add_rotation_block(
        actor=None, meister=tue, weekday=3, start_time=time(14), end_time=time(16), place="회의실 2"
    )
    columns = week_view(today=date(2027, 1, 1))
    assert [c.name for c in columns] == ["월요일", "화요일", "수요일", "목요일", "금요일"]
    assert [(b.meister_id, b.place) for b in columns[1].entries] == [(tue.pk, "기술인 카페")]
    assert [(b.meister_id, b.place) for b in columns[3].entries] == [(tue.pk, "회의실 2")]
    weeks = month_view(tue, 2027, 2, now=NOW)
    cells = {cell.day: cell for week in weeks for cell in week}
    assert len(cells[date(2027, 2, 2)].free) == 2
    assert cells[date(2027, 2, 9)].closed == "공휴일(설날 대체 휴일)에는 상담이 없습니다."
    assert cells[date(2027, 2, 9)].free == []
    assert len(cells[date(2027, 2, 4)].free) == 2
