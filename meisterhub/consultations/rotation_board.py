"""The staff rotation board and the meister's own schedule, read through RotationCalendar so
that they show exactly what the slots are made of (blocks, leave, one-offs, closures,
holidays). A fixed number of queries whatever the number of meisters."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from meisterhub.meisters.models import WEEKDAYS, Meister

from .models import ChangeKind, RotationBlock, RotationChange
from .schedule import pattern_label
from .slots import RotationCalendar, block_occurs_on, monday_of
from .window import booking_window, window_free_slots


@dataclass
class BlockEntry:
    block: RotationBlock
    label: str
    occurs: bool  # False: the weekday's block, but not in this week (pattern, validity)
    change: RotationChange | None = None


@dataclass
class Cell:
    meister: Meister
    day: date
    closed: str | None = None
    leave: str | None = None  # the leave's reason ("휴가" when none given)
    blocks: list[BlockEntry] = field(default_factory=list)
    extras: list[RotationChange] = field(default_factory=list)
    bookings: int = 0

    @property
    def dom_id(self) -> str:
        return f"cell-{self.meister.pk}-{self.day:%Y%m%d}"


@dataclass
class DayHeader:
    day: date
    name: str
    holiday: str | None
    closure: str | None


@dataclass
class Row:
    meister: Meister
    cells: list[Cell]


def week_days(monday: date) -> list[date]:
    return [monday + timedelta(days=i) for i in range(5)]


def _cell(calendar: RotationCalendar, meister: Meister, day: date) -> Cell:
    cell = Cell(meister, day, closed=calendar.closed_reason(day))
    leave = next(
        (lv for lv in calendar.leaves[meister.pk] if lv.starts_on <= day <= lv.ends_on), None
    )
    if leave is not None:
        cell.leave = leave.reason or "휴가"
    changes = calendar.changes.get((meister.pk, day), [])
    whole_day = next(
        (c for c in changes if c.block_id is None and c.kind != ChangeKind.EXTRA), None
    )
    per_block = {c.block_id: c for c in changes if c.block_id is not None}
    for block in calendar.blocks[meister.pk]:
        if block.weekday != day.weekday() or (block.valid_until and block.valid_until < day):
            continue
        occurs = block_occurs_on(block, day, calendar.ab_anchor)
        change = (per_block.get(block.pk) or whole_day) if occurs else None
        cell.blocks.append(BlockEntry(block, pattern_label(block), occurs, change))
    cell.extras = [c for c in changes if c.kind == ChangeKind.EXTRA]
    cell.bookings = len(calendar.taken.get((meister.pk, day), ()))
    return cell


def board(monday: date, meisters=None) -> tuple[list[DayHeader], list[Row]]:
    """Headers for Mon–Fri of the week and one row per active meister."""
    monday = monday_of(monday)
    days = week_days(monday)
    if meisters is None:
        meisters = Meister.objects.filter(is_active=True).order_by("name", "id")
    meisters = list(meisters)
    calendar = RotationCalendar([m.pk for m in meisters], days[0], days[-1])
    headers = []
    for day in days:
        closure = next(
            (c.reason for c in calendar.closures if c.starts_on <= day <= c.ends_on), None
        )
        headers.append(
            DayHeader(day, f"{WEEKDAYS[day.weekday()]}요일", calendar.holidays.get(day), closure)
        )
    rows = [Row(m, [_cell(calendar, m, day) for day in days]) for m in meisters]
    return headers, rows


def board_cell(meister: Meister, day: date) -> Cell:
    return _cell(RotationCalendar([meister.pk], day, day), meister, day)


def upcoming_slots(meister: Meister, *, now=None) -> list[tuple[date, list]]:
    """(date, free slots) inside the booking window, as the booking form offers them."""
    by_day: dict[date, list] = {}
    for slot in window_free_slots(meister.pk, window=booking_window(now)):
        by_day.setdefault(timezone.localdate(slot.starts_at), []).append(slot)
    return sorted(by_day.items())
