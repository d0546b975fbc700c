"""The consultation record, on-site difficulty engagements and the satisfaction survey."""

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from meisterhub.accounts.roles import is_staff
from meisterhub.companies.selectors import acting_company_ids
from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.core.numbers import decimal_number
from meisterhub.matching.learning import remember_routing

from .. import conf
from ..models import (
    Booking,
    BookingStatus,
    ConsultationRecord,
    FollowUp,
    OnsiteEngagement,
    OnsiteVisit,
    SatisfactionSurvey,
)
from ..permissions import is_own_meister

RECORD_FIELDS = ["diagnosis", "advice", "follow_up", "hours"]


def _hours(value) -> Decimal:
    return decimal_number(value, label="상담 시간(시간)", field="hours", minimum="0.1",
                          maximum=12, places="0.1")


@transaction.atomic
def write_record(
    *,
    actor,
    booking: Booking,
    diagnosis: str,
    advice: str,
    follow_up: str,
    hours,
    escalate: bool = False,
) -> ConsultationRecord:
    """The meister of the consultation writes (or corrects) its record; it completes it."""
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if not is_own_meister(actor, booking.meister_id):
        raise DomainError("본인이 맡은 상담에만 상담일지를 쓸 수 있습니다.", code="forbidden")
    if booking.status not in (BookingStatus.CONFIRMED, BookingStatus.COMPLETED):
        raise DomainError(
            f"‘{booking.get_status_display()}’ 상태의 상담에는 상담일지를 쓸 수 없습니다."
        )
    if booking.starts_at > timezone.now():
        raise DomainError("상담이 시작된 뒤에 상담일지를 쓸 수 있습니다.")
    if not (diagnosis or "").strip() or not (advice or "").strip():
        raise DomainError("진단과 자문 내용을 모두 적어 주세요.", field="diagnosis")
    if follow_up not in FollowUp.values:
        raise DomainError("후속 조치를 목록에서 고르세요.", field="follow_up")
    values = {
        "diagnosis": diagnosis.strip(),
        "advice": advice.strip(),
        "follow_up": follow_up,
        "hours": _hours(hours),
    }
    record = ConsultationRecord.objects.filter(booking=booking).first()
    before = history.snapshot(record, RECORD_FIELDS) if record else {}
    if record is None:
        record = ConsultationRecord(booking=booking, written_by=actor)
    for name, value in values.items():
        setattr(record, name, value)
    record.save()
    history.record(
        actor=actor,
        action="consultations.record.written",
        instance=record,
        changes=history.diff(before, history.snapshot(record, RECORD_FIELDS)),
    )
    if booking.status == BookingStatus.CONFIRMED:
        booking.status = BookingStatus.COMPLETED
        booking.save(update_fields=["status", "updated_at"])
        history.record(
            actor=actor,
            action="consultations.booking.completed",
            instance=booking,
            changes={"status": [BookingStatus.CONFIRMED, BookingStatus.COMPLETED]},
        )
        remember_routing(  # a completed consultation confirms its field and meister
            source="consultation", source_id=booking.pk, text=booking.problem,
            field_code=booking.field_id, meister_id=booking.meister_id, actor_id=actor.pk,
        )
    if escalate and not record.onsite_engagements.exists():
        open_onsite_engagement(actor=actor, record=record)
    return record


@transaction.atomic
def open_onsite_engagement(
    *, actor, record: ConsultationRecord, visit_quota: int | None = None, meister=None
) -> OnsiteEngagement:
    """Escalate a problem one sitting could not solve to 현장애로 지원."""
    booking = record.booking
    staff = is_staff(actor)
    if not (staff or is_own_meister(actor, booking.meister_id)):
        raise DomainError(
            "운영자나 담당 마이스터만 현장애로 지원을 열 수 있습니다.", code="forbidden"
        )
    if booking.company_id is None:
        raise DomainError("기업이 없는 상담은 현장애로 지원으로 넘길 수 없습니다.")
    quota = visit_quota or conf.onsite_visit_quota()
    if not 1 <= quota <= 20:
        raise DomainError("현장 방문 횟수는 1회에서 20회 사이로 정하세요.", field="visit_quota")
    engagement = OnsiteEngagement.objects.create(
        company_id=booking.company_id,
        meister=meister or booking.meister,
        origin_record=record,
        problem=booking.problem,
        visit_quota=quota,
        created_by=actor,
    )
    history.record(
        actor=actor,
        action="consultations.onsite.opened",
        instance=engagement,
        changes={"visit_quota": [None, quota]},
    )
    return engagement


@transaction.atomic
def log_onsite_visit(
    *, actor, engagement: OnsiteEngagement, visited_on: date, report: str
) -> OnsiteVisit:
    engagement = OnsiteEngagement.objects.select_for_update().get(pk=engagement.pk)
    if not is_own_meister(actor, engagement.meister_id):
        raise DomainError("배정된 마이스터만 현장 방문 보고를 쓸 수 있습니다.", code="forbidden")
    if engagement.status != OnsiteEngagement.Status.OPEN:
        raise DomainError("종결된 현장애로 지원에는 방문을 더할 수 없습니다.")
    if engagement.visits.count() >= engagement.visit_quota:
        raise DomainError(f"현장 방문 한도({engagement.visit_quota}회)를 모두 사용했습니다.")
    if visited_on > timezone.localdate():
        raise DomainError("방문 보고는 방문한 뒤에 쓸 수 있습니다.", field="visited_on")
    if not (report or "").strip():
        raise DomainError("방문 보고 내용을 적어 주세요.", field="report")
    visit = OnsiteVisit.objects.create(
        engagement=engagement, visited_on=visited_on, report=report.strip(), written_by=actor
    )
    history.record(
        actor=actor,
        action="consultations.onsite.visited",
        instance=engagement,
        changes={"visits": [engagement.visits.count() - 1, engagement.visits.count()]},
    )
    return visit


@transaction.atomic
def close_onsite_engagement(
    *, actor, engagement: OnsiteEngagement, result: str
) -> OnsiteEngagement:
    engagement = OnsiteEngagement.objects.select_for_update().get(pk=engagement.pk)
    staff = is_staff(actor)
    if not (staff or is_own_meister(actor, engagement.meister_id)):
        raise DomainError("운영자나 배정된 마이스터만 종결할 수 있습니다.", code="forbidden")
    if engagement.status == OnsiteEngagement.Status.CLOSED:
        raise DomainError("이미 종결된 현장애로 지원입니다.")
    if not (result or "").strip():
        raise DomainError("종결 결과를 적어 주세요.", field="result")
    engagement.status = OnsiteEngagement.Status.CLOSED
    engagement.result = result.strip()
    engagement.closed_at = timezone.now()
    engagement.save(update_fields=["status", "result", "closed_at"])
    history.record(
        actor=actor,
        action="consultations.onsite.closed",
        instance=engagement,
        changes={"status": ["open", "closed"]},
    )
    return engagement


@transaction.atomic
def answer_survey(*, actor, booking: Booking, score, comment: str = "") -> SatisfactionSurvey:
    if booking.company_id is None or booking.company_id not in acting_company_ids(actor):
        raise DomainError(
            "상담을 받은 기업의 회원만 만족도 조사에 답할 수 있습니다.", code="forbidden"
        )
    if booking.status != BookingStatus.COMPLETED:
        raise DomainError("완료된 상담에만 만족도 조사에 답할 수 있습니다.")
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise DomainError("만족도는 1점에서 5점 사이로 골라 주세요.", field="score")
    try:
        with transaction.atomic():
            survey = SatisfactionSurvey.objects.create(
                booking=booking, score=score, comment=(comment or "").strip(), respondent=actor
            )
    except IntegrityError:
        raise DomainError("이미 답한 만족도 조사입니다.", code="conflict") from None
    history.record(
        actor=actor,
        action="consultations.survey.answered",
        instance=survey,
        changes={"score": [None, score]},
    )
    return survey
