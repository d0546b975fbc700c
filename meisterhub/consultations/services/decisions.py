"""A meister's answer to a booking (confirm, decline, propose another time) and the company's
answer to a proposal, or its own move to another slot.

A slot changes hands by updating one row: the old time is released and the new one taken in
the same UPDATE, so the database's unique (SQLite) or exclusion (PostgreSQL) constraint on
active slots decides a race, and a refused move leaves the row as it was.
"""

from datetime import datetime, timedelta

from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone

from meisterhub.accounts.roles import is_staff
from meisterhub.companies.selectors import acting_company_ids
from meisterhub.core import history
from meisterhub.core.db import lost_insert_race
from meisterhub.core.errors import DomainError
from meisterhub.core.locking import StaleEdit, changes_since

from .. import conf
from ..models import Booking, BookingStatus
from ..notices import booking_notice
from ..permissions import is_own_meister
from ..slots import SlotTaken
from ..window import bookable_slot
from .booking import _locked

# What the diff of a decision shows (and what a stale save lists).
TRACKED = [
    "meister",
    "starts_at",
    "ends_at",
    "place",
    "status",
    "proposed_starts_at",
    "proposed_ends_at",
    "decision_reason",
    "cancel_reason",
    "sequence",
]
MOVABLE = (
    BookingStatus.REQUESTED,
    BookingStatus.CONFIRMED,
    BookingStatus.PROPOSED,
    BookingStatus.NEEDS_CHANGE,
)
PROPOSABLE = (BookingStatus.REQUESTED, BookingStatus.NEEDS_CHANGE)
SLOT_TAKEN = "그 사이에 다른 기업이 그 시간을 예약했습니다. 다른 시간을 골라 주세요."


def is_movable(booking: Booking) -> bool:
    """May the company still move this booking to another slot (deadline aside)?"""
    return booking.status in MOVABLE and booking.starts_at > timezone.now()


def is_decidable(booking: Booking) -> bool:
    """Does the booking wait for the meister's answer?"""
    return booking.status in PROPOSABLE and booking.starts_at > timezone.now()


def check_sequence(booking: Booking, expected: int | None) -> None:
    """The iCalendar sequence doubles as the version: every change of time or state bumps it."""
    if expected is None or int(expected) == booking.sequence:
        return
    changes = changes_since(booking, int(expected), field="sequence")
    what = ", ".join(f"{label}({old} → {new})" for label, old, new in changes) or (
        f"상태({booking.get_status_display()})"
    )
    raise StaleEdit(
        f"다른 사용자가 먼저 이 상담을 바꾸었습니다. 바뀐 내용: {what}. "
        "새로 불러온 내용을 확인한 뒤 다시 하세요.",
        changes,
    )


def _require_meister_or_staff(actor, booking: Booking) -> None:
    if not (is_staff(actor) or is_own_meister(actor, booking.meister_id)):
        raise DomainError("담당 마이스터나 운영자만 처리할 수 있습니다.", code="forbidden")


def _require_company(actor, booking: Booking) -> None:
    if not (is_staff(actor) or booking.company_id in acting_company_ids(actor)):
        raise DomainError("이 상담의 기업만 처리할 수 있습니다.", code="forbidden")


def _save(actor, booking: Booking, before: dict, action: str) -> Booking:
    """Save a changed booking (bumping the sequence); a slot someone holds refuses it."""
    booking.sequence += 1
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError:
        raise SlotTaken(SLOT_TAKEN) from None
    except OperationalError as error:
        if not lost_insert_race(error):
            raise
        raise SlotTaken(SLOT_TAKEN) from None
    history.record(
        actor=actor,
        action=action,
        instance=booking,
        changes=history.diff(before, history.snapshot(booking, TRACKED)),
    )
    return booking


def _free_slot(meister_id: int, starts_at: datetime, ends_at: datetime | None = None):
    return bookable_slot(meister_id, starts_at, ends_at, taken_message=SLOT_TAKEN)


@transaction.atomic
def decline_booking(*, actor, booking: Booking, reason: str, sequence: int | None = None):
    booking = _locked(booking)
    _require_meister_or_staff(actor, booking)
    check_sequence(booking, sequence)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("거절 사유를 적어 주세요. 기업에 함께 알립니다.", field="reason")
    if booking.status not in PROPOSABLE:
        raise DomainError(f"‘{booking.get_status_display()}’ 상태의 상담은 거절할 수 없습니다.")
    before = history.snapshot(booking, TRACKED)
    booking.status = BookingStatus.DECLINED
    booking.decision_reason = reason[:200]
    _save(actor, booking, before, "consultations.booking.declined")
    booking_notice(booking, "declined")
    return booking


@transaction.atomic
def propose_booking_time(
    *, actor, booking: Booking, starts_at: datetime, reason: str = "", sequence: int | None = None
) -> Booking:
    """Offer the company another free slot of the same meister; the booked one is released."""
    booking = _locked(booking)
    _require_meister_or_staff(actor, booking)
    check_sequence(booking, sequence)
    if booking.status not in PROPOSABLE:
        raise DomainError(
            f"‘{booking.get_status_display()}’ 상태의 상담에는 다른 시간을 제안할 수 없습니다."
        )
    if starts_at is None:
        raise DomainError("제안할 시간을 고르세요.", field="slot")
    if starts_at == booking.starts_at:
        raise DomainError("지금 예약된 시간과 다른 시간을 고르세요.", field="slot")
    slot = _free_slot(booking.meister_id, starts_at)
    before = history.snapshot(booking, TRACKED)
    booking.status = BookingStatus.PROPOSED
    booking.proposed_starts_at, booking.proposed_ends_at = slot.starts_at, slot.ends_at
    booking.decision_reason = (reason or "").strip()[:200]
    _save(actor, booking, before, "consultations.booking.proposed")
    booking_notice(booking, "proposed")
    return booking


@transaction.atomic
def accept_proposal(*, actor, booking: Booking, sequence: int | None = None) -> Booking:
    """The company takes the proposed time: the booking moves there and is confirmed."""
    booking = _locked(booking)
    _require_company(actor, booking)
    check_sequence(booking, sequence)
    if booking.status != BookingStatus.PROPOSED or booking.proposed_starts_at is None:
        raise DomainError("수락할 시간 제안이 없습니다.")
    slot = _free_slot(booking.meister_id, booking.proposed_starts_at, booking.proposed_ends_at)
    before = history.snapshot(booking, TRACKED)
    booking.starts_at, booking.ends_at, booking.place = slot.starts_at, slot.ends_at, slot.place
    booking.proposed_starts_at = booking.proposed_ends_at = None
    booking.decision_reason = ""  # the reason was for the old time; the history keeps it
    booking.status = BookingStatus.CONFIRMED
    _save(actor, booking, before, "consultations.booking.confirmed")
    booking_notice(booking, "confirmed")
    return booking


@transaction.atomic
def reject_proposal(*, actor, booking: Booking, sequence: int | None = None) -> Booking:
    booking = _locked(booking)
    _require_company(actor, booking)
    check_sequence(booking, sequence)
    if booking.status != BookingStatus.PROPOSED:
        raise DomainError("거절할 시간 제안이 없습니다.")
    before = history.snapshot(booking, TRACKED)
    booking.status = BookingStatus.CANCELLED
    booking.cancel_reason = "제안된 시간을 거절함"
    _save(actor, booking, before, "consultations.booking.cancelled")
    booking_notice(booking, "cancelled")
    return booking


@transaction.atomic
def reschedule_booking(
    *, actor, booking: Booking, starts_at: datetime, sequence: int | None = None
) -> Booking:
    """Move a future booking to another free slot of its meister, in one step."""
    booking = _locked(booking)
    _require_company(actor, booking)
    check_sequence(booking, sequence)
    if booking.status not in MOVABLE:
        raise DomainError(
            f"‘{booking.get_status_display()}’ 상태의 상담은 일정을 바꿀 수 없습니다."
        )
    now = timezone.now()
    if booking.starts_at <= now:
        raise DomainError("이미 시작한 상담은 일정을 바꿀 수 없습니다.")
    hours = conf.cancel_deadline_hours()
    holds_slot = booking.status in (BookingStatus.REQUESTED, BookingStatus.CONFIRMED)
    if holds_slot and not is_staff(actor) and booking.starts_at - timedelta(hours=hours) < now:
        raise DomainError(
            f"상담 시작 {hours}시간 전까지만 일정을 바꿀 수 있습니다. 센터로 연락해 주세요."
        )
    if starts_at is None:
        raise DomainError("바꿀 시간을 고르세요.", field="slot")
    if starts_at == booking.starts_at and holds_slot:
        raise DomainError("지금 예약된 시간과 다른 시간을 고르세요.", field="slot")
    slot = _free_slot(booking.meister_id, starts_at)
    before = history.snapshot(booking, TRACKED)
    booking.starts_at, booking.ends_at, booking.place = slot.starts_at, slot.ends_at, slot.place
    booking.proposed_starts_at = booking.proposed_ends_at = None
    booking.decision_reason = ""  # the reason was for the old time; the history keeps it
    # The meister agreed to the old time, not this one: it waits for them again.
    booking.status = BookingStatus.CONFIRMED if conf.auto_confirm() else BookingStatus.REQUESTED
    _save(actor, booking, before, "consultations.booking.rescheduled")
    booking_notice(booking, "rescheduled")
    return booking
