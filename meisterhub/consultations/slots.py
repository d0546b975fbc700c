"""Free consultation slots, computed from the rotation and everything that interrupts it.

`RotationCalendar` loads the data for some meisters and a date range in a fixed number of
queries; everything else is plain Python over those rows.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connections, router
from django.utils import timezone

from meisterhub.core.calendar_kr import korean_holidays
from meisterhub.core.errors import DomainError

from . import conf
from .models import (
    ACTIVE_STATUSES,
    Booking,
    ChangeKind,
    Channel,
    Closure,
    MeisterLeave,
    RotationBlock,
    RotationChange,
    WeekPattern,
)


class SlotUnavailable(DomainError):
    """The asked time cannot be booked; the Korean message says why."""

    def __init__(self, message: str, *, code: str = "invalid"):
        super().__init__(message, field="slot", code=code)


class SlotTaken(SlotUnavailable):
    """Someone holds the slot. Callers tell this case apart by the class, never by the text."""

    MESSAGE = "이미 예약된 시간입니다."

    def __init__(self, message: str = MESSAGE, *, alternatives=()):
        super().__init__(message, code="conflict")
        self.alternatives: list[Slot] = list(alternatives)  # nearest free slots, if looked up


@dataclass(frozen=True)
class Sitting:
    """A meister present at a place on a date, from start to end."""

    meister_id: int
    day: date
    start: time
    end: time
    place: str
    slot_minutes: int


@dataclass(frozen=True)
class Slot:
    meister_id: int
    starts_at: datetime
    ends_at: datetime
    place: str

    @property
    def key(self) -> str:
        return self.starts_at.isoformat()


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def block_occurs_on(block: RotationBlock, day: date, ab_anchor: date | None = None) -> bool:
    """Does the block's weekday and week pattern fall on this date?"""
    if day.weekday() != block.weekday:
        return False
    if (block.valid_from and day < block.valid_from) or (
        block.valid_until and day > block.valid_until
    ):
        return False
    if block.pattern == WeekPattern.EVERY_N_WEEKS:
        anchor = block.anchor_date or block.valid_from or day
        weeks = (monday_of(day) - monday_of(anchor)).days // 7
        return weeks >= 0 and weeks % max(block.interval_weeks, 1) == 0
    if block.pattern == WeekPattern.AB:
        weeks = (monday_of(day) - monday_of(ab_anchor or conf.ab_anchor())).days // 7
        return ("A" if weeks % 2 == 0 else "B") == block.ab_week
    return True


def aware(day: date, moment: time, tz=None) -> datetime:
    return datetime.combine(day, moment, tzinfo=tz or timezone.get_current_timezone())


class RotationCalendar:
    def __init__(self, meister_ids, start: date, end: date, *, bookings: bool = True):
        self.meister_ids = list(meister_ids)
        self.start, self.end = start, end
        self.tz = timezone.get_current_timezone()
        self.ab_anchor = conf.ab_anchor()
        self._closed: dict[date, str | None] = {}
        self.holidays = korean_holidays(start, end)
        self.closures = list(Closure.objects.filter(starts_on__lte=end, ends_on__gte=start))
        self.blocks = defaultdict(list)
        for block in RotationBlock.objects.filter(meister_id__in=self.meister_ids).order_by(
            "start_time"
        ):
            self.blocks[block.meister_id].append(block)
        self.leaves = defaultdict(list)
        for leave in MeisterLeave.objects.filter(
            meister_id__in=self.meister_ids, starts_on__lte=end, ends_on__gte=start
        ):
            self.leaves[leave.meister_id].append(leave)
        self.changes = defaultdict(list)
        for change in RotationChange.objects.filter(
            meister_id__in=self.meister_ids, date__range=(start, end)
        ):
            self.changes[(change.meister_id, change.date)].append(change)
        self.taken = defaultdict(list)
        if not bookings:  # the caller leaves "taken" to the database's constraint
            return
        for meister_id, starts_at, ends_at in Booking.objects.filter(
            meister_id__in=self.meister_ids,
            channel=Channel.RESERVATION,
            status__in=ACTIVE_STATUSES,
            starts_at__lt=aware(end + timedelta(days=1), time.min),
            ends_at__gt=aware(start, time.min),
        ).values_list("meister_id", "starts_at", "ends_at"):
            self.taken[(meister_id, starts_at.astimezone(self.tz).date())].append(
                (starts_at, ends_at)
            )

    def closed_reason(self, day: date) -> str | None:
        """Why the center gives no consultations on this date, or None."""
        if day not in self._closed:
            self._closed[day] = self._closed_reason(day)
        return self._closed[day]

    def _closed_reason(self, day: date) -> str | None:
        if day.weekday() >= 5:
            return "주말에는 상담이 없습니다."
        if day in self.holidays:
            return f"공휴일({self.holidays[day]})에는 상담이 없습니다."
        for closure in self.closures:
            if closure.starts_on <= day <= closure.ends_on:
                return f"센터 휴무일입니다({closure.reason})."
        return None

    def on_leave(self, meister_id: int, day: date) -> bool:
        return any(lv.starts_on <= day <= lv.ends_on for lv in self.leaves[meister_id])

    def sittings(self, meister_id: int, day: date) -> list[Sitting]:
        if self.closed_reason(day) or self.on_leave(meister_id, day):
            return []
        changes = self.changes.get((meister_id, day), [])
        whole_day = [c for c in changes if c.block_id is None and c.kind != ChangeKind.EXTRA]
        per_block = {c.block_id: c for c in changes if c.block_id is not None}
        result = []
        for block in self.blocks[meister_id]:
            if not block_occurs_on(block, day, self.ab_anchor):
                continue
            change = per_block.get(block.pk) or (whole_day[0] if whole_day else None)
            if change and change.kind == ChangeKind.CANCEL:
                continue
            if change and change.kind == ChangeKind.CHANGE:
                result.append(self._sitting_of_change(change, block.place, block.slot_minutes))
            else:
                result.append(
                    Sitting(
                        meister_id,
                        day,
                        block.start_time,
                        block.end_time,
                        block.place,
                        block.slot_minutes,
                    )
                )
        for change in changes:
            if change.kind == ChangeKind.EXTRA:
                result.append(self._sitting_of_change(change, "", change.slot_minutes))
        return sorted(result, key=lambda s: s.start)

    @staticmethod
    def _sitting_of_change(change: RotationChange, place: str, minutes: int) -> Sitting:
        return Sitting(
            change.meister_id,
            change.date,
            change.start_time,
            change.end_time,
            change.place or place or "기술인 카페",
            change.slot_minutes or minutes,
        )

    def slots(self, meister_id: int, day: date) -> list[Slot]:
        """Every slot of the day's sittings, taken or not."""
        result = []
        for sitting in self.sittings(meister_id, day):
            step = timedelta(minutes=sitting.slot_minutes)
            begin, finish = aware(day, sitting.start, self.tz), aware(day, sitting.end, self.tz)
            while begin + step <= finish:
                result.append(Slot(meister_id, begin, begin + step, sitting.place))
                begin += step
        return result

    def is_taken(self, slot: Slot) -> bool:
        return any(
            s < slot.ends_at and slot.starts_at < e
            for s, e in self.taken.get(
                (slot.meister_id, slot.starts_at.astimezone(self.tz).date()), ()
            )
        )

    def free_slots(self, meister_id: int, now: datetime | None = None) -> list[Slot]:
        now = now or timezone.now()
        result = []
        day = self.start
        while day <= self.end:
            result += [
                slot
                for slot in self.slots(meister_id, day)
                if slot.starts_at > now and not self.is_taken(slot)
            ]
            day += timedelta(days=1)
        return result


def free_slots(meister_ids, start: date, end: date, now=None) -> dict[int, list[Slot]]:
    """Future free slots per meister over [start, end]."""
    calendar = RotationCalendar(meister_ids, start, end)
    return {mid: calendar.free_slots(mid, now=now) for mid in calendar.meister_ids}


def database_refuses_overlaps() -> bool:
    """PostgreSQL holds an exclusion constraint on active reservations' time ranges (migration
    0002), so an overlapping insert fails there by itself; SQLite's unique start does not
    cover every overlap, so there the bookings are read before the insert."""
    return connections[router.db_for_write(Booking)].vendor == "postgresql"


def check_slot(
    meister_id: int,
    starts_at: datetime,
    ends_at: datetime | None = None,
    now: datetime | None = None,
    *,
    check_taken: bool = True,
) -> Slot:
    """The rotation slot starting then, or SlotUnavailable / SlotTaken saying why not.

    With check_taken=False a taken slot is returned as free: for a caller whose insert the
    database itself refuses when it overlaps (database_refuses_overlaps)."""
    if starts_at <= (now or timezone.now()):
        raise SlotUnavailable("지난 시간은 예약할 수 없습니다.")
    day = timezone.localdate(starts_at)
    calendar = RotationCalendar([meister_id], day, day, bookings=check_taken)
    closed = calendar.closed_reason(day)
    if closed:
        raise SlotUnavailable(closed)
    if calendar.on_leave(meister_id, day):
        raise SlotUnavailable("마이스터 휴가 기간이라 상담이 없습니다.")
    slot = next(
        (
            s
            for s in calendar.slots(meister_id, day)
            if s.starts_at == starts_at and (ends_at is None or s.ends_at == ends_at)
        ),
        None,
    )
    if slot is None:
        raise SlotUnavailable("마이스터의 상담 일정(요일별 상담 시간)에 없는 시간입니다.")
    if calendar.is_taken(slot):
        raise SlotTaken()
    return slot


def unavailable_reason(
    meister_id: int,
    starts_at: datetime,
    ends_at: datetime | None = None,
    now: datetime | None = None,
) -> tuple[str | None, Slot | None]:
    """(Korean reason, None) when the time cannot be booked, else (None, the slot)."""
    try:
        return None, check_slot(meister_id, starts_at, ends_at, now)
    except SlotUnavailable as error:
        return error.message, None
