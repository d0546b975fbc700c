"""Lock-out after repeated failed logins and two-factor login for staff and meisters."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from meisterhub.core import history
from meisterhub.core.errors import DomainError

from . import totp
from .models import LoginFailure, Role, TOTPDevice, User

SESSION_VERIFIED = "two_factor_verified"


def lockout_limit() -> int:
    return getattr(settings, "LOGIN_FAILURE_LIMIT", 5)


def lockout_window() -> timedelta:
    return timedelta(minutes=getattr(settings, "LOGIN_LOCKOUT_MINUTES", 15))


def is_locked_out(username: str) -> bool:
    since = timezone.now() - lockout_window()
    recent = LoginFailure.objects.filter(username__iexact=username, created_at__gte=since)
    return recent.count() >= lockout_limit()


def record_login_failure(username: str, ip_address: str | None) -> None:
    LoginFailure.objects.create(username=username[:150], ip_address=ip_address)


def clear_login_failures(username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username).delete()


def requires_two_factor(user) -> bool:
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True):
        return False
    return user.is_authenticated and (user.role in {Role.STAFF, Role.MEISTER} or user.is_superuser)


def start_enrolment(user: User) -> TOTPDevice:
    device, created = TOTPDevice.objects.get_or_create(
        user=user, defaults={"secret": totp.new_secret()}
    )
    if not created and device.confirmed_at is None:
        return device
    if not created:
        raise DomainError("이미 2단계 인증이 등록되어 있습니다.")
    return device


@transaction.atomic
def verify_code(*, user: User, code: str, now: float | None = None) -> TOTPDevice:
    """Check a code; a code is accepted once (no replay) and confirms a new device."""
    device = TOTPDevice.objects.select_for_update().filter(user=user).first()
    if device is None:
        raise DomainError("2단계 인증 기기가 등록되어 있지 않습니다.")
    step = totp.matching_step(device.secret, code, now=now)
    if step is None:
        raise DomainError("인증 코드가 올바르지 않습니다. 앱에 표시된 6자리 숫자를 입력해 주세요.")
    if step <= device.last_used_step:
        raise DomainError("이미 사용한 인증 코드입니다. 다음 코드를 기다려 입력해 주세요.")
    device.last_used_step = step
    action = "accounts.totp.verified"
    if device.confirmed_at is None:
        device.confirmed_at = timezone.now()
        action = "accounts.totp.enrolled"
    device.save(update_fields=["last_used_step", "confirmed_at"])
    history.record(actor=user, action=action, instance=user)
    return device
