"""Every write in facilities: reservations (single and weekly), cancellation, approval, photos."""

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from meisterhub.accounts.roles import require_staff
from meisterhub.core.errors import DomainError
from meisterhub.core.history import record, snapshot
from meisterhub.core.uploads import validate_image

from . import conf
from .models import WEEKDAY_LABELS, Facility, FacilityPhoto, Reservation
from .notices import reservation_decided
from .permissions import booking_refusal, can_cancel_reservation

CONFLICT_MESSAGE = "이미 예약된 시간과 겹칩니다. 다른 시간을 선택해 주세요."


def _day_label(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local:%Y-%m-%d}({WEEKDAY_LABELS[local.weekday()]})"


def blocked_span(facility: Facility, starts_at: datetime, ends_at: datetime):
    """The room is held from the start until the buffer after the end has passed."""
    return starts_at, ends_at + timedelta(minutes=facility.buffer_minutes)


def check_slot(facility: Facility, starts_at, ends_at, headcount: int, *, now=None) -> None:
    """One-reservation rules: order, future, horizon, one day, opening hours, capacity."""
    now = now or timezone.now()
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise DomainError("예약 시간에 시간대 정보가 없습니다.", field="starts_at")
    if ends_at <= starts_at:
        raise DomainError("종료 시간은 시작 시간보다 늦어야 합니다.", field="ends_at")
    if starts_at < now:
        raise DomainError("지난 시간은 예약할 수 없습니다.", field="starts_at")
    if starts_at > now + timedelta(days=conf.RESERVATION_HORIZON_DAYS):
        raise DomainError(
            f"예약은 {conf.RESERVATION_HORIZON_DAYS}일 이내의 날짜만 할 수 있습니다.",
            field="starts_at",
        )
    if headcount < 1:
        raise DomainError("인원은 1명 이상이어야 합니다.", field="headcount")
    if headcount > facility.capacity:
        raise DomainError(
            f"수용 인원({facility.capacity}명)을 넘었습니다.", field="headcount"
        )
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    hours = facility.hours_on(start.weekday())
    if hours is None:
        raise DomainError(
            f"{_day_label(starts_at)}은 운영하지 않는 날입니다.", field="starts_at"
        )
    opens, closes = time.fromisoformat(hours[0]), time.fromisoformat(hours[1])
    if end.date() != start.date() or start.time() < opens or end.time() > closes:
        raise DomainError(
            f"운영 시간({hours[0]}~{hours[1]}) 안에서만 예약할 수 있습니다.", field="starts_at"
        )


def conflicts(facility: Facility, spans, *, exclude_series=None):
    """Active reservations of the room whose held span meets any of the given spans."""
    found = []
    active = Reservation.objects.filter(facility=facility, status__in=Reservation.ACTIVE)
    if exclude_series:
        active = active.exclude(series_id=exclude_series)
    for blocked_from, blocked_until in spans:
        if active.filter(blocked_from__lt=blocked_until, blocked_until__gt=blocked_from).exists():
            found.append(blocked_from)
    return found


def _initial_status(actor, facility: Facility) -> str:
    if facility.approval_required and not actor.is_operator:
        return Reservation.Status.PENDING
    return Reservation.Status.CONFIRMED


def create_reservation(
    *, actor, facility: Facility, company, starts_at, ends_at, headcount: int, purpose: str
) -> Reservation:
    return create_recurring_reservation(
        actor=actor, facility=facility, company=company, starts_at=starts_at, ends_at=ends_at,
        weeks=1, headcount=headcount, purpose=purpose,
    )[0]


def create_recurring_reservation(
    *, actor, facility: Facility, company, starts_at, ends_at, weeks: int, headcount: int,
    purpose: str,
) -> list[Reservation]:
    """Reserve the same time weekly for `weeks` weeks: every date or none."""
    refusal = booking_refusal(actor, facility, company)
    if refusal:
        raise DomainError(refusal, code="forbidden")
    if not 1 <= weeks <= conf.RESERVATION_MAX_WEEKS:
        raise DomainError(f"반복 횟수는 1~{conf.RESERVATION_MAX_WEEKS}주 사이여야 합니다.",
                          field="weeks")
    purpose = (purpose or "").strip()
    if not purpose:
        raise DomainError("사용 목적을 입력해 주세요.", field="purpose")
    occurrences = [(starts_at + timedelta(weeks=n), ends_at + timedelta(weeks=n))
                   for n in range(weeks)]
    for start, end in occurrences:
        check_slot(facility, start, end, headcount)
    spans = [blocked_span(facility, start, end) for start, end in occurrences]
    series = Reservation.new_series_id() if weeks > 1 else None
    try:
        with transaction.atomic():
            # One writer per room at a time: concurrent inserts meeting the exclusion
            # constraint could otherwise deadlock one another on PostgreSQL.
            Facility.objects.select_for_update().only("pk").get(pk=facility.pk)
            clashing = conflicts(facility, spans)
            if clashing:
                dates = ", ".join(_day_label(moment) for moment in clashing)
                raise DomainError(f"다음 날짜에 이미 예약이 있습니다: {dates}", code="conflict")
            created = [
                Reservation.objects.create(
                    facility=facility, company=company, user=actor, starts_at=start,
                    ends_at=end, blocked_from=span[0], blocked_until=span[1],
                    headcount=headcount, purpose=purpose, series_id=series,
                    status=_initial_status(actor, facility),
                )
                for (start, end), span in zip(occurrences, spans, strict=True)
            ]
            for reservation in created:
                changes = snapshot(reservation, [
                    "facility", "company", "starts_at", "ends_at", "headcount", "status"])
                changes["series_id"] = str(series) if series else None
                record(actor=actor, action="facilities.reservation.created",
                       instance=reservation, changes=changes)
    except IntegrityError:
        # PostgreSQL's exclusion constraint caught a reservation committed meanwhile.
        raise DomainError(CONFLICT_MESSAGE, code="conflict") from None
    return created


def cancel_reservation(*, actor, reservation: Reservation, whole_series: bool = False) -> int:
    """Cancel one reservation (or the rest of its series); returns how many were cancelled."""
    if not can_cancel_reservation(actor, reservation):
        raise DomainError("이 예약을 취소할 권한이 없습니다.", code="forbidden")
    with transaction.atomic():
        targets = Reservation.objects.select_for_update().filter(pk=reservation.pk)
        if whole_series and reservation.series_id:
            targets = Reservation.objects.select_for_update().filter(
                series_id=reservation.series_id, starts_at__gte=reservation.starts_at
            )
        targets = [r for r in targets if r.is_active]
        if not targets:
            raise DomainError("이미 취소되었거나 반려된 예약입니다.")
        if any(r.starts_at <= timezone.now() for r in targets) and not actor.is_operator:
            raise DomainError("이미 시작한 예약은 취소할 수 없습니다.")
        for target in targets:
            before = target.status
            target.status = Reservation.Status.CANCELLED
            target.save(update_fields=["status"])
            record(actor=actor, action="facilities.reservation.cancelled", instance=target,
                   changes={"status": [before, target.status]})
    reservation.refresh_from_db()
    return len(targets)


def decide_reservation(*, actor, reservation: Reservation, approve: bool) -> Reservation:
    require_staff(actor, "운영자만 예약을 승인하거나 반려할 수 있습니다.")
    with transaction.atomic():
        locked = Reservation.objects.select_for_update().get(pk=reservation.pk)
        if locked.status != Reservation.Status.PENDING:
            raise DomainError("승인 대기 중인 예약이 아닙니다.")
        locked.status = Reservation.Status.CONFIRMED if approve else Reservation.Status.REJECTED
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "decided_at"])
        record(actor=actor, action=f"facilities.reservation.{'approved' if approve else 'rejected'}",
               instance=locked, changes={"status": [Reservation.Status.PENDING, locked.status]})
        reservation_decided(locked)
    return locked


def add_facility_photo(*, actor, facility: Facility, upload, caption: str = "") -> FacilityPhoto:
    require_staff(actor, "운영자만 시설 사진을 올릴 수 있습니다.")
    try:
        content_type = validate_image(upload, max_bytes=conf.FACILITY_PHOTO_MAX_BYTES)
    except ValidationError as error:
        raise DomainError(error.messages[0], field="image") from None
    with transaction.atomic():
        photo = FacilityPhoto.objects.create(
            facility=facility, image=upload, content_type=content_type, caption=caption,
            order=facility.photos.count(),
        )
        record(actor=actor, action="facilities.photo.added", instance=facility,
               changes={"photo": photo.image.name})
    return photo
