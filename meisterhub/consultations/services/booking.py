"""Booking a meister's time, and every change of a booking's state."""

from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone

from meisterhub.accounts.roles import is_staff, require_staff
from meisterhub.companies.selectors import acting_company_ids
from meisterhub.core import history
from meisterhub.core.db import lost_insert_race
from meisterhub.core.errors import DomainError

from .. import conf
from ..attachments import check_attachments
from ..models import (
    Booking,
    BookingStatus,
    Channel,
    ConsultationRequest,
    RequestAttachment,
)
from ..notices import booking_notice
from ..permissions import is_own_meister
from ..slots import RotationCalendar, aware, database_refuses_overlaps
from ..window import bookable_slot, slot_taken


class _SlotLost(Exception):
    """The insert of the booking was refused: someone holds an overlapping time."""


def book_consultation(
    *, actor, company, field, meister, starts_at: datetime, problem: str, attachments=()
) -> Booking:
    """A company member asks for a meister's free slot; the slot is held at once."""
    try:
        return _book(actor=actor, company=company, field=field, meister=meister,
                     starts_at=starts_at, problem=problem, attachments=attachments)
    except _SlotLost:
        # After the rollback: the nearest free slots are read in a transaction that works.
        raise slot_taken(meister.pk, starts_at) from None


@transaction.atomic
def _book(*, actor, company, field, meister, starts_at, problem, attachments) -> Booking:
    companies = acting_company_ids(actor)
    if not companies:
        raise DomainError(
            "소속 기업이 없어 상담을 신청할 수 없습니다. 먼저 기업을 등록하거나 소속 신청을 해 주세요.",
            field="company",
            code="forbidden",
        )
    if company is None or company.pk not in companies:
        raise DomainError(
            "소속된 기업으로만 상담을 신청할 수 있습니다.", field="company", code="forbidden"
        )
    if field is None:
        raise DomainError("상담 분야를 고르세요.", field="field")
    if not (problem or "").strip():
        raise DomainError("기술 애로 내용을 적어 주세요.", field="problem")
    if meister is None or not meister.is_active:
        raise DomainError("상담할 수 없는 마이스터입니다.", field="meister")
    try:
        checked = check_attachments(attachments)
    except ValidationError as error:
        raise DomainError(error.messages[0], field="attachments") from None
    slot = bookable_slot(meister.pk, starts_at, check_taken=not database_refuses_overlaps())
    request = ConsultationRequest.objects.create(
        company=company, requester=actor, field=field, problem=problem.strip()
    )
    status = BookingStatus.CONFIRMED if conf.auto_confirm() else BookingStatus.REQUESTED
    booking = Booking(
        request=request,
        meister=meister,
        company=company,
        field=field,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        place=slot.place,
        status=status,
        created_by=actor,
    )
    try:  # no savepoint: a refused insert ends the whole transaction (book_consultation)
        booking.save()
    except IntegrityError:
        raise _SlotLost from None
    except OperationalError as error:
        if not lost_insert_race(error):
            raise
        raise _SlotLost from None
    for upload, kind in checked:
        RequestAttachment.objects.create(
            request=request,
            file=upload,
            original_name=upload.name[:200],
            content_type=kind,
            size=upload.size,
        )
    history.record(
        actor=actor,
        action="consultations.booking.requested",
        instance=booking,
        changes={"status": [None, status], "starts_at": [None, str(slot.starts_at)]},
    )
    booking_notice(booking, "requested", fresh=True)
    if status == BookingStatus.CONFIRMED:
        booking_notice(booking, "confirmed", fresh=True)
    return booking


def _locked(booking: Booking) -> Booking:
    return Booking.objects.select_for_update().get(pk=booking.pk)


def _set_status(actor, booking: Booking, status: str, action: str, **extra) -> Booking:
    before = booking.status
    booking.status = status
    for name, value in extra.items():
        setattr(booking, name, value)
    booking.save(update_fields=["status", "updated_at", *extra])
    changes = {"status": [before, status]}
    if "sequence" in extra:  # lets a stale decision list what changed since (decisions.py)
        changes["sequence"] = [extra["sequence"] - 1, extra["sequence"]]
    history.record(actor=actor, action=action, instance=booking, changes=changes)
    return booking


@transaction.atomic
def confirm_booking(*, actor, booking: Booking, sequence: int | None = None) -> Booking:
    """Staff, or the booking's own meister, accept the requested time."""
    from .decisions import check_sequence

    booking = _locked(booking)
    staff = is_staff(actor)
    if not (staff or is_own_meister(actor, booking.meister_id)):
        raise DomainError("담당 마이스터나 운영자만 확정할 수 있습니다.", code="forbidden")
    check_sequence(booking, sequence)
    if booking.status != BookingStatus.REQUESTED:
        raise DomainError(f"‘{booking.get_status_display()}’ 상태의 상담은 확정할 수 없습니다.")
    if booking.starts_at <= timezone.now():
        raise DomainError("이미 지난 상담은 확정할 수 없습니다.")
    _set_status(
        actor,
        booking,
        BookingStatus.CONFIRMED,
        "consultations.booking.confirmed",
        sequence=booking.sequence + 1,
    )
    booking_notice(booking, "confirmed")
    return booking


@transaction.atomic
def cancel_booking(*, actor, booking: Booking, reason: str = "") -> Booking:
    booking = _locked(booking)
    staff = is_staff(actor)
    if not staff and booking.company_id not in acting_company_ids(actor):
        raise DomainError("이 상담을 취소할 권한이 없습니다.", code="forbidden")
    if booking.status not in (BookingStatus.REQUESTED, BookingStatus.CONFIRMED):
        raise DomainError(f"‘{booking.get_status_display()}’ 상태의 상담은 취소할 수 없습니다.")
    now = timezone.now()
    if booking.starts_at <= now:
        raise DomainError("이미 시작한 상담은 취소할 수 없습니다.")
    hours = conf.cancel_deadline_hours()
    if not staff and booking.starts_at - timedelta(hours=hours) < now:
        raise DomainError(
            f"상담 시작 {hours}시간 전까지만 취소할 수 있습니다. 센터로 연락해 주세요."
        )
    _set_status(
        actor,
        booking,
        BookingStatus.CANCELLED,
        "consultations.booking.cancelled",
        sequence=booking.sequence + 1,
        cancel_reason=(reason or "")[:200],
    )
    booking_notice(booking, "cancelled")
    return booking


def _close_sitting(actor, booking: Booking, status: str, action: str) -> Booking:
    booking = _locked(booking)
    staff = is_staff(actor)
    if not (staff or is_own_meister(actor, booking.meister_id)):
        raise DomainError("운영자나 담당 마이스터만 처리할 수 있습니다.", code="forbidden")
    if booking.status != BookingStatus.CONFIRMED:
        raise DomainError("확정된 상담만 완료·불참으로 처리할 수 있습니다.")
    if booking.starts_at > timezone.now():
        raise DomainError("상담 시작 전에는 완료·불참으로 처리할 수 없습니다.")
    return _set_status(actor, booking, status, action)


@transaction.atomic
def mark_completed(*, actor, booking: Booking) -> Booking:
    return _close_sitting(
        actor, booking, BookingStatus.COMPLETED, "consultations.booking.completed"
    )


@transaction.atomic
def mark_no_show(*, actor, booking: Booking) -> Booking:
    return _close_sitting(actor, booking, BookingStatus.NO_SHOW, "consultations.booking.no_show")


@transaction.atomic
def log_walk_in(
    *,
    actor,
    meister,
    day: date,
    start_time: time,
    minutes: int,
    field,
    summary: str,
    company=None,
    visitor_name: str = "",
) -> Booking:
    """Staff log advice given to a walk-in visitor by a meister present that day."""
    require_staff(actor)
    if company is None and not (visitor_name or "").strip():
        raise DomainError("기업을 고르거나 방문자 이름을 적어 주세요.", field="visitor_name")
    if not (summary or "").strip():
        raise DomainError("상담 요지를 적어 주세요.", field="summary")
    if not 10 <= int(minutes) <= 240:
        raise DomainError("상담 시간은 10분에서 240분 사이로 적어 주세요.", field="minutes")
    if day > timezone.localdate():
        raise DomainError("현장 상담은 당일이나 지난 날짜로만 기록할 수 있습니다.", field="day")
    sittings = RotationCalendar([meister.pk], day, day).sittings(meister.pk, day)
    if not sittings:
        raise DomainError("그날 센터에 나오는 마이스터가 아닙니다.", field="meister")
    starts_at = aware(day, start_time)
    booking = Booking.objects.create(
        channel=Channel.WALK_IN,
        meister=meister,
        company=company,
        field=field,
        visitor_name=(visitor_name or "").strip(),
        summary=summary.strip(),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=int(minutes)),
        place=sittings[0].place,
        status=BookingStatus.COMPLETED,
        created_by=actor,
    )
    history.record(
        actor=actor,
        action="consultations.walk_in.logged",
        instance=booking,
        changes=history.snapshot(booking, ["meister", "company", "visitor_name"]),
    )
    return booking


def enqueue_reminders(*, today: date | None = None) -> int:
    """Queue the day-before reminder for tomorrow's confirmed bookings, once each."""
    tomorrow = (today or timezone.localdate()) + timedelta(days=1)
    start, end = aware(tomorrow, time.min), aware(tomorrow + timedelta(days=1), time.min)
    count = 0
    due = Booking.objects.filter(
        status=BookingStatus.CONFIRMED,
        starts_at__gte=start,
        starts_at__lt=end,
        reminder_sent_at__isnull=True,
    ).select_related("meister__user", "request__requester", "company")
    for booking in list(due):  # read once with what the notice prints
        with transaction.atomic():
            # The conditional update makes a second run (or a parallel one) a no-op.
            claimed = Booking.objects.filter(pk=booking.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=timezone.now()
            )
            if claimed:
                count += 1
                booking_notice(booking, "reminder")
    return count
