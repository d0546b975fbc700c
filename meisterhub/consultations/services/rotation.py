"""Rotation blocks and leave, changed by staff for any meister or by a meister for themself.

A change that would take away time already booked is refused with the bookings it hits, unless
the person asked to apply it anyway: then those bookings move to 변경 필요 (which holds no
slot) in the same transaction, and each company is told.
"""

from dataclasses import dataclass, field
from datetime import date, time

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from meisterhub.accounts.roles import is_staff
from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.meisters.models import Meister

from ..models import Booking, BookingStatus, Channel, MeisterLeave, RotationBlock
from ..notices import needs_change_notice
from ..permissions import is_own_meister
from ..slots import RotationCalendar, aware
from .rotation_rules import BLOCK_FIELDS, check_block, check_overlap, normalise

OPEN_STATUSES = (BookingStatus.REQUESTED, BookingStatus.CONFIRMED)


class BookingsAffected(DomainError):
    """The change would remove booked time; `bookings` lists them (date, time, company)."""

    def __init__(self, bookings: list[Booking]):
        super().__init__(
            f"이 변경으로 예약된 상담 {len(bookings)}건의 시간이 없어집니다. "
            "그래도 적용하려면 ‘예약을 변경 필요로 두고 적용’을 선택하세요.",
            code="conflict",
        )
        self.bookings = bookings


@dataclass
class RotationResult:
    instance: object
    needs_change: list[Booking] = field(default_factory=list)


def _require_manager(actor, meister: Meister) -> None:
    # actor=None is the system (seeding, imports).
    if actor is None:
        return
    staff = is_staff(actor)
    if not (staff or is_own_meister(actor, meister.pk)):
        raise DomainError("운영자나 본인만 상담 일정을 바꿀 수 있습니다.", code="forbidden")


def _lock_meister(meister: Meister) -> Meister:
    # Serialises concurrent changes of one meister's rotation (the overlap check below).
    return Meister.objects.select_for_update().get(pk=meister.pk)


def _snap(instance) -> dict:
    return {
        k: f"{v:%H:%M}" if isinstance(v, time) else v for k, v in history.snapshot(instance).items()
    }


# --- bookings that lose their time -----------------------------------------------------------


def _open_bookings(meister: Meister) -> list[Booking]:
    """Future bookings that hold time, and proposals whose offered time is still ahead."""
    now = timezone.now()
    return list(
        Booking.objects.select_for_update(of=("self",))
        .filter(meister=meister, channel=Channel.RESERVATION)
        .filter(
            Q(status__in=OPEN_STATUSES, starts_at__gt=now)
            | Q(status=BookingStatus.PROPOSED, proposed_starts_at__gt=now)
        )
        # needs_change_notice reads the meister, its account and the requester of each one.
        .select_related("company", "meister__user", "request__requester")
        .order_by("starts_at")
    )


def _time_of(booking: Booking):
    """The time a booking needs from the rotation: the offered one while it is a proposal."""
    if booking.status == BookingStatus.PROPOSED and booking.proposed_starts_at:
        return booking.proposed_starts_at, booking.proposed_ends_at
    return booking.starts_at, booking.ends_at


def _covered(bookings: list[Booking], meister_id: int) -> set[int]:
    """Pks of the bookings whose time lies inside one of that day's sittings."""
    if not bookings:
        return set()
    days = [timezone.localdate(_time_of(b)[0]) for b in bookings]
    calendar = RotationCalendar([meister_id], min(days), max(days))
    covered = set()
    for booking, day in zip(bookings, days, strict=True):
        starts, ends = _time_of(booking)
        for sitting in calendar.sittings(meister_id, day):
            if aware(day, sitting.start) <= starts and ends <= aware(day, sitting.end):
                covered.add(booking.pk)
                break
    return covered


def _apply_or_refuse(
    actor, meister: Meister, bookings, before: set[int], apply: bool, reason: str
) -> list[Booking]:
    """After the change is written: refuse it, or move the bookings that lost their time."""
    after = _covered(bookings, meister.pk)
    lost = [b for b in bookings if b.pk in before and b.pk not in after]
    if not lost:
        return []
    if not apply:
        raise BookingsAffected(lost)
    tell_meister = not is_own_meister(actor, meister.pk)
    for booking in lost:
        status = booking.status
        booking.status = BookingStatus.NEEDS_CHANGE
        booking.sequence += 1
        booking.decision_reason = reason[:200]
        # A proposal whose offered time is gone is withdrawn with it.
        booking.proposed_starts_at = booking.proposed_ends_at = None
        booking.save(update_fields=["status", "sequence", "decision_reason", "proposed_starts_at",
                                    "proposed_ends_at", "updated_at"])
        history.record(
            actor=actor,
            action="consultations.booking.needs_change",
            instance=booking,
            changes={
                "status": [status, BookingStatus.NEEDS_CHANGE],
                "decision_reason": ["", booking.decision_reason],
            },
        )
        needs_change_notice(booking, tell_meister=tell_meister)
    return lost


# --- services ------------------------------------------------------------------------------


@transaction.atomic
def create_rotation_block(
    *, actor, meister: Meister, apply_to_bookings: bool = False, **values
) -> RotationResult:
    _require_manager(actor, meister)
    meister = _lock_meister(meister)
    data = normalise(values)
    check_block(data)
    block = RotationBlock(meister=meister, **data)
    check_overlap(meister, block)
    block.save()
    history.record(
        actor=actor, action="consultations.rotation.added", instance=block, changes=_snap(block)
    )
    return RotationResult(block)


@transaction.atomic
def update_rotation_block(
    *, actor, block: RotationBlock, apply_to_bookings: bool = False, **values
) -> RotationResult:
    _require_manager(actor, block.meister)
    meister = _lock_meister(block.meister)
    block = RotationBlock.objects.get(pk=block.pk, meister=meister)
    current = {name: getattr(block, name) for name in BLOCK_FIELDS}
    data = normalise({**current, **values})
    check_block(data)
    before = _snap(block)
    bookings = _open_bookings(meister)
    covered = _covered(bookings, meister.pk)
    for name, value in data.items():
        setattr(block, name, value)
    check_overlap(meister, block)
    block.save()
    changes = history.diff(before, _snap(block))
    if changes:
        history.record(
            actor=actor, action="consultations.rotation.updated", instance=block, changes=changes
        )
    moved = _apply_or_refuse(
        actor, meister, bookings, covered, apply_to_bookings, "마이스터 상담 일정 변경"
    )
    return RotationResult(block, moved)


@transaction.atomic
def delete_rotation_block(
    *, actor, block: RotationBlock, apply_to_bookings: bool = False
) -> RotationResult:
    _require_manager(actor, block.meister)
    meister = _lock_meister(block.meister)
    block = RotationBlock.objects.get(pk=block.pk, meister=meister)
    bookings = _open_bookings(meister)
    covered = _covered(bookings, meister.pk)
    history.record(
        actor=actor, action="consultations.rotation.deleted", instance=block, changes=_snap(block)
    )
    block.delete()
    moved = _apply_or_refuse(
        actor, meister, bookings, covered, apply_to_bookings, "마이스터 상담 일정 삭제"
    )
    return RotationResult(None, moved)


@transaction.atomic
def declare_leave(
    *,
    actor,
    meister: Meister,
    starts_on: date,
    ends_on: date,
    reason: str = "",
    apply_to_bookings: bool = False,
) -> RotationResult:
    _require_manager(actor, meister)
    meister = _lock_meister(meister)
    if starts_on is None:
        raise DomainError("시작일을 적어 주세요.", field="starts_on")
    if ends_on is None:
        raise DomainError("종료일을 적어 주세요.", field="ends_on")
    if ends_on < starts_on:
        raise DomainError("종료일이 시작일보다 빠릅니다.", field="ends_on")
    if starts_on < timezone.localdate():
        raise DomainError("지난 날짜로는 휴가를 등록할 수 없습니다.", field="starts_on")
    if (ends_on - starts_on).days > 366:
        raise DomainError("휴가는 한 번에 1년 이내로 등록하세요.", field="ends_on")
    reason = (reason or "").strip()
    if len(reason) > 100:
        raise DomainError("사유는 100자 이내로 적어 주세요.", field="reason")
    clash = MeisterLeave.objects.filter(
        meister=meister, starts_on__lte=ends_on, ends_on__gte=starts_on
    ).first()
    if clash:
        raise DomainError(
            f"이미 등록된 휴가({clash.starts_on}~{clash.ends_on})와 기간이 겹칩니다.",
            field="starts_on",
        )
    bookings = _open_bookings(meister)
    covered = _covered(bookings, meister.pk)
    leave = MeisterLeave.objects.create(
        meister=meister, starts_on=starts_on, ends_on=ends_on, reason=reason
    )
    history.record(
        actor=actor, action="consultations.leave.declared", instance=leave, changes=_snap(leave)
    )
    moved = _apply_or_refuse(actor, meister, bookings, covered, apply_to_bookings, "마이스터 휴가")
    return RotationResult(leave, moved)


@transaction.atomic
def withdraw_leave(*, actor, leave: MeisterLeave) -> RotationResult:
    """Only leave that has not begun; withdrawing gives time back, so no booking is hit."""
    _require_manager(actor, leave.meister)
    meister = _lock_meister(leave.meister)
    leave = MeisterLeave.objects.get(pk=leave.pk, meister=meister)
    if leave.starts_on <= timezone.localdate():
        raise DomainError("이미 시작했거나 지난 휴가는 철회할 수 없습니다.")
    history.record(
        actor=actor, action="consultations.leave.withdrawn", instance=leave, changes=_snap(leave)
    )
    leave.delete()
    return RotationResult(None)
