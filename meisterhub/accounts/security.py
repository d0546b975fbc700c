"""The second factor for staff and meisters: django-otp TOTP devices, with attempt limits per
user and per client address. (The password step is throttled by django-axes: lockout.py.)"""

import base64
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from meisterhub.core import history
from meisterhub.core.errors import DomainError

from .models import Role, TwoFactorFailure, User

DEVICE_NAME = "인증 앱"


def requires_two_factor(user) -> bool:
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True):
        return False
    return user.is_authenticated and (user.role in {Role.STAFF, Role.MEISTER} or user.is_superuser)


def device_of(user: User) -> TOTPDevice | None:
    """The confirmed device, else the one being enrolled."""
    return TOTPDevice.objects.filter(user=user).order_by("-confirmed", "pk").first()


@transaction.atomic
def start_enrolment(user: User) -> TOTPDevice:
    # One user's set-up pages take turns: two at once (a double click, a second tab) would
    # each make a device, and the secret shown could then belong to the one not checked.
    User.objects.select_for_update().filter(pk=user.pk).first()
    device = device_of(user)
    if device is not None and device.confirmed:
        raise DomainError("이미 2단계 인증이 등록되어 있습니다.")
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_of(device: TOTPDevice) -> str:
    """The key as authenticator apps take it typed in: base32 without padding."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


# --- attempt limits ---------------------------------------------------------------------


def _window() -> timedelta:
    return timedelta(minutes=getattr(settings, "TWO_FACTOR_WINDOW_MINUTES", 15))


@dataclass(frozen=True)
class Limit:
    name: str
    count: int
    message: str


def _limits() -> tuple[Limit, Limit]:
    return (
        Limit("user", getattr(settings, "TWO_FACTOR_USER_LIMIT", 5),
              "인증 코드를 여러 번 틀렸습니다."),
        Limit("address", getattr(settings, "TWO_FACTOR_ADDRESS_LIMIT", 10),
              "이 접속 위치에서 인증 코드를 너무 여러 번 틀렸습니다."),
    )


def _blocked_until(failures, limit: int) -> datetime | None:
    """While `limit` failures lie in the window: when the oldest of them leaves it."""
    since = timezone.now() - _window()
    recent = list(
        failures.filter(created_at__gte=since).order_by("-created_at")
        .values_list("created_at", flat=True)[:limit]
    )
    if len(recent) < limit:
        return None
    return recent[-1] + _window()


def _retry_text(until: datetime, *, seconds: bool = False) -> str:
    local = timezone.localtime(until)
    return f"{local:%H:%M:%S}" if seconds else f"{local:%H:%M}"


def check_limits(*, user: User, client_address: str | None) -> None:
    """Refuse, with when to retry, while the user or the address is over its limit."""
    by_user, by_address = _limits()
    scopes = [(by_user, TwoFactorFailure.objects.filter(user=user))]
    if client_address:
        scopes.append((by_address, TwoFactorFailure.objects.filter(ip_address=client_address)))
    for limit, failures in scopes:
        until = _blocked_until(failures, limit.count)
        if until is not None:
            raise DomainError(
                f"{limit.message} {_retry_text(until)} 이후에 다시 시도해 주세요. "
                "계속 안 되면 운영자에게 문의해 주세요.",
                field="code",
                code="throttled",
            )


def _record_failure(user: User, client_address: str | None) -> None:
    TwoFactorFailure.objects.create(user=user, ip_address=client_address or None)
    # Rows past the window count for nothing; keep the table small.
    TwoFactorFailure.objects.filter(created_at__lt=timezone.now() - 4 * _window()).delete()


def _is_replay(device: TOTPDevice, code: str) -> bool:
    """The code is one of the device's current ones, but at or before its last used step."""
    if not code.isdigit():
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return totp.verify(int(code), device.tolerance)


# --- verification -------------------------------------------------------------------------


def verify_code(*, user: User, code: str, client_address: str | None = None) -> TOTPDevice:
    """Check a code for the user's device; accepted once (no replay); confirms a new device.

    A refused code (wrong, replayed, or sent during the device's back-off) counts against the
    user and the address; over either limit nothing is checked until the window has passed.
    """
    code = (code or "").strip().replace(" ", "")
    refusal = None
    with transaction.atomic():
        # The row lock makes one user's tries take turns, so parallel requests cannot all
        # slip under the limits before any of them is counted.
        device = (
            TOTPDevice.objects.select_for_update().filter(user=user)
            .order_by("-confirmed", "pk").first()
        )
        if device is None:
            raise DomainError("2단계 인증 기기가 등록되어 있지 않습니다.", field="code")
        check_limits(user=user, client_address=client_address)
        allowed, wait = device.verify_is_allowed()
        if not allowed:
            until = wait.get("locked_until") if wait else None
            when = _retry_text(until, seconds=True) if until else "잠시 뒤"
            refusal = f"방금 틀린 코드를 입력했습니다. {when} 이후에 다시 입력해 주세요."
        elif not (len(code) == device.digits and device.verify_token(code)):
            if len(code) != device.digits:
                device.throttle_increment()
            refusal = (
                "이미 사용한 인증 코드입니다. 다음 코드를 기다려 입력해 주세요."
                if _is_replay(device, code)
                else "인증 코드가 올바르지 않습니다. 앱에 표시된 6자리 숫자를 입력해 주세요."
            )
        if refusal is None:
            _accepted(user, device)
        else:
            _record_failure(user, client_address)
    if refusal is not None:
        # Raised after the block commits, so the count and the device's back-off are kept.
        raise DomainError(refusal, field="code", code="invalid")
    return device


def _accepted(user: User, device: TOTPDevice) -> None:
    TwoFactorFailure.objects.filter(user=user).delete()
    action = "accounts.totp.verified"
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        action = "accounts.totp.enrolled"
    history.record(actor=user, action=action, instance=user)
