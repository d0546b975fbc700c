"""Staff run programs and their calls: create, edit (optimistic locking), publish, close, copy."""

from django.db import transaction
from django.utils import timezone

from meisterhub.accounts.roles import require_staff
from meisterhub.companies.models import District, OrgType, SizeClass
from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import register_action
from meisterhub.core.locking import bump, check_version

from .. import conf
from ..models import Area, Call, CallStatus, Criterion, Program, RequiredDocument

PROGRAM_FIELDS = ["area", "name", "description", "year"]
CALL_FIELDS = [
    "program", "title", "description", "opens_at", "closes_at", "budget", "selection_count",
    "trim_extremes_min_evaluators", "allowed_org_types", "allowed_size_classes",
    "allowed_ksic_prefixes", "allowed_districts", "min_years_since_founding",
    "max_years_since_founding", "min_employees", "max_employees", "exclude_selected_within_years",
]
# What a call's History diff covers: the version too, which changes_since reads.
TRACKED = [*CALL_FIELDS, "published_at", "closed_early_at", "version"]
CHOICE_RULES = {"allowed_org_types": OrgType, "allowed_size_classes": SizeClass,
                "allowed_districts": District}
COPY_MARK = " (사본)"

register_action("programs.call.created", "공고 등록")
register_action("programs.call.updated", "공고 정보 수정")
register_action("programs.call.published", "공고 게시")
register_action("programs.call.closed", "공고 조기 마감")
register_action("programs.call.copied", "공고 복사")
register_action("programs.program.created", "지원사업 등록")
register_action("programs.program.updated", "지원사업 정보 수정")


def _check_names(values: dict, allowed: list[str]) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")


def _validate_program(program: Program) -> None:
    program.name = (program.name or "").strip()
    if not program.name:
        raise DomainError("사업명을 입력해 주세요.", field="name")
    if program.area not in Area.values:
        raise DomainError("사업 분야를 고르세요.", field="area")
    if not 2000 <= int(program.year or 0) <= 2100:
        raise DomainError(f"사업 연도를 확인해 주세요 (입력: {program.year}).", field="year")


@transaction.atomic
def create_program(*, actor, area: str, name: str, year: int, description: str = "") -> Program:
    require_staff(actor)
    program = Program(area=area, name=name, year=year, description=description.strip())
    _validate_program(program)
    program.save()
    history.record(actor=actor, action="programs.program.created", instance=program,
                   changes={"name": program.name, "year": program.year})
    return program


@transaction.atomic
def update_program(*, actor, program: Program, version: int | None = None, **values) -> Program:
    require_staff(actor)
    _check_names(values, PROGRAM_FIELDS)
    program = Program.objects.select_for_update().get(pk=program.pk)
    check_version(program, version)
    before = history.snapshot(program, [*PROGRAM_FIELDS, "version"])
    for name, value in values.items():
        setattr(program, name, value.strip() if isinstance(value, str) else value)
    _validate_program(program)
    if history.diff(before, history.snapshot(program, [*PROGRAM_FIELDS, "version"])):
        bump(program)
        program.save()
        history.record(actor=actor, action="programs.program.updated", instance=program,
                       changes=history.diff(before, history.snapshot(
                           program, [*PROGRAM_FIELDS, "version"])))
    return program


def _unique(values) -> list:
    return list(dict.fromkeys(values or []))


def _validate_call(call: Call) -> None:
    """Every rule of one call's values, each refusal beside its field."""
    call.title = (call.title or "").strip()
    if not call.title:
        raise DomainError("공고명을 입력해 주세요.", field="title")
    if call.program_id is None:
        raise DomainError("지원사업을 고르세요.", field="program")
    if call.opens_at and call.closes_at and call.closes_at <= call.opens_at:
        raise DomainError("접수 마감은 접수 시작보다 뒤여야 합니다.", field="closes_at")
    if call.is_published and not (call.opens_at and call.closes_at):
        field = "opens_at" if not call.opens_at else "closes_at"
        raise DomainError("게시한 공고는 접수 시작과 마감을 비울 수 없습니다.", field=field)
    if call.budget is None or call.budget < 0:
        raise DomainError("사업 예산은 0원 이상으로 입력해 주세요.", field="budget")
    if not call.selection_count or call.selection_count < 1:
        raise DomainError("선정 기업 수는 1개사 이상이어야 합니다.", field="selection_count")
    for name, choices in CHOICE_RULES.items():
        values = _unique(getattr(call, name))
        wrong = [v for v in values if v not in choices.values]
        if wrong:
            raise DomainError(f"알 수 없는 값이 있습니다: {', '.join(map(str, wrong))}", field=name)
        setattr(call, name, values)
    prefixes = _unique(str(p).strip() for p in call.allowed_ksic_prefixes or [])
    wrong = [p for p in prefixes if not (p.isdigit() and 1 <= len(p) <= 5)]
    if wrong:
        raise DomainError(f"업종 코드는 KSIC 숫자 1~5자리로 입력해 주세요 (잘못된 값: {', '.join(wrong)}).",
                          field="allowed_ksic_prefixes")
    call.allowed_ksic_prefixes = [p for p in prefixes if p]
    for low, high, what in (("min_employees", "max_employees", "상시 근로자 수"),
                            ("min_years_since_founding", "max_years_since_founding", "설립 연수")):
        low_value, high_value = getattr(call, low), getattr(call, high)
        if low_value is not None and high_value is not None and low_value > high_value:
            raise DomainError(f"{what}의 최대값은 최소값보다 작을 수 없습니다.", field=high)


@transaction.atomic
def create_call(*, actor, **values) -> Call:
    """A new call starts as a draft: nobody outside the staff sees it until it is published."""
    require_staff(actor)
    _check_names(values, CALL_FIELDS)
    if values.get("trim_extremes_min_evaluators") is None:
        values["trim_extremes_min_evaluators"] = conf.TRIM_EXTREMES_MIN_EVALUATORS
    call = Call(published_at=None, **values)
    _validate_call(call)
    call.save()
    history.record(actor=actor, action="programs.call.created", instance=call,
                   changes={"title": call.title, "program": call.program_id})
    return call


def _lock(call: Call) -> Call:
    return Call.objects.select_for_update().select_related("program").get(pk=call.pk)


def _readable(changes: dict) -> dict:
    """Rule lists are kept as codes; their History shows the Korean labels."""
    for name, choices in CHOICE_RULES.items():
        if name in changes:
            labels = dict(choices.choices)
            changes[name] = [[str(labels.get(v, v)) for v in side or []] for side in changes[name]]
    return changes


def _save_tracked(call: Call, before: dict, *, actor, action: str) -> Call:
    bump(call)
    call.save()
    history.record(actor=actor, action=action, instance=call,
                   changes=_readable(history.diff(before, history.snapshot(call, TRACKED))))
    return call


@transaction.atomic
def update_call(*, actor, call: Call, version: int | None = None, **values) -> Call:
    """Change the given fields; a save based on an older version is refused with what changed."""
    require_staff(actor)
    _check_names(values, CALL_FIELDS)
    call = _lock(call)
    check_version(call, version)
    if call.selected_at:
        raise DomainError("선정을 확정한 공고는 고칠 수 없습니다.")
    before = history.snapshot(call, TRACKED)
    for name, value in values.items():
        setattr(call, name, value)
    _validate_call(call)
    if not history.diff(before, history.snapshot(call, TRACKED)):
        return call
    return _save_tracked(call, before, actor=actor, action="programs.call.updated")


@transaction.atomic
def publish_call(*, actor, call: Call, version: int | None = None, now=None) -> Call:
    require_staff(actor)
    call = _lock(call)
    check_version(call, version)
    now = now or timezone.now()
    if call.is_published:
        raise DomainError("이미 게시한 공고입니다.")
    if not (call.opens_at and call.closes_at):
        raise DomainError("접수 시작과 접수 마감을 입력해야 게시할 수 있습니다.",
                          field="opens_at" if not call.opens_at else "closes_at")
    if call.closes_at <= now:
        raise DomainError("접수 마감이 이미 지났습니다. 접수 마감을 고친 뒤 게시하세요.",
                          field="closes_at")
    weights = list(call.criteria.values_list("weight", flat=True))
    if weights and sum(weights) != 100:
        raise DomainError(f"평가 항목 가중치의 합이 100이어야 게시할 수 있습니다 (지금 합계: {sum(weights)}).",
                          field="criteria")
    before = history.snapshot(call, TRACKED)
    call.published_at = now
    return _save_tracked(call, before, actor=actor, action="programs.call.published")


@transaction.atomic
def close_call(*, actor, call: Call, version: int | None = None, now=None) -> Call:
    """Close now, before the deadline: closes_at becomes now, so every date check agrees."""
    require_staff(actor)
    call = _lock(call)
    check_version(call, version)
    now = now or timezone.now()
    if not call.is_published or call.status_at(now) != CallStatus.OPEN:
        raise DomainError("접수 중인 공고만 마감할 수 있습니다.")
    before = history.snapshot(call, TRACKED)
    call.closes_at = now
    call.closed_early_at = now
    return _save_tracked(call, before, actor=actor, action="programs.call.closed")


@transaction.atomic
def copy_call(*, actor, call: Call) -> Call:
    """A new draft with the same rules, documents, criteria and pool; the dates are left empty."""
    require_staff(actor)
    source = Call.objects.select_related("program").get(pk=call.pk)
    kept = [f for f in CALL_FIELDS if f not in {"opens_at", "closes_at", "title"}]
    copy = Call(published_at=None, opens_at=None, closes_at=None,
                title=(source.title[: 200 - len(COPY_MARK)] + COPY_MARK),
                **{name: getattr(source, name) for name in kept})
    copy.save()
    RequiredDocument.objects.bulk_create(
        RequiredDocument(call=copy, name=d.name, accepted_kinds=list(d.accepted_kinds),
                         is_required=d.is_required, order=d.order)
        for d in source.required_documents.all())
    Criterion.objects.bulk_create(
        Criterion(call=copy, name=c.name, weight=c.weight, max_score=c.max_score, order=c.order)
        for c in source.criteria.all())
    copy.evaluators.set(source.evaluators.all())
    history.record(actor=actor, action="programs.call.copied", instance=copy,
                   changes={"title": [source.title, copy.title]})
    return copy
