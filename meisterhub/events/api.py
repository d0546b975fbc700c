"""JSON API: list events, register and cancel (same services as the pages)."""

from datetime import datetime

from django.http import Http404
from ninja import Router, Schema, Status
from ninja.pagination import paginate
from ninja.security import django_auth

from meisterhub.companies.models import Company
from meisterhub.companies.selectors import acting_company_ids
from meisterhub.core.pagination import BoundedLimitOffsetPagination

from .manage_api import router as manage_router
from .permissions import access_event, access_registration
from .selectors import list_upcoming_events, waitlist_place
from .services import cancel_registration, register_for_event

router = Router()
router.add_router("/manage", manage_router)


class EventOut(Schema):
    id: int
    title: str
    kind: str
    area: str
    starts_at: datetime
    ends_at: datetime
    place: str
    capacity: int
    seated: int
    waitlisted: int
    registration_opens_at: datetime
    registration_closes_at: datetime

    @staticmethod
    def resolve_place(obj) -> str:
        return obj.place_display

    @staticmethod
    def resolve_seated(obj) -> int:
        return obj.seated_count

    @staticmethod
    def resolve_waitlisted(obj) -> int:
        return obj.waitlisted_count


class RegisterIn(Schema):
    company_id: int | None = None


class RegistrationOut(Schema):
    id: int
    event_id: int
    status: str
    waitlist_place: int | None
    code: str | None

    @staticmethod
    def resolve_waitlist_place(obj) -> int | None:
        return waitlist_place(obj)

    @staticmethod
    def resolve_code(obj) -> str | None:
        return obj.code if obj.status in ("registered", "attended") else None


@router.get("/", response=list[EventOut], summary="예정 행사 목록")
@paginate(BoundedLimitOffsetPagination)
def list_events(request, kind: str | None = None, area: str | None = None):
    return list_upcoming_events(kind=kind, area=area)


@router.post("/{event_id}/registrations", response={201: RegistrationOut}, auth=django_auth,
             summary="참가 신청")
def register(request, event_id: int, payload: RegisterIn):
    event = access_event(request.user, event_id)
    company = None
    if payload.company_id is not None:
        if payload.company_id not in acting_company_ids(request.user):
            raise Http404("기업을 찾을 수 없습니다.")
        company = Company.objects.get(pk=payload.company_id)
    registration = register_for_event(actor=request.user, event=event, company=company)
    return Status(201, registration)


@router.post("/registrations/{registration_id}/cancel", response=RegistrationOut,
             auth=django_auth, summary="신청 취소")
def cancel(request, registration_id: int):
    registration = access_registration(request.user, registration_id)
    cancel_registration(actor=request.user, registration=registration)
    return registration
