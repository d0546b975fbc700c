"""Staff open engagements, the mentor writes sessions and moves goals."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from meisterhub.accounts.roles import is_staff
from meisterhub.companies.models import OrgType
from meisterhub.consultations.permissions import is_own_meister
from meisterhub.core import history
from meisterhub.core.errors import DomainError

from .models import MentoringEngagement, MentoringGoal, MentoringSession

STARTUP_TYPES = {OrgType.STARTUP, OrgType.PRE_FOUNDER}


@transaction.atomic
def create_engagement(
    *, actor, company, mentor, starts_on: date, ends_on: date, goals: list[str]
) -> MentoringEngagement:
    if actor is not None and not is_staff(actor):
        raise DomainError("운영자만 멘토링을 만들 수 있습니다.", code="forbidden")
    if company.org_type not in STARTUP_TYPES:
        raise DomainError(
            "창업기업(스타트업·예비창업자)만 멘토링을 받을 수 있습니다.", field="company"
        )
    if not mentor.is_active:
        raise DomainError("활동 중인 마이스터만 멘토로 정할 수 있습니다.", field="mentor")
    if ends_on < starts_on:
        raise DomainError("종료일이 시작일보다 빠릅니다.", field="ends_on")
    titles = [t.strip() for t in goals if t and t.strip()]
    if not titles:
        raise DomainError("목표를 한 줄에 하나씩 적어 주세요.", field="goals")
    if len(titles) > 10:
        raise DomainError("목표는 10개까지 적을 수 있습니다.", field="goals")
    engagement = MentoringEngagement.objects.create(
        company=company, mentor=mentor, starts_on=starts_on, ends_on=ends_on, created_by=actor
    )
    MentoringGoal.objects.bulk_create(
        MentoringGoal(engagement=engagement, title=title[:200], order=i)
        for i, title in enumerate(titles, start=1)
    )
    history.record(
        actor=actor,
        action="mentoring.engagement.created",
        instance=engagement,
        changes={"goals": [None, titles]},
    )
    return engagement


@transaction.atomic
def write_session(
    *, actor, engagement: MentoringEngagement, held_on: date, notes: str, next_steps: str = ""
) -> MentoringSession:
    if not is_own_meister(actor, engagement.mentor_id):
        raise DomainError("담당 멘토만 멘토링 기록을 쓸 수 있습니다.", code="forbidden")
    if engagement.status != MentoringEngagement.Status.ACTIVE:
        raise DomainError("종료된 멘토링에는 기록을 더할 수 없습니다.")
    if held_on > timezone.localdate():
        raise DomainError("멘토링을 한 뒤에 기록할 수 있습니다.", field="held_on")
    if not engagement.starts_on <= held_on <= engagement.ends_on:
        raise DomainError("멘토링 기간 안의 날짜를 적어 주세요.", field="held_on")
    if not (notes or "").strip():
        raise DomainError("멘토링 내용을 적어 주세요.", field="notes")
    session = MentoringSession.objects.create(
        engagement=engagement,
        held_on=held_on,
        notes=notes.strip(),
        next_steps=(next_steps or "").strip(),
        written_by=actor,
    )
    history.record(
        actor=actor,
        action="mentoring.session.written",
        instance=session,
        changes={"held_on": [None, str(held_on)]},
    )
    return session


@transaction.atomic
def set_goal_status(*, actor, goal: MentoringGoal, status: str) -> MentoringGoal:
    engagement = goal.engagement
    if not (is_staff(actor) or is_own_meister(actor, engagement.mentor_id)):
        raise DomainError("운영자나 담당 멘토만 목표 상태를 바꿀 수 있습니다.", code="forbidden")
    if status not in MentoringGoal.Status.values:
        raise DomainError("알 수 없는 상태입니다.", field="status")
    before = goal.status
    goal.status = status
    goal.save(update_fields=["status"])
    history.record(
        actor=actor,
        action="mentoring.goal.updated",
        instance=goal,
        changes={"status": [before, status]},
    )
    return goal


@transaction.atomic
def complete_engagement(*, actor, engagement: MentoringEngagement) -> MentoringEngagement:
    if not is_staff(actor):
        raise DomainError("운영자만 멘토링을 종료할 수 있습니다.", code="forbidden")
    if engagement.status == MentoringEngagement.Status.COMPLETED:
        raise DomainError("이미 종료된 멘토링입니다.")
    engagement.status = MentoringEngagement.Status.COMPLETED
    engagement.save(update_fields=["status"])
    history.record(
        actor=actor,
        action="mentoring.engagement.completed",
        instance=engagement,
        changes={"status": ["active", "completed"]},
    )
    return engagement
