"""Reads scoped to the person asking."""

from datetime import datetime, time, timedelta

from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone

from meisterhub.meisters.models import Meister

from .models import (
    Booking,
    BookingStatus,
    OnsiteEngagement,
    SatisfactionSurvey,
)
from .permissions import member_company_ids

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
    return _base().filter(company_id__in=member_company_ids(user))


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


def my_consultations(user) -> dict:
    """A company member's page, each booking in one group by state and time: upcoming,
    awaiting an answer, cancelled (any date), past; plus records to read, surveys to answer."""
    now = timezone.now()
    qs = bookings_visible_to(user)
    active = [BookingStatus.REQUESTED, BookingStatus.CONFIRMED]
    waiting = [BookingStatus.PROPOSED, BookingStatus.NEEDS_CHANGE]
    called_off = [BookingStatus.CANCELLED, BookingStatus.DECLINED]
    awaiting_filter = Q(status__in=waiting) & (
        Q(starts_at__gt=now) | Q(proposed_starts_at__gt=now)
    )
    past = list(
        qs.filter(starts_at__lte=now)
        .exclude(status__in=called_off)
        .exclude(awaiting_filter)
        .order_by("-starts_at")[:50]
    )
    return {
        "upcoming": list(qs.filter(status__in=active, starts_at__gt=now).order_by("starts_at")),
        "awaiting": list(qs.filter(awaiting_filter).order_by("starts_at")[:50]),
        "cancelled": list(qs.filter(status__in=called_off).order_by("-starts_at")[:50]),
        "past": past,
        "records": [b for b in past if hasattr(b, "record")],
        "surveys_due": [
            b for b in past if b.status == BookingStatus.COMPLETED and not hasattr(b, "survey")
        ],
        "engagements": list(
            OnsiteEngagement.objects.filter(company_id__in=member_company_ids(user)).select_related(
                "meister", "company"
            )
        ),
    }


def meister_dashboard(meister: Meister) -> dict:
    now = timezone.now()
    today = timezone.localdate()
    qs = _base().filter(meister=meister)
    todays = list(qs.filter(starts_at__date=today).exclude(status=BookingStatus.CANCELLED))
    return {
        "today": todays,
        "upcoming": list(
            qs.filter(
                starts_at__date__gt=today,
                status__in=[BookingStatus.REQUESTED, BookingStatus.CONFIRMED],
            ).order_by("starts_at")[:50]
        ),
        "records_due": list(
            qs.filter(
                starts_at__lte=now,
                record__isnull=True,
                status__in=[BookingStatus.CONFIRMED, BookingStatus.COMPLETED],
            ).order_by("starts_at")
        ),
        "engagements": list(
            OnsiteEngagement.objects.filter(meister=meister, status=OnsiteEngagement.Status.OPEN)
            .select_related("company")
            .annotate(visit_count=Count("visits"))
        ),
    }


def survey_averages() -> dict:
    """Average satisfaction per meister and per field, for staff."""
    surveys = SatisfactionSurvey.objects
    return {
        "per_meister": list(
            surveys.values("booking__meister__name", "booking__meister__title")
            .annotate(average=Avg("score"), answers=Count("pk"))
            .order_by("-average", "booking__meister__name")
        ),
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
