"""Response deadlines in business days: weekends and Korean public holidays do not count."""

from datetime import date, timedelta

from meisterhub.core.calendar_kr import is_public_holiday


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and not is_public_holiday(day)


def add_business_days(start: date, count: int) -> date:
    """The count-th business day after start (start itself never counts)."""
    day = start
    remaining = max(count, 0)
    while remaining:
        day += timedelta(days=1)
        if is_business_day(day):
            remaining -= 1
    return day
