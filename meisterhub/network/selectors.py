"""Reads scoped to the actor, with the joins list pages need (no N+1)."""

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from meisterhub.accounts.roles import is_staff
from meisterhub.companies.selectors import acting_company_ids

from .models import (
    Council,
    CouncilMembership,
    Decision,
    Inquiry,
    Institution,
    Meeting,
    SmartFactoryProject,
    Technology,
    TransferRequest,
)
from .permissions import seated_council_ids

INQUIRY_JOINS = ("company", "field", "suggested_field", "owner_staff", "owner_meister")


# -- councils ---------------------------------------------------------------------------
def councils_visible_to(user) -> QuerySet[Council]:
    qs = Council.objects.annotate(member_count=Count("memberships", distinct=True))
    if is_staff(user):
        return qs
    return qs.filter(pk__in=seated_council_ids(user))


def council_members(council: Council) -> QuerySet[CouncilMembership]:
    return council.memberships.select_related("institution", "contact").order_by(
        "role", "institution__name")


def meetings_of(council: Council) -> QuerySet[Meeting]:
    return council.meetings.annotate(
        attendance_count=Count("attendances", distinct=True),
        decision_count=Count("decisions", distinct=True),
    )


def plenary_count(council: Council, year: int) -> int:
    return council.meetings.filter(kind=Meeting.Kind.PLENARY, held_on__year=year).count()


def meeting_record(meeting: Meeting) -> dict:
    return {
        "agenda": list(meeting.agenda.all()),
        "attendances": list(meeting.attendances.select_related("institution")),
        "decisions": list(meeting.decisions.select_related("owner_institution")),
    }


def open_decisions_visible_to(user) -> QuerySet[Decision]:
    qs = Decision.objects.exclude(status=Decision.Status.DONE).select_related(
        "meeting__council", "owner_institution")
    if not is_staff(user):
        qs = qs.filter(meeting__council_id__in=seated_council_ids(user))
    return qs.order_by("due_on", "pk")


def institutions_directory(kind: str | None = None) -> QuerySet[Institution]:
    qs = Institution.objects.prefetch_related("contacts", Prefetch(
        "council_memberships", queryset=CouncilMembership.objects.select_related("council")))
    return qs.filter(kind=kind) if kind else qs


# -- smart factory ----------------------------------------------------------------------
def smart_factory_counts(year: int) -> dict:
    """Projects of one year by level (cancelled ones left out): reused by reports."""
    rows = dict(
        SmartFactoryProject.objects.filter(year=year)
        .exclude(status=SmartFactoryProject.Status.CANCELLED)
        .values_list("level").annotate(n=Count("id")).values_list("level", "n")
    )
    levels = [{"level": code, "label": label, "count": rows.get(code, 0)}
              for code, label in SmartFactoryProject.Level.choices]
    return {"year": year, "total": sum(rows.values()), "levels": levels}


def smart_factory_table() -> list[dict]:
    """Every year with projects, newest first: counts per level and the budget split, 1 query."""
    rows = (
        SmartFactoryProject.objects.exclude(status=SmartFactoryProject.Status.CANCELLED)
        .values("year", "level").annotate(
            n=Count("id"), total=Sum("total_amount"), public=Sum("government_amount")
            + Sum("local_government_amount"))
        .order_by("-year")
    )
    years: dict[int, dict] = {}
    for row in rows:
        entry = years.setdefault(row["year"], {"year": row["year"], "total": 0, "budget": 0,
                                               "public": 0, "counts": {}})
        entry["counts"][row["level"]] = row["n"]
        entry["total"] += row["n"]
        entry["budget"] += row["total"]
        entry["public"] += row["public"]
    for entry in years.values():
        entry["cells"] = [entry["counts"].get(code, 0) for code in SmartFactoryProject.Level.values]
    return list(years.values())


def projects_visible_to(user, *, year: int | None = None) -> QuerySet[SmartFactoryProject]:
    qs = SmartFactoryProject.objects.select_related("company", "supplier").annotate(
        financing_total=Sum("financings__amount"))
    if year:
        qs = qs.filter(year=year)
    if is_staff(user):
        return qs
    return qs.filter(company_id__in=acting_company_ids(user))


# -- inquiries --------------------------------------------------------------------------
def inquiry_desk(*, status: str | None = None, overdue_only: bool = False) -> QuerySet[Inquiry]:
    qs = Inquiry.objects.select_related(*INQUIRY_JOINS)
    if status:
        qs = qs.filter(status=status)
    if overdue_only:
        qs = qs.filter(status__in=Inquiry.OPEN, deadline__lt=timezone.localdate())
    return qs


def inquiry_summary() -> dict:
    today = timezone.localdate()
    return Inquiry.objects.aggregate(
        open=Count("id", filter=Q(status__in=Inquiry.OPEN)),
        overdue=Count("id", filter=Q(status__in=Inquiry.OPEN, deadline__lt=today)),
        received=Count("id", filter=Q(status=Inquiry.Status.RECEIVED)),
    )


def inquiries_of(user) -> QuerySet[Inquiry]:
    """A company member: their own and their companies'; a meister: those routed to them."""
    qs = Inquiry.objects.select_related(*INQUIRY_JOINS)
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_meister:
        return qs.filter(owner_meister__user=user)
    return qs.filter(Q(submitted_by=user) | Q(company_id__in=acting_company_ids(user)))


# -- technology transfer ----------------------------------------------------------------
def public_technologies(*, field: str | None = None) -> QuerySet[Technology]:
    qs = Technology.objects.filter(is_published=True).select_related("field", "owner")
    return qs.filter(field_id=field) if field else qs


def transfers_visible_to(user) -> QuerySet[TransferRequest]:
    qs = TransferRequest.objects.select_related("company", "technology", "technology__owner")
    if is_staff(user):
        return qs
    return qs.filter(company_id__in=acting_company_ids(user))
