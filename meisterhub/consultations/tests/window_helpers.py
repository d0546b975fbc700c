"""Dates and meisters for the booking-window tests, chosen so that no date is a holiday."""

from datetime import date, time, timedelta

from django.utils import timezone

from ..services import add_rotation_block
from ..slots import aware, korean_holidays
from .factories import make_sitting_meister


def weekday_meister(**block):
    """A meister sitting 10:00–12:00 every weekday (two one-hour slots a day)."""
    meister = make_sitting_meister(weekday=0, **block)
    for weekday in range(1, 5):
        values = {"weekday": weekday, "start_time": time(10), "end_time": time(12)}
        values.update(block)
        add_rotation_block(actor=None, meister=meister, **values)
    return meister


def open_day(day: date) -> bool:
    return day.weekday() < 5 and day not in korean_holidays(day, day)


def open_run(length: int, *, after_days: int) -> list[date]:
    """The first `length` consecutive open days (weekday, no holiday) from today + after_days."""
    day = timezone.localdate() + timedelta(days=after_days)
    while not all(open_day(day + timedelta(days=i)) for i in range(length)):
        day += timedelta(days=1)
    return [day + timedelta(days=i) for i in range(length)]


def at(day: date, hour: int):
    return aware(day, time(hour))


def window_ending_on(settings, last_day: date) -> int:
    """Set the booking window so that `last_day` is its last bookable day."""
    days = (last_day - timezone.localdate()).days
    settings.CONSULTATION_BOOKING_WINDOW_DAYS = days
    return days
