"""JSON API: rooms and their busy times, create and cancel reservations; staff manage rooms
(same services as the pages)."""

from datetime import datetime, timedelta

from django.http import Http404
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth

from meisterhub.accounts.roles import is_staff, require_staff
from meisterhub.companies.models import Company
from meisterhub.companies.selectors import acting_company_ids
from meisterhub.core.history_text import readable_history_of
from meisterhub.core.pagination import BoundedLimitOffsetPagination

from .manage_services import copy_facility, create_facility, set_facility_active, update_facility
from .models import Facility
from .permissions import access_facility, access_reservation
from .selectors import busy_reservations, list_facilities, list_facilities_for_staff
from .services import cancel_reservation, create_recurring_reservation

router = Router()
class FacilityOut(Schema):
    id: int
    center: str
    kind: str
    name: str
    capacity: int
    equipment: list[str]
    opening_hours: dict[str, list[str]]
    booking_policy: str
    approval_required: bool
    buffer_minutes: int


class BusyOut(Schema):
    starts_at: datetime
    ends_at: datetime
    held_until: datetime


class ReservationIn(Schema):
    company_id: int | None = None
    starts_at: datetime
    ends_at: datetime
    headcount: int
    purpose: str
    weeks: int = 1


class ReservationOut(Schema):
    id: int
    facility_id: int
    company_id: int | None
    starts_at: datetime
    ends_at: datetime
    headcount: int
    purpose: str
    status: str
    series_id: str | None

    @staticmethod
    def resolve_series_id(obj) -> str | None:
        return str(obj.series_id) if obj.series_id else None


@router.get("/", response=list[FacilityOut], summary="시설 목록")
@paginate(BoundedLimitOffsetPagination)
def list_rooms(request, center: str | None = None):
    return list_facilities(center=center).order_by("center", "order", "name", "pk")


@router.get("/{facility_id}/busy", response=list[BusyOut], summary="예약된 시간")
def busy_times(request, facility_id: int, start: datetime | None = None, days: int = 7):
    facility = access_facility(facility_id)
    start = start or timezone.now()
    if timezone.is_naive(start):
        start = timezone.make_aware(start)
    days = max(1, min(days, 62))
    return [
        {"starts_at": r.starts_at, "ends_at": r.ends_at, "held_until": r.blocked_until}
        for r in busy_reservations(facility, start, start + timedelta(days=days))
    ]


@router.post("/{facility_id}/reservations", response={201: list[ReservationOut]}, auth=django_auth,
             summary="예약 신청")
def create(request, facility_id: int, payload: ReservationIn):
    facility = access_facility(facility_id)
    company = None
    if payload.company_id is not None:
        if not is_staff(request.user) and payload.company_id not in acting_company_ids(
                request.user):
            raise Http404("기업을 찾을 수 없습니다.")
        company = Company.objects.filter(pk=payload.company_id).first()
        if company is None:
            raise Http404("기업을 찾을 수 없습니다.")
    for moment in (payload.starts_at, payload.ends_at):
        if timezone.is_naive(moment):
            raise HttpError(400, "시간에 시간대(예: +09:00)를 넣어 주세요.")
    created = create_recurring_reservation(
        actor=request.user, facility=facility, company=company,
        starts_at=payload.starts_at, ends_at=payload.ends_at, weeks=payload.weeks,
        headcount=payload.headcount, purpose=payload.purpose,
    )
    return Status(201, created)


@router.post("/reservations/{reservation_id}/cancel", response=ReservationOut, auth=django_auth,
             summary="예약 취소")
def cancel(request, reservation_id: int):
    reservation = access_reservation(request.user, reservation_id)
    cancel_reservation(actor=request.user, reservation=reservation)
    return reservation


# Staff: rooms (the API twin of the 시설 관리 pages, same services).


class FacilityManageOut(FacilityOut):
    location: str
    description: str
    is_active: bool
    version: int


class FacilityHistoryOut(Schema):
    at: datetime
    actor: str
    text: str


class FacilityManageDetailOut(FacilityManageOut):
    history: list[FacilityHistoryOut]

    @staticmethod
    def resolve_history(obj) -> list[dict]:
        return readable_history_of(obj)


class FacilityIn(Schema):
    center: str
    kind: str
    name: str
    location: str = ""
    description: str = ""
    capacity: int
    equipment: list[str] = []
    opening_hours: dict[str, list[str]] = {}
    booking_policy: str = "members"
    approval_required: bool = False
    buffer_minutes: int = 0


class FacilityUpdateIn(FacilityIn):
    version: int | None = None  # the version the edit was based on; without it no check


class FacilityActiveIn(Schema):
    active: bool


MANAGE_REFUSAL = "운영자만 시설을 관리할 수 있습니다."


def _managed(facility_id: int) -> Facility:
    facility = Facility.objects.filter(pk=facility_id).first()
    if facility is None:
        raise HttpError(404, "시설을 찾을 수 없습니다.")
    return facility


@router.get("/manage/", response=list[FacilityManageOut], auth=django_auth,
            summary="시설 관리: 목록(운영 중지 포함)")
@paginate(BoundedLimitOffsetPagination)
def manage_list(request, q: str = "", center: str = "", state: str = ""):
    require_staff(request.user, MANAGE_REFUSAL)
    return list_facilities_for_staff(query=q, center=center, state=state).order_by(
        "-is_active", "center", "order", "name", "pk")


@router.post("/manage/", response={201: FacilityManageOut}, auth=django_auth,
             summary="시설 관리: 등록")
def manage_create(request, payload: FacilityIn):
    require_staff(request.user, MANAGE_REFUSAL)
    facility = create_facility(actor=request.user, **payload.dict())
    return Status(201, facility)


@router.get("/manage/{facility_id}", response=FacilityManageDetailOut, auth=django_auth,
            summary="시설 관리: 상세와 변경 이력")
def manage_detail(request, facility_id: int):
    require_staff(request.user, MANAGE_REFUSAL)
    return _managed(facility_id)


@router.put("/manage/{facility_id}", response=FacilityManageOut, auth=django_auth,
            summary="시설 관리: 수정 (version이 다르면 409)")
def manage_update(request, facility_id: int, payload: FacilityUpdateIn):
    require_staff(request.user, MANAGE_REFUSAL)
    values = payload.dict()
    version = values.pop("version")
    return update_facility(actor=request.user, facility=_managed(facility_id),
                           version=version, **values)


@router.post("/manage/{facility_id}/active", response=FacilityManageOut, auth=django_auth,
             summary="시설 관리: 운영 중지·재개")
def manage_active(request, facility_id: int, payload: FacilityActiveIn):
    require_staff(request.user, MANAGE_REFUSAL)
    return set_facility_active(actor=request.user, facility=_managed(facility_id),
                               active=payload.active)


@router.post("/manage/{facility_id}/copy", response={201: FacilityManageOut}, auth=django_auth,
             summary="시설 관리: 복사")
def manage_copy(request, facility_id: int):
    require_staff(request.user, MANAGE_REFUSAL)
    copy = copy_facility(actor=request.user, facility=_managed(facility_id))
    return Status(201, copy)
