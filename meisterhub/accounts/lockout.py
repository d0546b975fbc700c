"""Login lockout on top of django-axes: the pair account × client address (axes itself), plus
one client address over all usernames, and the Korean page shown instead of the login form.

Every login form (the site's, the admin's) goes through django.contrib.auth.authenticate(), so
axes' backend, first in AUTHENTICATION_BACKENDS, guards them all alike.
"""

from datetime import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone


def address_limit() -> int:
    return getattr(settings, "LOGIN_ADDRESS_FAILURE_LIMIT", 20)


def _recent(request):
    return AccessAttempt.objects.filter(
        attempt_time__gte=request.axes_attempt_time - get_cool_off(request)
    )


def address_failures(request) -> int:
    """Failures from this client address within the cool-off, whatever the username."""
    recent = _recent(request).filter(ip_address=request.axes_ip_address)
    return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AccountAndAddressHandler(AxesDatabaseHandler):
    """Axes' database handler that also stops an address sweeping many usernames."""

    def is_locked(self, request, credentials=None) -> bool:
        if super().is_locked(request, credentials):
            return True
        return settings.AXES_LOCK_OUT_AT_FAILURE and address_failures(request) >= address_limit()

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or getattr(request, "axes_locked_out", False):
            return
        if address_failures(request) >= address_limit():
            request.axes_locked_out = True
            request.axes_credentials = credentials


def retry_at(request, credentials=None) -> datetime:
    """When the lock that applies to this request ends (the latest counted failure + cool-off)."""
    username = get_client_username(request, credentials)
    recent = _recent(request)
    pair = recent.filter(username=username, ip_address=request.axes_ip_address)
    by_address = recent.filter(ip_address=request.axes_ip_address)
    latest = [qs.aggregate(last=Max("attempt_time"))["last"] for qs in (pair, by_address)]
    if address_failures(request) < address_limit():
        latest = latest[:1]  # only the pair lock applies
    known = [t for t in latest if t is not None]
    base = max(known) if known else timezone.now()
    return base + get_cool_off(request)


def lockout_response(request, original_response=None, credentials=None):
    """The lockout page, Korean, 429, saying when to retry and offering the password reset."""
    until = timezone.localtime(retry_at(request, credentials))
    return render(
        request,
        "accounts/locked_out.html",
        {"retry_at": until, "minutes": int(get_cool_off(request).total_seconds() // 60)},
        status=429,
    )
