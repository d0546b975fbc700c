"""Staff setting up a contest: the submission window, the rubric, and judges coming off it.

Judges are assigned with contest_services.assign_judge (its conflict rules live there).
"""

from datetime import datetime

from django.db import transaction

from meisterhub.accounts.roles import require_staff
from meisterhub.core.errors import DomainError
from meisterhub.core.history import diff, record
from meisterhub.core.history_text import register_action
from meisterhub.core.locking import bump, check_version

from .models import Contest, ContestJudge, Score
from .snapshots import local_snapshot

# The rubric is not a column of the contest: its History entry keeps it as one text.
RUBRIC_KEY = "심사 기준"
WEIGHT_TOTAL = 100
WINDOW_FIELDS = ["submission_opens_at", "submission_deadline", "version"]

register_action("events.contest.judge_removed", "공모전 심사위원 배정 해제")
register_action("events.contest.deleted", "공모전 설정 삭제")


SETUP_REFUSAL = "운영자만 공모전을 설정할 수 있습니다."


def rubric_text(rows) -> str:
    return ", ".join(f"{r['name']} {r['weight']}%·{r['max_score']}점" for r in rows)


def rubric_rows(contest: Contest) -> list[dict]:
    return [{"name": c.name, "weight": c.weight, "max_score": c.max_score}
            for c in contest.criteria.all()]


def _clean_rubric(criteria: list[dict]) -> list[dict]:
    rows = []
    for item in criteria:
        name = (item.get("name") or "").strip()
        weight, max_score = item.get("weight"), item.get("max_score") or 10
        if not name and not weight:
            continue  # an empty row of the form
        if not name:
            raise DomainError("심사 기준의 이름을 입력해 주세요.", field="criteria")
        if len(name) > 60:
            raise DomainError("심사 기준 이름은 60자 이내로 입력해 주세요.", field="criteria")
        if not isinstance(weight, int) or not 1 <= weight <= 100:
            raise DomainError(f"'{name}'의 가중치는 1~100 사이여야 합니다.", field="criteria")
        if not isinstance(max_score, int) or not 1 <= max_score <= 100:
            raise DomainError(f"'{name}'의 만점은 1~100점이어야 합니다.", field="criteria")
        rows.append({"name": name, "weight": weight, "max_score": max_score})
    if not rows:
        raise DomainError("심사 기준을 하나 이상 입력해 주세요.", field="criteria")
    names = [r["name"] for r in rows]
    if len(set(names)) != len(names):
        raise DomainError("같은 이름의 심사 기준이 두 번 있습니다.", field="criteria")
    refusal = weight_refusal([r["weight"] for r in rows])
    if refusal:
        raise DomainError(refusal, field="criteria")
    return rows


def weight_refusal(weights: list[int]) -> str | None:
    """The rubric's weights are percentages of the total score: together exactly 100."""
    if not weights:
        return "심사 기준을 하나 이상 정해 주세요."
    if sum(weights) != WEIGHT_TOTAL:
        return f"심사 기준 가중치의 합계가 {WEIGHT_TOTAL}이 되어야 합니다 (현재 {sum(weights)})."
    return None


def update_contest(*, actor, contest: Contest, submission_opens_at: datetime | None,
                   submission_deadline: datetime, criteria: list[dict],
                   expected_version: int | None = None) -> Contest:
    """Set the submission window and replace the rubric (weights adding up to 100).

    The rubric is fixed once a judge has scored: changing it would void their marks.
    """
    require_staff(actor, SETUP_REFUSAL)
    if submission_deadline is None:
        raise DomainError("접수 마감을 입력해 주세요.", field="submission_deadline")
    for name, value in (("submission_opens_at", submission_opens_at),
                        ("submission_deadline", submission_deadline)):
        if value is not None and not 2000 <= value.year <= 2100:
            raise DomainError("일시를 다시 확인해 주세요 (2000~2100년).", field=name)
    if submission_opens_at and submission_deadline <= submission_opens_at:
        raise DomainError("접수 마감은 접수 시작보다 뒤여야 합니다.", field="submission_deadline")
    rows = _clean_rubric(criteria)
    with transaction.atomic():
        locked = Contest.objects.select_for_update().get(pk=contest.pk)
        check_version(locked, expected_version)
        if locked.is_published:
            raise DomainError("순위를 발표한 공모전은 설정을 바꿀 수 없습니다.")
        old_rows = rubric_rows(locked)
        rubric_changed = old_rows != rows
        if rubric_changed and Score.objects.filter(submission__contest=locked).exists():
            raise DomainError("채점이 시작된 뒤에는 심사 기준을 바꿀 수 없습니다.", field="criteria")
        before = local_snapshot(locked, WINDOW_FIELDS)
        locked.submission_opens_at = submission_opens_at
        locked.submission_deadline = submission_deadline
        bump(locked)
        locked.save()
        if rubric_changed:
            locked.criteria.all().delete()
            for order, row in enumerate(rows, start=1):
                locked.criteria.create(order=order, **row)
        changes = diff(before, local_snapshot(locked, WINDOW_FIELDS))
        if rubric_changed:
            changes[RUBRIC_KEY] = [rubric_text(old_rows), rubric_text(rows)]
        record(actor=actor, action="events.contest.updated", instance=locked, changes=changes)
    contest.refresh_from_db()
    return contest


def remove_judge(*, actor, contest: Contest, judge) -> None:
    require_staff(actor, SETUP_REFUSAL)
    with transaction.atomic():
        assignment = ContestJudge.objects.select_for_update().filter(
            contest=contest, judge=judge).first()
        if assignment is None:
            raise DomainError("배정된 심사위원이 아닙니다.", code="not_found")
        if contest.is_published:
            raise DomainError("순위를 발표한 공모전의 심사위원은 바꿀 수 없습니다.")
        if Score.objects.filter(submission__contest=contest, judge=judge).exists():
            raise DomainError("이미 채점한 심사위원은 배정을 해제할 수 없습니다.")
        assignment.delete()
        record(actor=actor, action="events.contest.judge_removed", instance=contest,
               changes={"judges": [str(judge), None]})
