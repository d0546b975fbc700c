from datetime import date

import pytest

from meisterhub.network.business_days import add_business_days, is_business_day


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2025, 3, 4), 3, date(2025, 3, 7)),  # Tue -> Fri, plain week
        (date(2025, 3, 6), 3, date(2025, 3, 11)),  # Thu -> Tue over a weekend
        (date(2025, 1, 24), 3, date(2025, 2, 4)),  # Fri before Seollal and its extra holiday
        (date(2025, 5, 3), 3, date(2025, 5, 9)),  # Sat, then Children's Day and its substitute
        (date(2025, 3, 4), 0, date(2025, 3, 4)),
    ],
)
def test_deadline_skips_weekends_and_korean_holidays(start, count, expected):
    assert add_business_days(start, count) == expected


def test_business_day_predicate():
    assert is_business_day(date(2025, 3, 4))
    assert not is_business_day(date(2025, 3, 3))  # substitute holiday for 3·1절
    assert not is_business_day(date(2025, 3, 8))  # Saturday

