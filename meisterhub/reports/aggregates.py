"""The aggregate queries behind the annual figures: one query per table, never a loop over rows.

Other apps are read through their selectors where they publish the figure, and otherwise
through read-only aggregate querysets on their models.
"""

from datetime import date, datetime, time

from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from meisterhub.consultations.models import (
    Booking,
    BookingStatus,
    OnsiteEngagement,
    SatisfactionSurvey,
)
from meisterhub.events.selectors import event_counts, event_counts_by_area
from meisterhub.facilities.models import Reservation
from meisterhub.mentoring.models import MentoringEngagement, MentoringSession
from meisterhub.programs.models import Agreement, Application, Beneficiary, Call, Program
from meisterhub.programs.selectors import (
    GROWTH_FIGURES,
    beneficiary_growth,
    champion_progress,
    outcome_totals,
    participation_count,
)

from . import measures

# Only a completed booking is a consultation (measures.CONSULTATIONS); the rest is shown apart.
COUNTED = Q(status=BookingStatus.COMPLETED)


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
    in_year = Booking.objects.filter(starts_at__gte=start, starts_at__lt=end)
    started = Case(When(starts_at__lt=now, then=Value(True)), default=Value(False),
                   output_field=BooleanField())
    by_state = (
        in_year.annotate(month=ExtractMonth("starts_at"), started=started)
        .values("month", "channel", "status", "started")
        .annotate(n=Count("id"))
        .order_by()
    )
    months = [{"reservation": 0, "walk_in": 0} for _ in range(12)]
    states = {channel: dict.fromkeys([measures.CONSULTATIONS.code] + [
        m.code for m in measures.BOOKING_STATES], 0) for channel in ("reservation", "walk_in")}
    for row in by_state:
        measure = measures.booking_measure(row["status"], started=row["started"])
        states[row["channel"]][measure.code] += row["n"]
        if measure is measures.CONSULTATIONS:
            months[row["month"] - 1][row["channel"]] += row["n"]
    bookings = in_year.filter(COUNTED)
    by_field = list(
        bookings.values("field_id", "field__name_ko", "field__order")
        .annotate(n=Count("id"), answers=Count("survey"), average=Avg("survey__score"))
        .order_by("field__order", "field_id")
    )
    satisfaction = SatisfactionSurvey.objects.filter(
        booking__starts_at__gte=start, booking__starts_at__lt=end,
        booking__status=BookingStatus.COMPLETED,
    ).aggregate(
        average=Avg("score"), answers=Count("id"), satisfied=Count("id", filter=Q(score__gte=4))
    )
    onsite = OnsiteEngagement.objects.filter(created_at__gte=start, created_at__lt=end).aggregate(
        engagements=Count("id", distinct=True), visits=Count("visits", distinct=True)
    )
    return {"months": months, "states": states, "by_field": by_field,
            "satisfaction": satisfaction, "onsite": onsite}


def mentoring(year: int) -> dict:
    first, last = date(year, 1, 1), date(year, 12, 31)
    engagements = MentoringEngagement.objects.filter(starts_on__lte=last, ends_on__gte=first)
    counts = engagements.aggregate(
        engagements=Count("id"),
        started=Count("id", filter=Q(starts_on__gte=first)),
        companies=Count("company", distinct=True),
        mentors=Count("mentor", distinct=True),
    )
    counts["sessions"] = MentoringSession.objects.filter(
        held_on__gte=first, held_on__lte=last
    ).count()
    return counts


def facilities(year: int) -> list[dict]:
    """Per room: the confirmed reservations' count, hours and people, and each status's count."""
    start, end = year_bounds(year)
    length = ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())
    confirmed = Q(status=Reservation.Status.CONFIRMED)
    states = {f"status_{status}": Count("id", filter=Q(status=status))
              for status in measures.RESERVATION_MEASURES}
    rows = (
        Reservation.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .values("facility_id", "facility__name", "facility__center", "facility__order")
        .annotate(n=Count("id", filter=confirmed), duration=Sum(length, filter=confirmed),
                  people=Sum("headcount", filter=confirmed), **states)
        .order_by("facility__center", "facility__order", "facility__name")
    )
    return [{**row, "hours": round(row["duration"].total_seconds() / 3600, 1)
             if row["duration"] else 0.0} for row in rows]


def events(year: int, area: str | None) -> dict:
    by_area = {row["label"]: row for row in event_counts_by_area(year)}
    return {"totals": event_counts(year, area or None), "by_area": by_area}


def programs(year: int, area: str | None) -> dict:
    def scoped(qs, path):
        return qs.filter(**{path: area}) if area else qs

    budgets = {
        row["program_id"]: row
        for row in scoped(Call.objects.filter(program__year=year, published_at__isnull=False), "program__area")
        .values("program_id")
        .annotate(budget=Sum("budget"), calls=Count("id"))
        .order_by()
    }
    applications = {
        row["call__program_id"]: row
        for row in scoped(
            Application.objects.filter(call__program__year=year).exclude(status="draft"),
            "call__program__area",
        )
        .values("call__program_id")
        .annotate(applications=Count("id"), selected=Count("id", filter=Q(status="selected")))
        .order_by()
    }
    agreed = {
        row["application__call__program_id"]: row["amount"]
        for row in scoped(
            Agreement.objects.filter(application__call__program__year=year),
            "application__call__program__area",
        )
        .values("application__call__program_id")
        .annotate(amount=Sum("support_amount"))
        .order_by()
    }
    program_rows = list(
        scoped(Program.objects.filter(year=year), "area")
        .values("id", "name", "area")
        .order_by("area", "name")
    )
    participation = dict(
        Beneficiary.objects.filter(year=year)
        .values("program__area")
        .annotate(n=Count("company", distinct=True))
        .values_list("program__area", "n")
    )
    for row in program_rows:
        row.update(
            budget=budgets.get(row["id"], {}).get("budget") or 0,
            calls=budgets.get(row["id"], {}).get("calls") or 0,
            applications=applications.get(row["id"], {}).get("applications") or 0,
            selected=applications.get(row["id"], {}).get("selected") or 0,
            agreed=agreed.get(row["id"]) or 0,
        )
    return {
        "companies": participation_count(year, area),
        "participation_by_area": participation,
        "programs": program_rows,
        "growth": growth(year, area),
        "outcomes": outcome_totals(year),
        "champions": champion_progress(until=year),
    }


def growth(year: int, area: str | None) -> dict:
    """beneficiary_growth of the programs app; for one area the same formula over its programs."""
    if not area:
        return beneficiary_growth(year)
    from meisterhub.programs.models import OutcomeReport
    from meisterhub.programs.selectors import _percent

    companies = Beneficiary.objects.filter(year=year, program__area=area).values("company_id")
    both = (
        OutcomeReport.objects.filter(year=year - 1, company_id__in=companies)
        .filter(company_id__in=OutcomeReport.objects.filter(year=year).values("company_id"))
        .values("company_id")
    )
    rows = (
        OutcomeReport.objects.filter(year__in=[year - 1, year], company_id__in=both)
        .values("year")
        .annotate(companies=Count("id"), **{key: Sum(name) for key, name in GROWTH_FIGURES.items()})
        .order_by()
    )
    by_year = {row["year"]: row for row in rows}
    previous, current = by_year.get(year - 1, {}), by_year.get(year, {})
    result = {"year": year, "companies": current.get("companies", 0)}
    for key in GROWTH_FIGURES:
        before, after = previous.get(key) or 0, current.get(key) or 0
        result[key] = {"previous": before, "current": after, "growth": _percent(after, before)}
    return result
