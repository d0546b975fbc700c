"""Day and week grids of one room: which slots are free, held, closed or past."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from . import conf
from .models import WEEKDAY_LABELS, Facility
from .selectors import busy_reservations, local_day_bounds


@dataclass
class Cell:
    day: date
    start: datetime
    end: datetime
    state: str  # free, busy, buffer, closed, past
    mine: bool = False

    @property
    def label(self) -> str:
        return {"free": "예약 가능", "busy": "예약됨", "buffer": "정리 시간",
                "closed": "운영 안 함", "past": "지난 시간"}[self.state]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _hour_range(facility: Facility, days: list[date]) -> tuple[int, int]:
    opened = [facility.hours_on(d.weekday()) for d in days]
    opened = [h for h in opened if h]
    if not opened:
        return 9, 18
    first = min(time.fromisoformat(h[0]).hour for h in opened)
    last = max(time.fromisoformat(h[1]) for h in opened)
    return first, last.hour + (1 if last.minute else 0)


def _state(facility, start, end, reservations, now) -> str:
    for r in reservations:
        if r.starts_at < end and r.ends_at > start:
            return "busy"
    held = end + timedelta(minutes=facility.buffer_minutes)
    if any(r.blocked_from < held and r.blocked_until > start for r in reservations):
        return "buffer"
    if start < now:
        return "past"
    local_start, local_end = timezone.localtime(start), timezone.localtime(end)
    hours = facility.hours_on(local_start.weekday())
    if (hours is None or local_start.time() < time.fromisoformat(hours[0])
            or local_end.time() > time.fromisoformat(hours[1])
            or local_end.date() != local_start.date()):
        return "closed"
    return "free"


def build_grid(facility: Facility, days: list[date], *, user=None, now=None) -> dict:
    now = now or timezone.now()
    start_of, end_of = local_day_bounds(days[0], days[-1])
    reservations = list(busy_reservations(facility, start_of, end_of))
    first_hour, last_hour = _hour_range(facility, days)
    step = timedelta(minutes=conf.CALENDAR_SLOT_MINUTES)
    rows = []
    slot = datetime.combine(days[0], time(first_hour))
    while slot.hour < last_hour and slot.date() == days[0]:
        cells = []
        for day in days:
            start = timezone.make_aware(datetime.combine(day, slot.time()))
            state = _state(facility, start, start + step, reservations, now)
            mine = state == "busy" and user is not None and any(
                r.user_id == user.pk and r.starts_at < start + step and r.ends_at > start
                for r in reservations
            )
            cells.append(Cell(day=day, start=start, end=start + step, state=state, mine=mine))
        rows.append({"time": slot.time(), "cells": cells})
        slot += step
    return {
        "days": [{"date": d, "label": f"{d:%m.%d}({WEEKDAY_LABELS[d.weekday()]})"} for d in days],
        "rows": rows,
    }
