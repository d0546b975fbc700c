"""Registration, cancellation with waitlist promotion, and check-in."""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from meisterhub.accounts.roles import require_staff
from meisterhub.companies.models import OrgType
from meisterhub.companies.selectors import acting_company_ids
from meisterhub.core.errors import DomainError
from meisterhub.core.history import record

from . import notices
from .models import Event, Registration


def _locked_event(event: Event) -> Event:
    """Hold the event row so that counting seats and taking one happen as one step.

    PostgreSQL locks the row; SQLite already holds the write lock from BEGIN (IMMEDIATE).
    """
    return Event.objects.select_for_update().get(pk=event.pk)


def eligibility_refusal(event: Event, company) -> str | None:
    if company is None:
        return None if event.allow_individuals else "기업 소속으로만 신청할 수 있는 행사입니다."
    allowed = event.eligible_org_types or []
    if allowed and company.org_type not in allowed:
        names = ", ".join(OrgType(value).label for value in allowed)
        return f"참가 대상이 아닙니다. 이 행사는 {names}만 신청할 수 있습니다."
    return None


def register_for_event(*, actor, event: Event, company=None) -> Registration:
    if not getattr(actor, "is_authenticated", False):
        raise DomainError("로그인한 뒤 신청할 수 있습니다.", code="forbidden")
    now = timezone.now()
    if event.status != Event.Status.PUBLISHED:
        raise DomainError("신청을 받지 않는 행사입니다.")
    if now < event.registration_opens_at:
        raise DomainError(f"신청은 {timezone.localtime(event.registration_opens_at):%Y-%m-%d %H:%M}"
                          "부터 받습니다.")
    if now >= event.registration_closes_at:
        raise DomainError("신청 기간이 지났습니다.")
    if company is not None and company.pk not in acting_company_ids(actor):
        raise DomainError("소속된 기업으로만 신청할 수 있습니다.", code="forbidden")
    refusal = eligibility_refusal(event, company)
    if refusal:
        raise DomainError(refusal, code="ineligible")
    try:
        with transaction.atomic():
            locked = _locked_event(event)
            registrations = Registration.objects.filter(event=locked)
            if registrations.exclude(status=Registration.Status.CANCELLED).filter(
                    user=actor).exists():
                raise DomainError("이미 신청한 행사입니다.", code="conflict")
            seated = registrations.filter(status__in=Registration.SEATED).count()
            if seated < locked.capacity:
                status = Registration.Status.REGISTERED
            elif locked.waitlist_enabled:
                status = Registration.Status.WAITLISTED
            else:
                raise DomainError("정원이 마감되었습니다.", code="full")
            last = registrations.aggregate(last=Max("position"))["last"] or 0
            registration = Registration.objects.create(
                event=locked, user=actor, company=company, status=status, position=last + 1
            )
            record(actor=actor, action="events.registration.created", instance=registration,
                   changes={"status": status, "company": str(company or "")})
            notices.registration_received(registration)
    except IntegrityError:
        raise DomainError("이미 신청한 행사입니다.", code="conflict") from None
    return registration


def can_change_registration(actor, registration: Registration) -> bool:
    return getattr(actor, "is_authenticated", False) and (
        actor.is_operator or registration.user_id == actor.pk)


def cancel_registration(*, actor, registration: Registration) -> Registration | None:
    """Cancel; a freed seat goes to the first on the waitlist, who is told by mail.

    Returns the promoted registration, if any.
    """
    if not can_change_registration(actor, registration):
        raise DomainError("이 신청을 취소할 권한이 없습니다.", code="forbidden")
    with transaction.atomic():
        locked_event = _locked_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status not in (Registration.Status.REGISTERED,
                                  Registration.Status.WAITLISTED):
            raise DomainError("취소할 수 있는 신청이 아닙니다.")
        if locked_event.starts_at <= timezone.now() and not actor.is_operator:
            raise DomainError("이미 시작한 행사는 취소할 수 없습니다.")
        freed_seat = current.status == Registration.Status.REGISTERED
        before = current.status
        current.status = Registration.Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        record(actor=actor, action="events.registration.cancelled", instance=current,
               changes={"status": [before, current.status]})
        promoted = None
        seated = Registration.objects.filter(
            event=locked_event, status__in=Registration.SEATED).count()
        if freed_seat and seated < locked_event.capacity:
            promoted = Registration.objects.select_for_update().filter(
                event=locked_event, status=Registration.Status.WAITLISTED
            ).order_by("position").first()
        if promoted is not None:
            promoted.status = Registration.Status.REGISTERED
            promoted.save(update_fields=["status"])
            record(actor=actor, action="events.registration.promoted", instance=promoted,
                   changes={"status": [Registration.Status.WAITLISTED, promoted.status]})
            notices.promoted(promoted)
    registration.refresh_from_db()
    return promoted


def check_in(*, actor, event: Event, code: str) -> Registration:
    """Mark a seated registrant as attended by the code of their QR confirmation."""
    require_staff(actor, "운영자만 체크인할 수 있습니다.")
    code = (code or "").strip()
    with transaction.atomic():
        registration = Registration.objects.select_for_update().select_related("user").filter(
            event=event, code=code).first() if code else None
        if registration is None:
            raise DomainError("유효하지 않은 체크인 코드입니다.", code="invalid_code")
        if registration.status == Registration.Status.ATTENDED:
            raise DomainError("이미 체크인되었습니다.", code="already")
        if registration.status != Registration.Status.REGISTERED:
            raise DomainError(
                f"참가 확정된 신청이 아닙니다 ({registration.get_status_display()}).",
                code="not_seated")
        registration.status = Registration.Status.ATTENDED
        registration.checked_in_at = timezone.now()
        registration.save(update_fields=["status", "checked_in_at"])
        record(actor=actor, action="events.registration.checked_in", instance=registration,
               changes={"status": [Registration.Status.REGISTERED, registration.status]})
    return registration


def announce_event(*, actor, event: Event) -> int:
    """Send the event's announcement once to everyone who agreed to receive advertising."""
    require_staff(actor, "운영자만 행사 안내를 보낼 수 있습니다.")
    if event.status != "published":
        raise DomainError("게시된 행사만 안내할 수 있습니다.")
    with transaction.atomic():
        count = notices.announce(event)
        record(actor=actor, action="events.event.announced", instance=event,
               changes={"recipients": count})
    return count
