"""The parts of a call that staff edit beside its form: documents, criteria, evaluator pool.

Each change is recorded on the call itself, so the call's History tells the whole story.
"""

from django.db import transaction

from meisterhub.accounts.models import Role
from meisterhub.accounts.roles import require_staff
from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import register_action

from ..models import Assignment, Call, Criterion, DocumentKind, RequiredDocument, Score

register_action("programs.call.document_added", "제출 서류 추가")
register_action("programs.call.document_removed", "제출 서류 삭제")
register_action("programs.call.criteria_saved", "평가 항목 저장")
register_action("programs.call.evaluator_added", "평가위원 풀 추가")
register_action("programs.call.evaluator_removed", "평가위원 풀 제외")

# History keys that are not model fields read as they are written.
DOCUMENTS, CRITERIA, POOL = "제출 서류", "평가 항목", "evaluators"


def _refuse_if_decided(call: Call) -> None:
    if call.selected_at:
        raise DomainError("선정을 확정한 공고는 고칠 수 없습니다.")


@transaction.atomic
def add_required_document(*, actor, call: Call, name: str, accepted_kinds: list[str],
                          is_required: bool = True, order: int | None = None) -> RequiredDocument:
    require_staff(actor)
    _refuse_if_decided(call)
    name = (name or "").strip()
    if not name:
        raise DomainError("서류명을 입력해 주세요.", field="name")
    kinds = list(dict.fromkeys(accepted_kinds or []))
    if not kinds:
        raise DomainError("허용 형식을 하나 이상 고르세요.", field="accepted_kinds")
    wrong = [k for k in kinds if k not in DocumentKind.values]
    if wrong:
        raise DomainError(f"알 수 없는 형식입니다: {', '.join(wrong)}", field="accepted_kinds")
    if call.required_documents.filter(name=name).exists():
        raise DomainError(f"'{name}' 서류가 이미 있습니다.", field="name")
    if order is None:
        order = (call.required_documents.order_by("-order").values_list("order", flat=True)
                 .first() or 0) + 1
    document = RequiredDocument.objects.create(call=call, name=name, accepted_kinds=kinds,
                                               is_required=is_required, order=order)
    label = f"{name} ({document.kinds_label}{', 필수' if is_required else ''})"
    history.record(actor=actor, action="programs.call.document_added", instance=call,
                   changes={DOCUMENTS: label})
    return document


@transaction.atomic
def remove_required_document(*, actor, document: RequiredDocument) -> None:
    require_staff(actor)
    call = document.call
    _refuse_if_decided(call)
    if document.uploads.exists():
        raise DomainError(f"'{document.name}'은(는) 신청 기업이 이미 파일을 올린 서류라 뺄 수 없습니다.")
    document.delete()
    history.record(actor=actor, action="programs.call.document_removed", instance=call,
                   changes={DOCUMENTS: document.name})


def _criteria_text(rows) -> str:
    return ", ".join(f"{r['name']} {r['weight']}%" for r in rows)


@transaction.atomic
def save_criteria(*, actor, call: Call, rows: list[dict]) -> list[Criterion]:
    """Replace the rubric; the weights must add up to 100, and scoring must not have begun."""
    require_staff(actor)
    _refuse_if_decided(call)
    if Score.objects.filter(criterion__call=call).exists():
        raise DomainError("평가위원이 채점을 시작한 공고의 평가 항목은 바꿀 수 없습니다.", field="criteria")
    clean = []
    for number, row in enumerate(rows, start=1):
        name = (row.get("name") or "").strip()
        if not name:
            raise DomainError(f"{number}번째 평가 항목의 이름을 입력해 주세요.", field="criteria")
        try:
            weight, max_score = int(row.get("weight")), int(row.get("max_score") or 10)
        except (TypeError, ValueError):
            raise DomainError(f"'{name}'의 가중치와 만점은 숫자로 입력해 주세요.",
                              field="criteria") from None
        if not 1 <= weight <= 100:
            raise DomainError(f"'{name}'의 가중치는 1에서 100 사이여야 합니다.", field="criteria")
        if not 1 <= max_score <= 100:
            raise DomainError(f"'{name}'의 만점은 1에서 100 사이여야 합니다.", field="criteria")
        clean.append({"name": name, "weight": weight, "max_score": max_score})
    if not clean:
        raise DomainError("평가 항목을 하나 이상 입력해 주세요.", field="criteria")
    names = [r["name"] for r in clean]
    if len(set(names)) != len(names):
        raise DomainError("같은 이름의 평가 항목이 두 번 있습니다.", field="criteria")
    total = sum(r["weight"] for r in clean)
    if total != 100:
        raise DomainError(f"평가 항목 가중치의 합이 100이어야 합니다 (지금 합계: {total}).",
                          field="criteria")
    old = list(call.criteria.values("name", "weight"))
    call.criteria.all().delete()
    made = Criterion.objects.bulk_create(
        Criterion(call=call, order=order, **row) for order, row in enumerate(clean))
    if _criteria_text(old) != _criteria_text(clean):
        history.record(actor=actor, action="programs.call.criteria_saved", instance=call,
                       changes={CRITERIA: [_criteria_text(old), _criteria_text(clean)]})
    return made


def _pool_names(call: Call) -> list[str]:
    return [u.full_name or u.username for u in call.evaluators.order_by("full_name", "pk")]


@transaction.atomic
def add_pool_evaluator(*, actor, call: Call, evaluator) -> None:
    require_staff(actor)
    _refuse_if_decided(call)
    if evaluator.role != Role.EVALUATOR or not evaluator.is_active:
        raise DomainError(f"{evaluator.full_name}님은 평가위원이 아닙니다.", field="evaluator")
    if call.evaluators.filter(pk=evaluator.pk).exists():
        raise DomainError(f"{evaluator.full_name} 평가위원은 이미 풀에 있습니다.", field="evaluator")
    before = _pool_names(call)
    call.evaluators.add(evaluator)
    history.record(actor=actor, action="programs.call.evaluator_added", instance=call,
                   changes={POOL: [before, _pool_names(call)]})


@transaction.atomic
def remove_pool_evaluator(*, actor, call: Call, evaluator) -> None:
    require_staff(actor)
    _refuse_if_decided(call)
    if not call.evaluators.filter(pk=evaluator.pk).exists():
        raise DomainError(f"{evaluator.full_name} 평가위원은 이 공고의 풀에 없습니다.")
    if Assignment.objects.filter(application__call=call, evaluator=evaluator).exists():
        raise DomainError(f"{evaluator.full_name} 평가위원은 이 공고의 신청을 평가하도록 배정되어 있어 "
                          "풀에서 뺄 수 없습니다.")
    before = _pool_names(call)
    call.evaluators.remove(evaluator)
    history.record(actor=actor, action="programs.call.evaluator_removed", instance=call,
                   changes={POOL: [before, _pool_names(call)]})
