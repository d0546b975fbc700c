"""Reads of the programs app, scoped to the actor where they are not public.

`beneficiary_growth` and `participation_count` are the figures the agency publishes; the
reports app reuses them, and reads the rest of its programs figures through the selectors at
the end of this module.
"""

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from meisterhub.companies.selectors import acting_companies
from meisterhub.core.numbers import percent_change

from . import conf
from .models import (
    Agreement,
    Application,
    Assignment,
    Award,
    Beneficiary,
    Call,
    CallStatus,
    HiddenChampion,
    OutcomeReport,
    Program,
)
from .permissions import is_evaluator

GROWTH_FIGURES = {
    "export": "export_amount",
    "employees": "employees",
    "production": "production_amount",
}


def list_calls(*, query: str = "", area: str = "", status: str = "", now=None) -> QuerySet[Call]:
    """Public list of calls, searchable by text and filterable by area and status."""
    now = now or timezone.now()
    calls = (
        Call.objects.filter(published_at__isnull=False)
        .select_related("program")
        .annotate(application_count=Count("applications", filter=~Q(applications__status="draft")))
    )
    if query:
        for word in query.split()[:5]:
            calls = calls.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(program__name__icontains=word)
            )
    if area:
        calls = calls.filter(program__area=area)
    if status == CallStatus.OPEN:
        calls = calls.filter(opens_at__lte=now, closes_at__gt=now)
    elif status == CallStatus.UPCOMING:
        calls = calls.filter(opens_at__gt=now)
    elif status == CallStatus.CLOSED:
        calls = calls.filter(closes_at__lte=now)
    # Open calls by the nearest deadline; otherwise the newest first (a stable order for paging).
    return (
        calls.order_by("closes_at", "pk")
        if status == CallStatus.OPEN
        else calls.order_by("-opens_at", "-pk")
    )


def get_call(pk: int, *, published_only: bool = True) -> Call:
    """A call for its public page; drafts only when asked for (staff preview them)."""
    calls = Call.objects.filter(published_at__isnull=False) if published_only else Call.objects
    return (
        calls.select_related("program")
        .prefetch_related("required_documents", "attachments", "criteria")
        .get(pk=pk)
    )


def list_calls_for_staff(*, query: str = "", stage: str = "", now=None) -> QuerySet[Call]:
    """Every call, drafts too, with its application counts: one query for any number of rows."""
    now = now or timezone.now()
    calls = Call.objects.select_related("program").annotate(
        draft_count=Count("applications", filter=Q(applications__status="draft")),
        submitted_count=Count(
            "applications", filter=~Q(applications__status__in=["draft", "withdrawn"])
        ),
        selected_count=Count("applications", filter=Q(applications__status="selected")),
    )
    for word in query.split()[:5]:
        calls = calls.filter(Q(title__icontains=word) | Q(program__name__icontains=word))
    published = Q(published_at__isnull=False)
    stages = {
        "draft": Q(published_at__isnull=True),
        CallStatus.UPCOMING: published & Q(opens_at__gt=now),
        CallStatus.OPEN: published & Q(opens_at__lte=now, closes_at__gt=now),
        CallStatus.CLOSED: published & Q(closes_at__lte=now),
    }
    if stage in stages:
        calls = calls.filter(stages[stage])
    return calls.order_by("-created_at", "-pk")


def applications_of(user) -> QuerySet[Application]:
    """The applicant's history: every application of the companies they act for."""
    return (
        Application.objects.filter(company__in=acting_companies(user).values("pk"))
        .select_related("call__program", "company", "agreement")
        .order_by("-created_at", "-pk")
    )


def applications_of_call(call) -> QuerySet[Application]:
    """Staff list of a call's applications (drafts are the applicant's own business)."""
    return (
        Application.objects.filter(call=call)
        .exclude(status="draft")
        .select_related("company")
        .annotate(
            assigned=Count("assignments", distinct=True),
            scored=Count(
                "assignments", filter=Q(assignments__submitted_at__isnull=False), distinct=True
            ),
        )
        .order_by("rank", "submitted_at")
    )


def assignments_of(user) -> QuerySet[Assignment]:
    """An evaluator's own assignments, nothing else."""
    if not is_evaluator(user):
        return Assignment.objects.none()
    return (
        Assignment.objects.filter(evaluator=user)
        .select_related("application__call__program", "application__company")
        .order_by("submitted_at", "-assigned_at", "-pk")
    )


def beneficiary_growth(
    year: int, program: Program | None = None, *, area: str | None = None
) -> dict:
    """Year-over-year growth of year `year`'s beneficiaries that reported both years.

    growth = (sum_Y − sum_{Y−1}) / sum_{Y−1} × 100 for export, employees and production, over
    the beneficiaries (of `program`, of the programs of `area`, or of every program) with
    figures for both Y−1 and Y. One aggregate query.
    """
    beneficiaries = Beneficiary.objects.filter(year=year)
    if program is not None:
        beneficiaries = beneficiaries.filter(program=program)
    if area:
        beneficiaries = beneficiaries.filter(program__area=area)
    companies = beneficiaries.values("company_id")
    both = OutcomeReport.objects.filter(year=year - 1, company_id__in=companies).values(
        "company_id"
    )
    rows = (
        OutcomeReport.objects.filter(year__in=[year - 1, year], company_id__in=both)
        .filter(company_id__in=OutcomeReport.objects.filter(year=year).values("company_id"))
        .values("year")
        .annotate(
            companies=Count("id"), **{key: Sum(field) for key, field in GROWTH_FIGURES.items()}
        )
    )
    return _growth_result(year, {row["year"]: row for row in rows})


def _growth_result(year: int, by_year: dict) -> dict:
    """beneficiary_growth's answer from the per-year sums ({year: {companies, figure: sum}})."""
    previous, current = by_year.get(year - 1, {}), by_year.get(year, {})
    result = {"year": year, "companies": current.get("companies", 0)}
    for key in GROWTH_FIGURES:
        before, after = previous.get(key) or 0, current.get(key) or 0
        result[key] = {"previous": before, "current": after,
                       "growth": percent_change(after, before)}
    return result


def participation_count(year: int, area: str | None = None) -> int:
    """How many distinct companies took part (were beneficiaries) in the year's programs."""
    beneficiaries = Beneficiary.objects.filter(year=year)
    if area:
        beneficiaries = beneficiaries.filter(program__area=area)
    return beneficiaries.values("company_id").distinct().count()


def outcome_totals(year: int) -> dict:
    """Sums of the other published figures over every report of the year."""
    return OutcomeReport.objects.filter(year=year).aggregate(
        export_consultation=Sum("export_consultation_amount"),
        contracts=Sum("contract_amount"),
        mous=Sum("mou_count"),
        reports=Count("id"),
    )


def growth_by_program(year: int) -> list[tuple[Program, dict]]:
    """beneficiary_growth(year, program) for each of the year's programs with beneficiaries,
    in two queries whatever the number of programs (the programs, and the sums grouped by
    program and year)."""
    programs = list(Program.objects.filter(year=year, beneficiaries__isnull=False).distinct())
    # A company is a beneficiary of a program at most once, so the join repeats no report.
    rows = (
        OutcomeReport.objects.filter(year__in=[year - 1, year])
        .filter(company_id__in=OutcomeReport.objects.filter(year=year - 1).values("company_id"))
        .filter(company_id__in=OutcomeReport.objects.filter(year=year).values("company_id"))
        .filter(company__beneficiary_of__year=year,
                company__beneficiary_of__program__in=[p.pk for p in programs])
        .values("company__beneficiary_of__program_id", "year")
        .annotate(
            companies=Count("id"), **{key: Sum(field) for key, field in GROWTH_FIGURES.items()}
        )
        .order_by()
    ) if programs else []
    sums: dict[int, dict] = {}
    for row in rows:
        sums.setdefault(row["company__beneficiary_of__program_id"], {})[row["year"]] = row
    return [(program, _growth_result(year, sums.get(program.pk, {}))) for program in programs]


def champion_progress(*, until: int | None = None) -> dict:
    """Cumulative designations by year, against the targets (200 by 2025, 300 by 2030)."""
    per_year = dict(
        HiddenChampion.objects.values("year").annotate(n=Count("id")).values_list("year", "n")
    )
    running, cumulative = 0, []
    for year in sorted(per_year):
        if until and year > until:
            break
        running += per_year[year]
        cumulative.append({"year": year, "designated": per_year[year], "cumulative": running})
    targets = [
        {"year": y, "target": t, "reached": running, "share": round(running * 100 / t, 1)}
        for y, t in sorted(conf.CHAMPION_TARGETS.items())
    ]
    return {"by_year": cumulative, "total": running, "targets": targets}


def list_hidden_champions() -> QuerySet[HiddenChampion]:
    return HiddenChampion.objects.select_related("company__industry").order_by(
        "-year", "company__name"
    )


def list_awards(year: int | None = None) -> QuerySet[Award]:
    awards = Award.objects.select_related("company", "meister")
    return awards.filter(year=year) if year else awards


def calls_with_rubric(call_ids) -> QuerySet[Call]:
    return Call.objects.filter(pk__in=call_ids).prefetch_related(
        Prefetch("criteria"), "required_documents"
    )


def program_figures(year: int, area: str | None = None) -> list[dict]:
    """The year's programs (of `area`, or all) in report order, each with its published calls'
    budget and count, its submitted and selected applications and its agreed support amount.

    Rows are {id, name, area, budget, calls, applications, selected, agreed}; four grouped
    queries for any number of programs.
    """

    def scoped(qs, path):
        return qs.filter(**{path: area}) if area else qs

    calls = scoped(Call.objects.filter(program__year=year, published_at__isnull=False),
                   "program__area")
    budgets = {
        row["program_id"]: row
        for row in calls.values("program_id")
        .annotate(budget=Sum("budget"), calls=Count("id"))
        .order_by()
    }
    submitted = scoped(Application.objects.filter(call__program__year=year).exclude(status="draft"),
                       "call__program__area")
    applications = {
        row["call__program_id"]: row
        for row in submitted.values("call__program_id")
        .annotate(applications=Count("id"), selected=Count("id", filter=Q(status="selected")))
        .order_by()
    }
    agreements = scoped(Agreement.objects.filter(application__call__program__year=year),
                        "application__call__program__area")
    agreed = {
        row["application__call__program_id"]: row["amount"]
        for row in agreements.values("application__call__program_id")
        .annotate(amount=Sum("support_amount"))
        .order_by()
    }
    rows = list(
        scoped(Program.objects.filter(year=year), "area")
        .values("id", "name", "area")
        .order_by("area", "name")
    )
    for row in rows:
        row.update(
            budget=budgets.get(row["id"], {}).get("budget") or 0,
            calls=budgets.get(row["id"], {}).get("calls") or 0,
            applications=applications.get(row["id"], {}).get("applications") or 0,
            selected=applications.get(row["id"], {}).get("selected") or 0,
            agreed=agreed.get(row["id"]) or 0,
        )
    return rows


def participation_by_area(year: int) -> dict[str, int]:
    """Distinct beneficiary companies of the year per program area ({area: count}); one query."""
    return dict(
        Beneficiary.objects.filter(year=year)
        .values("program__area")
        .annotate(n=Count("company", distinct=True))
        .values_list("program__area", "n")
    )


def list_outcome_reports(year: int | None = None) -> QuerySet[OutcomeReport]:
    """Outcome reports (of `year`, or every year) with their company, by year and company name."""
    reports = OutcomeReport.objects.select_related("company").order_by("year", "company__name")
    return reports.filter(year=year) if year else reports


def outcome_reports_of(companies) -> QuerySet[OutcomeReport]:
    """Every year's outcome reports of the given companies, with their company."""
    return OutcomeReport.objects.filter(company__in=companies).select_related("company")
