"""Notification settings, read with defaults."""

from datetime import time, timedelta

from django.conf import settings

from meisterhub.core.http import site_url  # noqa: F401 - kept importable here for the apps


def max_attempts() -> int:
    return int(getattr(settings, "NOTIFICATIONS_MAX_ATTEMPTS", 5))


def backoff(attempts: int) -> timedelta:
    """Wait after the n-th failed attempt: 1, 5, 30 minutes, then 2 hours."""
    steps = getattr(settings, "NOTIFICATIONS_BACKOFF_SECONDS", [60, 300, 1800, 7200])
    return timedelta(seconds=steps[min(attempts, len(steps)) - 1])


def sending_lease() -> timedelta:
    """A message claimed longer ago than this by a worker that died goes back to the queue."""
    return timedelta(seconds=int(getattr(settings, "NOTIFICATIONS_SENDING_LEASE_SECONDS", 300)))


# 정보통신망법 제50조: no advertising by text message between 21:00 and 08:00 without
# separate consent; we simply hold such messages until the morning.
QUIET_START = time(21)
QUIET_END = time(8)
