"""The booking window: how soon and how far ahead a consultation can be booked.

One rule for the month calendar, the request form, the JSON API and the booking services
(issue 17): a slot can be booked when it starts more than `lead_hours` from now and falls on
or before the `days`-th day from today. A later date opens `days` days before it.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from . import conf
from .slots import RotationCalendar, Slot, SlotTaken, SlotUnavailable, check_slot


@dataclass(frozen=True)
class BookingWindow:
    now: datetime
    days: int
    lead_hours: int

    @property
    def earliest(self) -> datetime:
        """Slots must start after this moment."""
        return self.now + timedelta(hours=self.lead_hours)

    @property
    def first_day(self) -> date:
        return timezone.localdate(self.earliest)

    @property
    def last_day(self) -> date:
        return timezone.localdate(self.now) + timedelta(days=self.days)

    def contains(self, starts_at: datetime) -> bool:
        return starts_at > self.earliest and timezone.localdate(starts_at) <= self.last_day

    def opens_on(self, day: date) -> date | None:
        """The date on which a day beyond the window becomes bookable (None if not beyond)."""
        return day - timedelta(days=self.days) if day > self.last_day else None

    def refusal(self, starts_at: datetime) -> str | None:
        """Why a future time is outside the window, in Korean, or None."""
        day = timezone.localdate(starts_at)
        if starts_at <= self.now:
            return "지난 시간은 예약할 수 없습니다."
        if day > self.last_day:
            return (
                f"상담은 {korean_date(self.last_day)}까지만 예약할 수 있습니다. "
                f"{korean_date(day)} 상담은 {korean_date(self.opens_on(day))}부터 예약할 수 "
                "있습니다."
            )
        if starts_at <= self.earliest:
            return f"상담은 시작 {self.lead_hours}시간 전까지만 예약할 수 있습니다."
        return None

    def check(self, starts_at: datetime) -> None:
        reason = self.refusal(starts_at)
        if reason:
            raise SlotUnavailable(reason)


def korean_date(day: date) -> str:
    return f"{day.year}년 {day.month}월 {day.day}일"


def booking_window(now: datetime | None = None) -> BookingWindow:
    return BookingWindow(
        now=now or timezone.now(),
        days=conf.booking_window_days(),
        lead_hours=conf.booking_lead_hours(),
    )


def window_free_slots(meister_id: int, *, window: BookingWindow | None = None) -> list[Slot]:
    """Every free slot of the meister inside the window, in time order."""
    window = window or booking_window()
    calendar = RotationCalendar([meister_id], window.first_day, window.last_day)
    return [
        slot
        for slot in calendar.free_slots(meister_id, now=window.now)
        if window.contains(slot.starts_at)
    ]


def nearest_free_slots(
    meister_id: int, starts_at: datetime, *, count: int = 3, window: BookingWindow | None = None
) -> list[Slot]:
    """The `count` free slots closest in time to `starts_at` (either side), in time order."""
    slots = [s for s in window_free_slots(meister_id, window=window) if s.starts_at != starts_at]
    # Ties (as far before as after) go to the earlier slot.
    closest = sorted(slots, key=lambda s: (abs(s.starts_at - starts_at), s.starts_at))[:count]
    return sorted(closest, key=lambda s: s.starts_at)


def slot_taken(
    meister_id: int, starts_at: datetime, *, message: str = SlotTaken.MESSAGE, window=None
) -> SlotTaken:
    """The "taken" refusal, carrying the nearest free slots the person can pick instead."""
    return SlotTaken(message, alternatives=nearest_free_slots(meister_id, starts_at, window=window))


def bookable_slot(
    meister_id: int,
    starts_at: datetime,
    ends_at: datetime | None = None,
    *,
    taken_message: str = SlotTaken.MESSAGE,
    check_taken: bool = True,
) -> Slot:
    """The free rotation slot inside the window, or SlotUnavailable / SlotTaken saying why."""
    window = booking_window()
    try:
        slot = check_slot(meister_id, starts_at, ends_at, now=window.now, check_taken=check_taken)
    except SlotTaken:
        raise slot_taken(meister_id, starts_at, message=taken_message, window=window) from None
    window.check(slot.starts_at)
    return slot
