"""The annual figures' raw numbers, read through the other apps' selectors.

Each selector answers with one grouped query per table, never a loop over rows; this module
picks the period, sorts the bookings into their measures and shapes the rows for figures.py.
"""

from datetime import date, datetime, time

from django.utils import timezone

from meisterhub.consultations.selectors import (
    booking_counts,
    completed_bookings_by_field,
    onsite_engagement_counts,
    satisfaction_of_completed_bookings,
)
from meisterhub.events.selectors import event_counts, event_counts_by_area
from meisterhub.facilities.selectors import reservation_totals_by_facility
from meisterhub.mentoring.selectors import mentoring_counts
from meisterhub.programs.selectors import (
    beneficiary_growth,
    champion_progress,
    outcome_totals,
    participation_by_area,
    participation_count,
    program_figures,
)

from . import measures


def year_bounds(year: int) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return (
        datetime.combine(date(year, 1, 1), time.min, tz),
        datetime.combine(date(year + 1, 1, 1), time.min, tz),
    )


def consultations(year: int, *, now=None) -> dict:
    """Completed consultations by month and channel, and every other booking by its measure."""
    start, end = year_bounds(year)
    now = now or timezone.now()
    months = [{"reservation": 0, "walk_in": 0} for _ in range(12)]
    states = {channel: dict.fromkeys([measures.CONSULTATIONS.code] + [
        m.code for m in measures.BOOKING_STATES], 0) for channel in ("reservation", "walk_in")}
    for row in booking_counts(start, end, now=now):
        measure = measures.booking_measure(row["status"], started=row["started"])
        states[row["channel"]][measure.code] += row["n"]
        if measure is measures.CONSULTATIONS:
            months[row["month"] - 1][row["channel"]] += row["n"]
    return {"months": months, "states": states,
            "by_field": completed_bookings_by_field(start, end),
            "satisfaction": satisfaction_of_completed_bookings(start, end),
            "onsite": onsite_engagement_counts(start, end)}


def mentoring(year: int) -> dict:
    return mentoring_counts(date(year, 1, 1), date(year, 12, 31))


def facilities(year: int) -> list[dict]:
    """Per room: the confirmed reservations' count, hours and people, and each status's count."""
    rows = reservation_totals_by_facility(*year_bounds(year))
    return [{**row, "hours": round(row["duration"].total_seconds() / 3600, 1)
             if row["duration"] else 0.0} for row in rows]


def events(year: int, area: str | None) -> dict:
    by_area = {row["label"]: row for row in event_counts_by_area(year)}
    return {"totals": event_counts(year, area or None), "by_area": by_area}


def programs(year: int, area: str | None) -> dict:
    return {
        "companies": participation_count(year, area),
        "participation_by_area": participation_by_area(year),
        "programs": program_figures(year, area),
        "growth": growth(year, area),
        "outcomes": outcome_totals(year),
        "champions": champion_progress(until=year),
    }


def growth(year: int, area: str | None) -> dict:
    """beneficiary_growth of the programs app, over one area's programs when one is chosen."""
    return beneficiary_growth(year, area=area or None)
