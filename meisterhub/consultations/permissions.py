"""Who may see and change consultations. Deny by default; access_* gives 404 for hidden rows."""

from django.http import Http404

from meisterhub.companies.models import Membership

from .models import Booking, OnsiteEngagement


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_own_meister(user, meister_id: int | None) -> bool:
    meister = getattr(user, "meister", None) if _authenticated(user) and user.is_meister else None
    return meister is not None and meister.pk == meister_id


def member_company_ids(user) -> set[int]:
    if not _authenticated(user):
        return set()
    return set(
        Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values_list(
            "company_id", flat=True
        )
    )


def can_view_booking(user, booking: Booking) -> bool:
    if not _authenticated(user):
        return False
    if user.is_operator:
        return True
    if is_own_meister(user, booking.meister_id):
        return True
    return booking.company_id is not None and booking.company_id in member_company_ids(user)


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
        or engagement.company_id in member_company_ids(user)
    )


def access_engagement(user, pk: int) -> OnsiteEngagement:
    engagement = OnsiteEngagement.objects.select_related("company", "meister").filter(pk=pk).first()
    if engagement is None or not can_view_engagement(user, engagement):
        raise Http404("현장애로 지원 기록을 찾을 수 없습니다.")
    return engagement
