"""JSON API for staff running events (/api/events/manage/...), the twin of manage_views."""

from datetime import datetime

from django.utils import timezone
from ninja import Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth

from meisterhub.accounts.models import User
from meisterhub.accounts.roles import require_staff
from meisterhub.core.errors import DomainError
from meisterhub.core.pagination import BoundedLimitOffsetPagination
from meisterhub.facilities.models import Facility

from .contest_manage_services import remove_judge, update_contest
from .contest_services import assign_judge
from .manage_schemas import (
    ERRORS,
    CancelIn,
    CancelOut,
    ContestIn,
    ContestOut,
    EventIn,
    EventUpdateIn,
    JudgeIn,
    ManagedEventDetailOut,
    ManagedEventOut,
)
from .manage_services import (
    cancel_event,
    close_registration,
    copy_event,
    create_event,
    publish_event,
    update_event,
)
from .models import Contest, Event, EventKind
from .selectors import get_event_for_staff, list_events_for_staff

router = Router(auth=django_auth, tags=["행사 관리"])
MANAGE_REFUSAL = "운영자만 행사를 관리할 수 있습니다."


def _event(request, event_id: int) -> Event:
    require_staff(request.user, MANAGE_REFUSAL)
    event = get_event_for_staff(event_id)
    if event is None:
        raise HttpError(404, "행사를 찾을 수 없습니다.")
    return event


def _contest(request, event_id: int) -> Contest:
    event = _event(request, event_id)
    contest = Contest.objects.filter(event=event).first()
    if contest is None or event.kind != EventKind.CONTEST:
        raise HttpError(404, "공모전 행사가 아닙니다.")
    return contest


def _aware(value):
    """A datetime sent without an offset is Korean time."""
    if isinstance(value, datetime) and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


def _values(payload: dict) -> dict:
    values = {name: _aware(value) for name, value in payload.items()}
    if "facility_id" in values:
        facility_id = values.pop("facility_id")
        values["facility"] = Facility.objects.filter(pk=facility_id).first() \
            if facility_id is not None else None
        if facility_id is not None and values["facility"] is None:
            raise DomainError("시설을 찾을 수 없습니다.", field="facility")
    return values


@router.get("/", response=list[ManagedEventOut], summary="행사 관리 목록 (준비 중·취소 포함)")
@paginate(BoundedLimitOffsetPagination)
def list_managed(request, status: str | None = None, kind: str | None = None):
    require_staff(request.user, MANAGE_REFUSAL)
    return list_events_for_staff(status=status, kind=kind)


@router.post("/", response={201: ManagedEventOut, **ERRORS}, summary="행사 등록 (준비 중)")
def create(request, payload: EventIn):
    require_staff(request.user, MANAGE_REFUSAL)
    event = create_event(actor=request.user, values=_values(payload.model_dump()))
    return Status(201, get_event_for_staff(event.pk))


@router.get("/{event_id}", response={200: ManagedEventDetailOut, **ERRORS},
            summary="행사 관리 상세 (공모전 설정, 변경 이력)")
def detail(request, event_id: int):
    return _event(request, event_id)


@router.put("/{event_id}", response={200: ManagedEventOut, **ERRORS},
            summary="행사 수정 (version이 다르면 409)")
def update(request, event_id: int, payload: EventUpdateIn):
    event = _event(request, event_id)
    sent = payload.model_dump()
    version = sent.pop("version", None)
    update_event(actor=request.user, event=event, values=_values(sent),
                 expected_version=version)
    return get_event_for_staff(event.pk)


def _act(request, event_id: int, action):
    event = _event(request, event_id)
    action(event)
    return get_event_for_staff(event.pk)


@router.post("/{event_id}/publish", response={200: ManagedEventOut, **ERRORS}, summary="행사 게시")
def publish(request, event_id: int):
    return _act(request, event_id, lambda e: publish_event(actor=request.user, event=e))


@router.post("/{event_id}/close", response={200: ManagedEventOut, **ERRORS},
             summary="참가 신청 지금 마감")
def close(request, event_id: int):
    return _act(request, event_id, lambda e: close_registration(actor=request.user, event=e))


@router.post("/{event_id}/cancel", response={200: CancelOut, **ERRORS}, summary="행사 취소")
def cancel(request, event_id: int, payload: CancelIn):
    event = _event(request, event_id)
    count = cancel_event(actor=request.user, event=event, reason=payload.reason)
    return {"event": get_event_for_staff(event.pk), "registrations_cancelled": count}


@router.post("/{event_id}/copy", response={201: ManagedEventOut, **ERRORS},
             summary="행사 복사 (새 준비 중 행사)")
def copy(request, event_id: int):
    event = _event(request, event_id)
    new = copy_event(actor=request.user, event=event)
    return Status(201, get_event_for_staff(new.pk))


@router.put("/{event_id}/contest", response={200: ContestOut, **ERRORS},
            summary="공모전 설정 (접수 기간, 심사 기준)")
def contest_settings(request, event_id: int, payload: ContestIn):
    contest = _contest(request, event_id)
    update_contest(actor=request.user, contest=contest,
                   submission_opens_at=_aware(payload.submission_opens_at),
                   submission_deadline=_aware(payload.submission_deadline),
                   criteria=[c.model_dump() for c in payload.criteria],
                   expected_version=payload.version)
    return contest


@router.post("/{event_id}/contest/judges", response={201: ContestOut, **ERRORS},
             summary="심사위원 배정")
def add_judge(request, event_id: int, payload: JudgeIn):
    contest = _contest(request, event_id)
    judge = User.objects.filter(pk=payload.judge_id).first()
    if judge is None:
        raise DomainError("평가위원을 찾을 수 없습니다.", field="judge_id")
    assign_judge(actor=request.user, contest=contest, judge=judge)
    return Status(201, contest)


@router.delete("/{event_id}/contest/judges/{judge_id}", response={200: ContestOut, **ERRORS},
               summary="심사위원 배정 해제")
def delete_judge(request, event_id: int, judge_id: int):
    contest = _contest(request, event_id)
    judge = User.objects.filter(pk=judge_id).first()
    if judge is None:
        raise DomainError("배정된 심사위원이 아닙니다.", code="not_found")
    remove_judge(actor=request.user, contest=contest, judge=judge)
    return contest
