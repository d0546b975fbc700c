"""Council meetings: agenda, attendance, minutes, decisions and their follow-up."""

import uuid
from datetime import date

from django.db import transaction
from django.utils import timezone

from meisterhub.accounts.roles import require_staff
from meisterhub.core.errors import DomainError
from meisterhub.core.history import record, snapshot

from ..files import check_minutes_file
from ..models import AgendaItem, Attendance, Council, Decision, Institution, Meeting
from .common import required_text

OWNER_MISSING = "결정사항의 담당(기관 또는 담당자)을 지정해 주세요. 담당이 없는 결정은 저장하지 않습니다."


def _member_ids(council: Council) -> set[int]:
    return set(council.memberships.values_list("institution_id", flat=True))


@transaction.atomic
def create_meeting(*, actor, council: Council, kind: str, title: str, held_on: date,
                   place: str = "", agenda: list[str] | None = None,
                   attendance: list[tuple[Institution, str]] | None = None) -> Meeting:
    require_staff(actor)
    if kind not in Meeting.Kind.values:
        raise DomainError("회의 구분(정기·실무)을 선택해 주세요.", field="kind")
    title = required_text(title, "회의명을 입력해 주세요.", field="title")
    if held_on is None:
        raise DomainError("개최일을 입력해 주세요.", field="held_on")
    members = _member_ids(council)
    outsiders = [inst.name for inst, _ in attendance or [] if inst.pk not in members]
    if outsiders:
        raise DomainError(f"협의회 회원 기관이 아닙니다: {', '.join(outsiders)}",
                          field="attendance")
    meeting = Meeting.objects.create(council=council, kind=kind, title=title, held_on=held_on,
                                     place=place.strip(), created_by=actor)
    items = [line.strip() for line in agenda or [] if line.strip()]
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, order=n, title=text[:200]) for n, text in enumerate(items, 1)
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, institution=inst, attendee=who.strip()[:100])
        for inst, who in attendance or []
    )
    record(actor=actor, action="network.meeting.created", instance=meeting,
           changes={**snapshot(meeting, ["council", "kind", "title", "held_on", "place"]),
                    "agenda": items, "attendance": len(attendance or [])})
    return meeting


@transaction.atomic
def record_minutes(*, actor, meeting: Meeting, text: str, upload=None) -> Meeting:
    require_staff(actor)
    text = (text or "").strip()
    if not text and upload is None and not meeting.minutes_file:
        raise DomainError("회의록 내용이나 파일 중 하나는 있어야 합니다.", field="minutes_text")
    changes = {"minutes_text": [meeting.minutes_text[:50], text[:50]]}
    if upload is not None:
        kind = check_minutes_file(upload)
        if meeting.minutes_file:
            meeting.minutes_file.delete(save=False)
        original = (getattr(upload, "name", "") or f"minutes.{kind}").rsplit("/", 1)[-1]
        meeting.minutes_file.save(f"{uuid.uuid4().hex}.{kind}", upload, save=False)
        meeting.minutes_file_kind = kind
        meeting.minutes_file_name = original[:200]
        changes["minutes_file"] = original
    meeting.minutes_text = text
    meeting.save()
    record(actor=actor, action="network.meeting.minutes_recorded", instance=meeting,
           changes=changes)
    return meeting


@transaction.atomic
def add_decision(*, actor, meeting: Meeting, text: str, due_on: date | None,
                 owner_institution: Institution | None = None,
                 owner_person: str = "") -> Decision:
    require_staff(actor)
    text = required_text(text, "결정사항 내용을 입력해 주세요.", field="text")
    owner_person = (owner_person or "").strip()
    if owner_institution is None and not owner_person:
        raise DomainError(OWNER_MISSING, field="owner_institution")
    if due_on is None:
        raise DomainError("결정사항의 이행 기한을 입력해 주세요.", field="due_on")
    if due_on < meeting.held_on:
        raise DomainError("이행 기한은 회의일 이후여야 합니다.", field="due_on")
    decision = Decision.objects.create(meeting=meeting, text=text, due_on=due_on,
                                       owner_institution=owner_institution,
                                       owner_person=owner_person[:100])
    record(actor=actor, action="network.decision.created", instance=decision,
           changes=snapshot(decision, ["text", "owner_institution", "owner_person", "due_on"]))
    return decision


@transaction.atomic
def update_decision_status(*, actor, decision: Decision, status: str) -> Decision:
    require_staff(actor)
    if status not in Decision.Status.values:
        raise DomainError("이행 상태를 선택해 주세요.", field="status")
    before = decision.status
    decision.status = status
    decision.done_on = timezone.localdate() if status == Decision.Status.DONE else None
    decision.save(update_fields=["status", "done_on"])
    record(actor=actor, action="network.decision.status_changed", instance=decision,
           changes={"status": [before, status]})
    return decision
