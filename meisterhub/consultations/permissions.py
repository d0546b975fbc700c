"""Who may see and change consultations. Deny by default; access_* gives 404 for hidden rows."""

from django.http import Http404

from meisterhub.accounts.roles import is_staff
from meisterhub.companies.selectors import acting_company_ids

from .models import Booking, BookingStatus, OnsiteEngagement


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_own_meister(user, meister_id: int | None) -> bool:
    meister = getattr(user, "meister", None) if _authenticated(user) and user.is_meister else None
    return meister is not None and meister.pk == meister_id


def can_view_booking(user, booking: Booking) -> bool:
    if not _authenticated(user):
        return False
    if user.is_operator:
        return True
    if is_own_meister(user, booking.meister_id):
        return True
    return booking.company_id is not None and booking.company_id in acting_company_ids(user)


# What the detail page offers; the services check the same again when the form is posted.
def can_confirm_booking(user, booking: Booking) -> bool:
    return is_staff(user) and booking.status == BookingStatus.REQUESTED


def can_confirm_time(user, booking: Booking) -> bool:
    """Its meister (or staff) confirms the requested time as it stands."""
    return booking.status == BookingStatus.REQUESTED and (
        is_staff(user) or is_own_meister(user, booking.meister_id)
    )


def can_close_booking(user, booking: Booking) -> bool:
    """Mark a confirmed consultation completed or missed."""
    return booking.status == BookingStatus.CONFIRMED and (
        is_staff(user) or is_own_meister(user, booking.meister_id)
    )


def can_cancel_booking(user, booking: Booking) -> bool:
    return booking.status in {BookingStatus.REQUESTED, BookingStatus.CONFIRMED} and (
        is_staff(user) or booking.company_id in acting_company_ids(user)
    )


def can_decide_booking(user, booking: Booking) -> bool:
    """Confirm, decline or offer another time while the booking waits for an answer."""
    from .services.decisions import is_decidable  # services import this module

    return is_decidable(booking) and (is_staff(user) or is_own_meister(user, booking.meister_id))


def can_write_record(user, booking: Booking) -> bool:
    return is_own_meister(user, booking.meister_id) and booking.status not in {
        BookingStatus.CANCELLED, BookingStatus.NO_SHOW}


def access_booking(user, pk: int) -> Booking:
    booking = (
        Booking.objects.select_related(
            "meister", "meister__user", "company", "field", "request", "request__requester"
        )
        .filter(pk=pk)
        .first()
    )
    if booking is None or not can_view_booking(user, booking):
        raise Http404("상담을 찾을 수 없습니다.")
    return booking


def can_view_engagement(user, engagement: OnsiteEngagement) -> bool:
    if not _authenticated(user):
        return False
    return (
        user.is_operator
        or is_own_meister(user, engagement.meister_id)
        or engagement.company_id in acting_company_ids(user)
    )


def can_report_visit(user, engagement: OnsiteEngagement) -> bool:
    return engagement.status == OnsiteEngagement.Status.OPEN and is_own_meister(
        user, engagement.meister_id)


def can_close_engagement(user, engagement: OnsiteEngagement) -> bool:
    return engagement.status == OnsiteEngagement.Status.OPEN and (
        is_staff(user) or is_own_meister(user, engagement.meister_id)
    )


def access_engagement(user, pk: int) -> OnsiteEngagement:
    engagement = OnsiteEngagement.objects.select_related("company", "meister").filter(pk=pk).first()
    if engagement is None or not can_view_engagement(user, engagement):
        raise Http404("현장애로 지원 기록을 찾을 수 없습니다.")
    return engagement
