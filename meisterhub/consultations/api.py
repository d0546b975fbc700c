"""JSON API over the same services as the pages."""

from datetime import date, datetime

from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth

from meisterhub.companies.models import Company
from meisterhub.core.pagination import BoundedLimitOffsetPagination
from meisterhub.meisters.models import Field as ExpertiseField
from meisterhub.meisters.models import Meister

from . import services
from .permissions import access_booking
from .selectors import bookings_visible_to
from .services import decisions
from .slots import SlotTaken, free_slots
from .window import booking_window

router = Router()
MAX_DAYS = 92


class SlotOut(Schema):
    starts_at: datetime
    ends_at: datetime
    place: str


class BookingIn(Schema):
    company_id: int
    field: str
    meister_id: int
    starts_at: datetime
    problem: str


class BookingOut(Schema):
    id: int
    meister_id: int
    meister_name: str
    company_id: int | None
    field: str | None
    starts_at: datetime
    ends_at: datetime
    place: str
    status: str
    status_display: str

    @staticmethod
    def resolve_meister_name(obj) -> str:
        return obj.meister.name

    @staticmethod
    def resolve_field(obj) -> str | None:
        return obj.field_id

    @staticmethod
    def resolve_status_display(obj) -> str:
        return obj.get_status_display()


class TakenOut(Schema):
    detail: str
    field: str = "slot"
    alternatives: list[SlotOut] = Field(
        description="그 마이스터의 가장 가까운 빈 시간 (최대 3개, 예약 가능 기간 안, 시간순)"
    )


class CancelIn(Schema):
    reason: str = ""


@router.get(
    "/meisters/{meister_id}/slots",
    response=list[SlotOut],
    summary="마이스터의 빈 상담 시간 (예약 가능 기간 안)",
)
def list_free_slots(request, meister_id: int, start: date | None = None, end: date | None = None):
    meister = Meister.objects.filter(pk=meister_id, is_active=True).first()
    if meister is None:
        raise HttpError(404, "마이스터를 찾을 수 없습니다.")
    window = booking_window()
    start = start or timezone.localdate()
    end = end or max(start, window.last_day)
    if end < start or (end - start).days > MAX_DAYS:
        raise HttpError(400, f"조회 기간은 시작일부터 {MAX_DAYS}일 이내로 정하세요.")
    # Only what can be booked now: later days are not offered before their window opens.
    end = min(end, window.last_day)
    if end < start:
        return []
    slots = free_slots([meister.pk], start, end, now=window.now)[meister.pk]
    return [s for s in slots if window.contains(s.starts_at)]


@router.post(
    "/bookings",
    response={201: BookingOut, 409: TakenOut},
    auth=django_auth,
    summary="상담 신청 (그 시간이 이미 예약되었으면 409와 가장 가까운 빈 시간 3개)",
)
def create_booking(request, payload: BookingIn):
    company = Company.objects.filter(pk=payload.company_id).first()
    field = ExpertiseField.objects.filter(code=payload.field.upper()).first()
    meister = Meister.objects.select_related("user").filter(pk=payload.meister_id).first()
    if field is None:
        raise HttpError(400, "알 수 없는 분야 코드입니다.")
    if meister is None:
        raise HttpError(404, "마이스터를 찾을 수 없습니다.")
    try:
        booking = services.book_consultation(
            actor=request.user,
            company=company,
            field=field,
            meister=meister,
            starts_at=payload.starts_at,
            problem=payload.problem,
        )
    except SlotTaken as error:
        return Status(409, {"detail": error.message, "alternatives": error.alternatives})
    return Status(201, booking)


@router.get("/bookings/mine", response=list[BookingOut], auth=django_auth, summary="나의 상담")
@paginate(BoundedLimitOffsetPagination)
def my_bookings(request, upcoming: bool = False):
    qs = bookings_visible_to(request.user)
    if upcoming:
        qs = qs.filter(Q(starts_at__gt=timezone.now()), status__in=["requested", "confirmed"])
    return qs.order_by("-starts_at", "-pk")


@router.post(
    "/bookings/{booking_id}/cancel", response=BookingOut, auth=django_auth, summary="상담 취소"
)
def cancel(request, booking_id: int, payload: CancelIn):
    try:
        booking = access_booking(request.user, booking_id)
    except Http404:
        raise HttpError(404, "상담을 찾을 수 없습니다.") from None
    return services.cancel_booking(actor=request.user, booking=booking, reason=payload.reason)


# Booking decisions: the meister's answer, the company's answer to a proposal, a move.


class DecisionOut(BookingOut):
    proposed_starts_at: datetime | None
    proposed_ends_at: datetime | None
    decision_reason: str
    sequence: int


class ConfirmIn(Schema):
    sequence: int | None = Field(None, description="불러올 때의 sequence (낡은 화면이면 409)")


class DeclineIn(Schema):
    reason: str = Field("", description="거절 사유 (필수, 기업에 알림)")
    sequence: int | None = None


class ProposeIn(Schema):
    starts_at: str = Field(
        description="마이스터의 빈 시간 시작 (ISO 8601, 예 2026-03-03T10:00:00+09:00)"
    )
    reason: str = ""
    sequence: int | None = None


class ProposalAnswerIn(Schema):
    sequence: int | None = None


class RescheduleIn(Schema):
    starts_at: str = Field(description="같은 마이스터의 빈 시간 시작 (ISO 8601)")
    sequence: int | None = None


def _moment(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        value = None
    if value is None or timezone.is_naive(value):
        raise HttpError(
            400,
            "시간은 시간대를 포함한 ISO 8601 형식(예: 2026-03-03T10:00:00+09:00)으로 보내 주세요.",
        )
    return value


def _booking(request, booking_id: int):
    try:
        return access_booking(request.user, booking_id)
    except Http404:
        raise HttpError(404, "상담을 찾을 수 없습니다.") from None


@router.post(
    "/bookings/{booking_id}/confirm",
    response=DecisionOut,
    auth=django_auth,
    summary="상담 확정 (담당 마이스터·운영자)",
)
def confirm(request, booking_id: int, payload: ConfirmIn):
    booking = _booking(request, booking_id)
    return services.confirm_booking(
        actor=request.user, booking=booking, sequence=payload.sequence
    )


@router.post(
    "/bookings/{booking_id}/decline",
    response=DecisionOut,
    auth=django_auth,
    summary="상담 신청 거절 (담당 마이스터·운영자)",
)
def decline(request, booking_id: int, payload: DeclineIn):
    booking = _booking(request, booking_id)
    return decisions.decline_booking(
        actor=request.user, booking=booking, reason=payload.reason, sequence=payload.sequence
    )


@router.post(
    "/bookings/{booking_id}/propose",
    response=DecisionOut,
    auth=django_auth,
    summary="다른 시간 제안 (담당 마이스터·운영자)",
)
def propose(request, booking_id: int, payload: ProposeIn):
    booking = _booking(request, booking_id)
    starts_at = _moment(payload.starts_at)
    return decisions.propose_booking_time(
        actor=request.user,
        booking=booking,
        starts_at=starts_at,
        reason=payload.reason,
        sequence=payload.sequence,
    )


@router.post(
    "/bookings/{booking_id}/accept-proposal",
    response=DecisionOut,
    auth=django_auth,
    summary="제안된 시간 수락 (기업)",
)
def accept_proposal(request, booking_id: int, payload: ProposalAnswerIn):
    booking = _booking(request, booking_id)
    return decisions.accept_proposal(
        actor=request.user, booking=booking, sequence=payload.sequence
    )


@router.post(
    "/bookings/{booking_id}/reject-proposal",
    response=DecisionOut,
    auth=django_auth,
    summary="제안된 시간 거절, 예약 취소 (기업)",
)
def reject_proposal(request, booking_id: int, payload: ProposalAnswerIn):
    booking = _booking(request, booking_id)
    return decisions.reject_proposal(
        actor=request.user, booking=booking, sequence=payload.sequence
    )


@router.post(
    "/bookings/{booking_id}/reschedule",
    response=DecisionOut,
    auth=django_auth,
    summary="상담 일정 변경 (기업)",
)
def reschedule(request, booking_id: int, payload: RescheduleIn):
    booking = _booking(request, booking_id)
    starts_at = _moment(payload.starts_at)
    return decisions.reschedule_booking(
        actor=request.user, booking=booking, starts_at=starts_at, sequence=payload.sequence
    )
