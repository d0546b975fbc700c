"""Staff writes to the rotation: blocks, leave, one-off changes and center closures."""

from datetime import time

from django.core.exceptions import ValidationError
from django.db import transaction

from meisterhub.accounts.roles import require_staff
from meisterhub.core import history
from meisterhub.core.errors import DomainError

from ..models import Closure, MeisterLeave, RotationBlock, RotationChange


def _require_staff_or_system(actor) -> None:
    # actor=None is the seeding command, which runs as the system.
    if actor is not None:
        require_staff(actor, "운영자만 상담 일정을 바꿀 수 있습니다.")


def _save(actor, instance, action: str):
    _require_staff_or_system(actor)
    try:
        instance.full_clean()
    except ValidationError as error:
        raise DomainError(error.messages[0]) from None
    instance.save()
    values = {
        k: str(v) if isinstance(v, time) else v for k, v in history.snapshot(instance).items()
    }
    history.record(actor=actor, action=action, instance=instance, changes=values)
    return instance


@transaction.atomic
def add_rotation_block(*, actor, meister, **values) -> RotationBlock:
    return _save(actor, RotationBlock(meister=meister, **values), "consultations.rotation.added")


@transaction.atomic
def add_leave(*, actor, meister, starts_on, ends_on, reason: str = "") -> MeisterLeave:
    leave = MeisterLeave(meister=meister, starts_on=starts_on, ends_on=ends_on, reason=reason)
    return _save(actor, leave, "consultations.leave.added")


@transaction.atomic
def add_rotation_change(*, actor, meister, **values) -> RotationChange:
    return _save(actor, RotationChange(meister=meister, **values), "consultations.change.added")


@transaction.atomic
def add_closure(*, actor, starts_on, ends_on, reason: str) -> Closure:
    if actor is None:
        raise DomainError("운영자만 센터 휴무를 등록할 수 있습니다.", code="forbidden")
    if not (reason or "").strip():
        raise DomainError("휴무 사유를 적어 주세요.", field="reason")
    if ends_on < starts_on:
        raise DomainError("종료일이 시작일보다 빠릅니다.", field="ends_on")
    closure = Closure(starts_on=starts_on, ends_on=ends_on, reason=reason.strip(), created_by=actor)
    return _save(actor, closure, "consultations.closure.added")
