"""Reads scoped to the person asking."""

from datetime import datetime, time, timedelta

from django.db.models import Avg, BooleanField, Case, Count, Q, QuerySet, Value, When
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from meisterhub.companies.selectors import acting_company_ids
from meisterhub.meisters.models import Meister

from .models import (
    Booking,
    BookingStatus,
    OnsiteEngagement,
    SatisfactionSurvey,
)

RELATED = ("meister", "company", "field", "request", "request__requester", "record", "survey")


def _base() -> QuerySet[Booking]:
    return Booking.objects.select_related(*RELATED)


def bookings_visible_to(user) -> QuerySet[Booking]:
    if not getattr(user, "is_authenticated", False):
        return Booking.objects.none()
    if user.is_operator:
        return _base()
    if user.is_meister:
        meister = getattr(user, "meister", None)
        return _base().filter(meister=meister) if meister else Booking.objects.none()
    return _base().filter(company_id__in=acting_company_ids(user))


def list_staff_bookings(*, status=None, date_from=None, date_to=None, meister=None):
    qs = _base()
    if status:
        qs = qs.filter(status=status)
    if date_from:
        qs = qs.filter(starts_at__gte=timezone.make_aware(datetime.combine(date_from, time.min)))
    if date_to:
        qs = qs.filter(
            starts_at__lt=timezone.make_aware(
                datetime.combine(date_to + timedelta(days=1), time.min)
            )
        )
    if meister:
        qs = qs.filter(meister=meister)
    return qs.order_by("starts_at", "pk")


CALLED_OFF = (BookingStatus.CANCELLED, BookingStatus.DECLINED)


def _awaiting_filter(now) -> Q:
    waiting = [BookingStatus.PROPOSED, BookingStatus.NEEDS_CHANGE]
    return Q(status__in=waiting) & (Q(starts_at__gt=now) | Q(proposed_starts_at__gt=now))


def past_consultations(user) -> QuerySet[Booking]:
    """A member's consultations that have taken place, newest first (the page pages them)."""
    now = timezone.now()
    return (
        bookings_visible_to(user)
        .filter(starts_at__lte=now)
        .exclude(status__in=CALLED_OFF)
        .exclude(_awaiting_filter(now))
        .order_by("-starts_at", "-pk")
    )


def upcoming_consultations(user) -> QuerySet[Booking]:
    """A member's requested and confirmed consultations still to come, soonest first."""
    return (
        bookings_visible_to(user)
        .filter(status__in=[BookingStatus.REQUESTED, BookingStatus.CONFIRMED],
                starts_at__gt=timezone.now())
        .order_by("starts_at", "pk")
    )


def called_off_consultations(user) -> QuerySet[Booking]:
    return bookings_visible_to(user).filter(status__in=CALLED_OFF).order_by("-starts_at", "-pk")


def awaiting_consultations(user) -> QuerySet[Booking]:
    """A member's consultations waiting for the company's answer (a proposal, a new time)."""
    return bookings_visible_to(user).filter(_awaiting_filter(timezone.now())).order_by(
        "starts_at", "pk"
    )


def company_engagements(user) -> QuerySet[OnsiteEngagement]:
    """The on-site engagements of the companies the member acts for, newest first."""
    return OnsiteEngagement.objects.filter(
        company_id__in=acting_company_ids(user)
    ).select_related("meister", "company").order_by("-created_at", "-pk")


def my_consultations(user, *, upcoming, past, cancelled, awaiting, engagements) -> dict:
    """A company member's page, each booking in one group by state and time: upcoming,
    awaiting an answer, cancelled (any date), past; plus records to read, surveys to answer,
    and on-site engagements. The groups are pages of the querysets above."""
    return {
        "upcoming": upcoming,
        "awaiting": awaiting,
        "cancelled": cancelled,
        "past": past,
        "records": [b for b in past if hasattr(b, "record")],
        "surveys_due": [
            b for b in past if b.status == BookingStatus.COMPLETED and not hasattr(b, "survey")
        ],
        "engagements": engagements,
    }


def meister_upcoming(meister: Meister) -> QuerySet[Booking]:
    """The meister's requested and confirmed consultations after today, soonest first."""
    return _base().filter(
        meister=meister,
        starts_at__date__gt=timezone.localdate(),
        status__in=[BookingStatus.REQUESTED, BookingStatus.CONFIRMED],
    ).order_by("starts_at", "pk")


def meister_records_due(meister: Meister) -> QuerySet[Booking]:
    """Held consultations without a record: a work queue, oldest first."""
    return _base().filter(
        meister=meister,
        starts_at__lte=timezone.now(),
        record__isnull=True,
        status__in=[BookingStatus.CONFIRMED, BookingStatus.COMPLETED],
    ).order_by("starts_at", "pk")


def meister_pending(meister: Meister) -> QuerySet[Booking]:
    """Future bookings waiting for the meister's answer (asked, or to be moved), soonest first."""
    return Booking.objects.select_related("company", "field", "request").filter(
        meister=meister,
        starts_at__gt=timezone.now(),
        status__in=[BookingStatus.REQUESTED, BookingStatus.NEEDS_CHANGE],
    ).order_by("starts_at", "pk")


def meister_open_proposals(meister: Meister) -> QuerySet[Booking]:
    """The meister's time proposals waiting for the company's answer."""
    return Booking.objects.select_related("company", "field").filter(
        meister=meister, status=BookingStatus.PROPOSED
    ).order_by("proposed_starts_at", "pk")


def meister_dashboard(meister: Meister, *, upcoming, records_due) -> dict:
    """The meister's home: today's consultations and open on-site engagements, with the given
    pages of meister_upcoming and meister_records_due."""
    today = timezone.localdate()
    qs = _base().filter(meister=meister)
    todays = list(qs.filter(starts_at__date=today).exclude(status=BookingStatus.CANCELLED))
    return {
        "today": todays,
        "upcoming": upcoming,
        "records_due": records_due,
        "engagements": list(
            OnsiteEngagement.objects.filter(meister=meister, status=OnsiteEngagement.Status.OPEN)
            .select_related("company")
            .annotate(visit_count=Count("visits"))
        ),
    }


def survey_averages() -> dict:
    """Average satisfaction per meister (a queryset, one row per meister: the page pages it)
    and per field, for staff."""
    surveys = SatisfactionSurvey.objects
    return {
        "per_meister": surveys.values("booking__meister__name", "booking__meister__title")
        .annotate(average=Avg("score"), answers=Count("pk"))
        .order_by("-average", "booking__meister__name"),
        "per_field": list(
            surveys.values("booking__field__name_ko")
            .annotate(average=Avg("score"), answers=Count("pk"))
            .order_by("-average", "booking__field__name_ko")
        ),
        "overall": surveys.aggregate(average=Avg("score"), answers=Count("pk")),
    }


def meisters_for_field(field_code: str | None) -> QuerySet[Meister]:
    qs = Meister.objects.filter(is_active=True, rotation_blocks__isnull=False)
    if field_code:
        qs = qs.filter(field_links__field_id=field_code)
    return qs.distinct().order_by("name", "pk")


# Figures for the annual report: bookings that start in [start, end), one grouped query each.


def booking_counts(start: datetime, end: datetime, *, now: datetime) -> list[dict]:
    """Bookings counted by start month, channel and status, and by whether they had started by
    `now`: rows of {month, channel, status, started, n}."""
    started = Case(When(starts_at__lt=now, then=Value(True)), default=Value(False),
                   output_field=BooleanField())
    return list(
        Booking.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .annotate(month=ExtractMonth("starts_at"), started=started)
        .values("month", "channel", "status", "started")
        .annotate(n=Count("id"))
        .order_by()
    )


def completed_bookings_by_field(start: datetime, end: datetime) -> list[dict]:
    """Completed bookings per field in the field order, with their survey answers and average
    score: rows of {field_id, field__name_ko, field__order, n, answers, average}."""
    return list(
        Booking.objects.filter(starts_at__gte=start, starts_at__lt=end,
                               status=BookingStatus.COMPLETED)
        .values("field_id", "field__name_ko", "field__order")
        .annotate(n=Count("id"), answers=Count("survey"), average=Avg("survey__score"))
        .order_by("field__order", "field_id")
    )


def satisfaction_of_completed_bookings(start: datetime, end: datetime) -> dict:
    """{average, answers, satisfied (score 4 or 5)} over the surveys of completed bookings."""
    return SatisfactionSurvey.objects.filter(
        booking__starts_at__gte=start, booking__starts_at__lt=end,
        booking__status=BookingStatus.COMPLETED,
    ).aggregate(
        average=Avg("score"), answers=Count("id"), satisfied=Count("id", filter=Q(score__gte=4))
    )


def onsite_engagement_counts(start: datetime, end: datetime) -> dict:
    """{engagements, visits}: on-site engagements opened in [start, end) and their visits."""
    return OnsiteEngagement.objects.filter(created_at__gte=start, created_at__lt=end).aggregate(
        engagements=Count("id", distinct=True), visits=Count("visits", distinct=True)
    )
