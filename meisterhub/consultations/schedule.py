"""The public week view (who sits on which weekday) and a month view per meister."""

import calendar as pycalendar
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from meisterhub.meisters.models import WEEKDAYS, Meister, MeisterField

from .models import RotationBlock, WeekPattern
from .slots import RotationCalendar, Sitting, Slot
from .window import booking_window


@dataclass
class WeekdayColumn:
    weekday: int
    name: str
    entries: list = field(default_factory=list)  # (meister, block)


def week_view(*, today: date | None = None) -> list[WeekdayColumn]:
    """Blocks valid today (or later), grouped by weekday, for active meisters."""
    today = today or timezone.localdate()
    columns = [WeekdayColumn(i, f"{WEEKDAYS[i]}요일") for i in range(5)]
    blocks = (
        RotationBlock.objects.filter(meister__is_active=True)
        .exclude(valid_until__lt=today)
        .select_related("meister")
        .prefetch_related(
            Prefetch(
                "meister__field_links",
                queryset=MeisterField.objects.select_related("field").order_by("order"),
                to_attr="field_links_ordered",
            )
        )
        .order_by("weekday", "start_time", "meister__name")
    )
    for block in blocks:
        columns[block.weekday].entries.append(block)
    return columns


def pattern_label(block: RotationBlock) -> str:
    if block.pattern == WeekPattern.EVERY_N_WEEKS:
        return f"{block.interval_weeks}주마다"
    if block.pattern == WeekPattern.AB:
        return f"{block.ab_week}주"
    return "매주"


@dataclass
class MonthDay:
    day: date
    in_month: bool
    closed: str | None = None
    on_leave: bool = False
    sittings: list[Sitting] = field(default_factory=list)
    free: list[Slot] = field(default_factory=list)
    bookable: list[Slot] = field(default_factory=list)  # the free slots inside the window
    opens_on: date | None = None  # a day beyond the booking window opens for booking then


def month_view(meister: Meister, year: int, month: int, *, now=None) -> list[list[MonthDay]]:
    """Weeks (Mon–Sun) of the month with each day's sittings, future free slots, and which of
    them can be booked now (the booking window); later days say when they open."""
    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    cal = RotationCalendar([meister.pk], weeks[0][0], weeks[-1][-1])
    window = booking_window(now)
    now = window.now
    result = []
    for week in weeks:
        row = []
        for day in week:
            cell = MonthDay(day, day.month == month, closed=cal.closed_reason(day))
            if day.weekday() >= 5:
                cell.closed = None
            cell.on_leave = cal.on_leave(meister.pk, day)
            cell.sittings = cal.sittings(meister.pk, day)
            cell.free = [
                s for s in cal.slots(meister.pk, day) if s.starts_at > now and not cal.is_taken(s)
            ]
            cell.bookable = [s for s in cell.free if window.contains(s.starts_at)]
            cell.opens_on = window.opens_on(day) if cell.free else None
            row.append(cell)
        result.append(row)
    return result
