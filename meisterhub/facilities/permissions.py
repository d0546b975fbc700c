"""Who may book, see and change what in facilities."""

from django.http import Http404
from django.utils import timezone

from meisterhub.companies.models import Company
from meisterhub.companies.selectors import acting_company_ids

from .models import BookingPolicy, Facility, Reservation, ResidentCompany


def is_resident(company: Company, center: str, on=None) -> bool:
    day = on or timezone.localdate()
    return ResidentCompany.objects.filter(
        company=company, center=center, moved_in_on__lte=day
    ).exclude(moved_out_on__lt=day).exists()


def booking_refusal(user, facility: Facility, company: Company | None) -> str | None:
    """None when the user may book the room for the company, else the Korean reason."""
    if not getattr(user, "is_authenticated", False):
        return "로그인한 뒤 예약할 수 있습니다."
    if not facility.is_active:
        return "지금은 예약을 받지 않는 시설입니다."
    if user.is_operator:
        return None
    if facility.booking_policy == BookingPolicy.STAFF:
        return "이 시설은 운영자만 예약할 수 있습니다."
    if company is None or company.pk not in acting_company_ids(user):
        return "소속된 기업으로만 예약할 수 있습니다."
    if facility.booking_policy == BookingPolicy.RESIDENTS and not is_resident(
        company, facility.center
    ):
        return f"이 시설은 {facility.get_center_display()} 입주기업만 예약할 수 있습니다."
    return None


def can_see_reservation(user, reservation: Reservation) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_operator or reservation.user_id == user.pk:
        return True
    return reservation.company_id in acting_company_ids(user)


def can_cancel_reservation(user, reservation: Reservation) -> bool:
    return can_see_reservation(user, reservation)


def access_reservation(user, pk: int) -> Reservation:
    reservation = Reservation.objects.select_related("facility", "company", "user").filter(pk=pk)
    found = reservation.first()
    if found is None or not can_see_reservation(user, found):
        raise Http404("예약을 찾을 수 없습니다.")
    return found


def access_facility(pk: int) -> Facility:
    facility = Facility.objects.filter(pk=pk, is_active=True).first()
    if facility is None:
        raise Http404("시설을 찾을 수 없습니다.")
    return facility
