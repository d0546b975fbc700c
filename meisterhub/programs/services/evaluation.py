"""Conflicts of interest, assigning evaluators and scoring."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from meisterhub.accounts.models import Role
from meisterhub.accounts.roles import require_staff
from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.core.numbers import decimal_number

from ..models import Application, ApplicationStatus, Assignment, ConflictDeclaration, Score
from ..permissions import is_evaluator

TWO_PLACES = Decimal("0.01")


@transaction.atomic
def declare_conflict(*, actor, company, reason: str) -> ConflictDeclaration:
    """An evaluator declares a tie; unsubmitted assignments to that company are withdrawn."""
    if not is_evaluator(actor):
        raise DomainError("평가위원만 이해충돌을 신고할 수 있습니다.", code="forbidden")
    if not reason.strip():
        raise DomainError("이해충돌 사유를 입력해 주세요.", field="reason")
    declaration, created = ConflictDeclaration.objects.get_or_create(
        evaluator=actor, company=company, defaults={"reason": reason.strip()})
    if not created:
        raise DomainError(f"{company.name}에 대한 이해충돌은 이미 신고했습니다.")
    recused = Assignment.objects.filter(evaluator=actor, application__company=company,
                                        submitted_at__isnull=True)
    recused_ids = list(recused.values_list("application_id", flat=True))
    recused.delete()
    history.record(actor=actor, action="programs.conflict.declared", instance=declaration,
                   changes={"reason": [None, declaration.reason],
                            "recused_applications": recused_ids})
    return declaration


@transaction.atomic
def assign_evaluator(*, actor, application: Application, evaluator) -> Assignment:
    require_staff(actor, "운영자만 평가위원을 배정할 수 있습니다.")
    if evaluator.role != Role.EVALUATOR:
        raise DomainError(f"{evaluator.full_name}님은 평가위원이 아닙니다.", field="evaluator")
    if application.status != ApplicationStatus.EVALUATION:
        raise DomainError("평가 단계의 신청에만 평가위원을 배정할 수 있습니다.")
    pool = application.call.evaluators
    if pool.exists() and not pool.filter(pk=evaluator.pk).exists():
        raise DomainError(f"{evaluator.full_name} 평가위원은 이 공고의 평가위원 풀에 없습니다.",
                          field="evaluator")
    conflict = ConflictDeclaration.objects.filter(evaluator=evaluator,
                                                  company_id=application.company_id).first()
    if conflict:
        raise DomainError(
            f"{evaluator.full_name} 평가위원은 {application.company.name}와(과) 이해충돌을 "
            f"신고했으므로 이 신청에 배정할 수 없습니다 (사유: {conflict.reason}).",
            field="evaluator", code="conflict")
    assignment, created = Assignment.objects.get_or_create(
        application=application, evaluator=evaluator, defaults={"assigned_by": actor})
    if not created:
        raise DomainError(f"{evaluator.full_name} 평가위원은 이미 이 신청에 배정되어 있습니다.",
                          field="evaluator")
    history.record(actor=actor, action="programs.assignment.created", instance=assignment,
                   changes={"evaluator": [None, evaluator.username]})
    return assignment


def _parse(value, criterion) -> Decimal:
    return decimal_number(
        value, label=f"'{criterion.name}' 점수", field=f"criterion_{criterion.pk}",
        minimum=0, maximum=criterion.max_score, places="0.01", unit="점",
    )


def weighted_total(values: dict, criteria) -> Decimal:
    """Sum of value/max × weight, scaled so that full marks on every criterion make 100."""
    weights = sum(c.weight for c in criteria) or 1
    raw = sum(Decimal(values[c.pk]) / c.max_score * c.weight for c in criteria)
    return (raw * 100 / weights).quantize(TWO_PLACES)


@transaction.atomic
def save_scores(*, actor, assignment: Assignment, scores: dict, comment: str = "",
                submit: bool = False) -> Assignment:
    """Save an evaluator's scores; with submit=True every criterion is needed and they lock."""
    if assignment.evaluator_id != getattr(actor, "pk", None):
        raise DomainError("배정되지 않은 신청은 평가할 수 없습니다.", code="forbidden")
    Assignment.objects.select_for_update().filter(pk=assignment.pk).exists()
    assignment.refresh_from_db()
    if assignment.submitted_at:
        raise DomainError("제출한 평가는 고칠 수 없습니다.")
    if assignment.application.status != ApplicationStatus.EVALUATION:
        raise DomainError("평가 중인 신청만 채점할 수 있습니다.")
    criteria = list(assignment.application.call.criteria.all())
    by_id = {c.pk: c for c in criteria}
    parsed = {}
    for key, value in scores.items():
        if value in (None, ""):
            continue
        criterion = by_id.get(int(key))
        if criterion is None:
            raise DomainError("이 공고의 평가 항목이 아닙니다.")
        parsed[criterion.pk] = _parse(value, criterion)
    existing = {s.criterion_id: s for s in assignment.scores.all()}
    merged = {cid: s.value for cid, s in existing.items()} | parsed
    if submit:
        missing = [c.name for c in criteria if c.pk not in merged]
        if missing:
            raise DomainError(f"모든 항목을 채점해야 제출할 수 있습니다 (빠진 항목: {', '.join(missing)}).")
    for cid, value in parsed.items():
        if cid in existing:
            existing[cid].value = value
            existing[cid].save(update_fields=["value"])
        else:
            Score.objects.create(assignment=assignment, criterion_id=cid, value=value)
    assignment.comment = comment.strip()
    fields = ["comment"]
    if submit:
        assignment.submitted_at = timezone.now()
        assignment.total = weighted_total(merged, criteria)
        fields += ["submitted_at", "total"]
    assignment.save(update_fields=fields)
    history.record(actor=actor, instance=assignment,
                   action="programs.assignment.submitted" if submit else "programs.assignment.saved",
                   changes={"scores": {by_id[cid].name: str(v) for cid, v in parsed.items()},
                            **({"total": [None, str(assignment.total)]} if submit else {})})
    return assignment
