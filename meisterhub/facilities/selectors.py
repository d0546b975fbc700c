from datetime import date, datetime, time, timedelta

from django.db.models import Count, DurationField, ExpressionWrapper, F, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from meisterhub.companies.selectors import acting_company_ids

from .models import Center, Facility, FacilityPhoto, Reservation


def list_facilities(*, center: str | None = None) -> QuerySet[Facility]:
    facilities = Facility.objects.filter(is_active=True).prefetch_related(
        Prefetch("photos", queryset=FacilityPhoto.objects.order_by("order", "id"))
    )
    if center:
        facilities = facilities.filter(center=center)
    return facilities


def facilities_by_center() -> list[dict]:
    facilities = list(list_facilities())
    return [
        {"center": label, "value": value,
         "facilities": [f for f in facilities if f.center == value]}
        for value, label in Center.choices
    ]


def local_day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(first, time.min))
    end = timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min))
    return start, end


def busy_reservations(facility: Facility, start: datetime, end: datetime) -> QuerySet[Reservation]:
    """Active reservations holding the room (buffer included) at some point in [start, end)."""
    return Reservation.objects.filter(
        facility=facility, status__in=Reservation.ACTIVE,
        blocked_from__lt=end, blocked_until__gt=start,
    ).order_by("starts_at")


def reservations_visible_to(user) -> QuerySet[Reservation]:
    """Staff see all; others see what they booked and what their companies booked."""
    qs = Reservation.objects.select_related("facility", "company", "user")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_operator:
        return qs
    return qs.filter(Q(user=user) | Q(company_id__in=acting_company_ids(user)))


def my_reservations(user) -> QuerySet[Reservation]:
    return reservations_visible_to(user).order_by("-starts_at")


def pending_reservations() -> QuerySet[Reservation]:
    return Reservation.objects.filter(status=Reservation.Status.PENDING).select_related(
        "facility", "company", "user"
    ).order_by("starts_at")


def list_facilities_for_staff(
    *, query: str = "", center: str = "", state: str = ""
) -> QuerySet[Facility]:
    """Every room, running or not, with its photo count and pending reservations (one query)."""
    facilities = Facility.objects.annotate(
        photo_count=Count("photos", distinct=True),
        pending_count=Count("reservations", distinct=True,
                            filter=Q(reservations__status=Reservation.Status.PENDING)),
    )
    if center:
        facilities = facilities.filter(center=center)
    if state:
        facilities = facilities.filter(is_active=state == "active")
    for term in query.split()[:5]:
        facilities = facilities.filter(Q(name__icontains=term) | Q(location__icontains=term))
    return facilities.order_by("-is_active", "center", "order", "name")


def reservation_totals_by_facility(start: datetime, end: datetime) -> list[dict]:
    """For the annual report: per room, the reservations starting in [start, end). Rows of
    {facility_id, facility__name, facility__center, facility__order, n, duration, people,
    status_<status> for every status}; n, duration and people count confirmed ones only."""
    length = ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())
    confirmed = Q(status=Reservation.Status.CONFIRMED)
    states = {f"status_{status}": Count("id", filter=Q(status=status))
              for status in Reservation.Status}
    return list(
        Reservation.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .values("facility_id", "facility__name", "facility__center", "facility__order")
        .annotate(n=Count("id", filter=confirmed), duration=Sum(length, filter=confirmed),
                  people=Sum("headcount", filter=confirmed), **states)
        .order_by("facility__center", "facility__order", "facility__name")
    )
