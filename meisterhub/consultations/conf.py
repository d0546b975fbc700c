"""Consultation settings, read with defaults (the booking window is also in settings/base.py)."""

from datetime import date

from django.conf import settings


def auto_confirm() -> bool:
    """Book straight into `confirmed` instead of waiting for staff."""
    return bool(getattr(settings, "CONSULTATION_AUTO_CONFIRM", False))


def cancel_deadline_hours() -> int:
    """A company may cancel until this many hours before the start."""
    return int(getattr(settings, "CONSULTATION_CANCEL_DEADLINE_HOURS", 24))


def booking_window_days() -> int:
    """A slot can be booked up to this many days ahead (calendar, form, API, service)."""
    return int(getattr(settings, "CONSULTATION_BOOKING_WINDOW_DAYS", 28))


def booking_lead_hours() -> int:
    """A slot can be booked until this many hours before it starts (0: until it starts)."""
    return int(getattr(settings, "CONSULTATION_BOOKING_LEAD_HOURS", 0))


def attachment_max_bytes() -> int:
    return int(getattr(settings, "CONSULTATION_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024))


def attachment_max_count() -> int:
    return int(getattr(settings, "CONSULTATION_ATTACHMENT_MAX_COUNT", 5))


def onsite_visit_quota() -> int:
    """Default number of site visits of an on-site difficulty engagement (현장애로 지원)."""
    return int(getattr(settings, "CONSULTATION_ONSITE_VISIT_QUOTA", 3))


def ab_anchor() -> date:
    """The Monday of an 'A' week; every other week from it is a 'B' week."""
    value = getattr(settings, "CONSULTATION_AB_ANCHOR", "2026-01-05")
    return value if isinstance(value, date) else date.fromisoformat(value)

