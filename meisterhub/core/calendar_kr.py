"""The one Korean public-holiday calendar (the `holidays` package): consultation slots, rotation
boards and business-day deadlines all read it, so a holiday is the same day everywhere."""

from datetime import date
from functools import lru_cache

import holidays


def korean_holidays(start: date, end: date) -> dict[date, str]:
    """Public holidays between two dates' years, lunar ones and substitute days, Korean names."""
    return dict(_holidays_of_years(start.year, end.year))


def is_public_holiday(day: date) -> bool:
    return day in _days_of_year(day.year)


@lru_cache(maxsize=16)
def _holidays_of_years(first: int, last: int) -> tuple:
    # Building the table costs ~0.3 s the first time; holidays of a year do not change.
    found = holidays.country_holidays("KR", years=range(first, last + 1), language="ko")
    return tuple(found.items())


@lru_cache(maxsize=16)
def _days_of_year(year: int) -> frozenset[date]:
    return frozenset(day for day, _name in _holidays_of_years(year, year))
