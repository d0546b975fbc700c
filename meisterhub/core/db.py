"""Database outcomes that a service turns into a business answer."""

from django.db import OperationalError

DEADLOCK = "40P01"


def lost_insert_race(error: OperationalError) -> bool:
    """PostgreSQL checks an exclusion constraint after inserting the row, so two transactions
    inserting overlapping rows at once can each wait for the other; the deadlock detector then
    aborts one of them. That one lost the race for the time, exactly as a unique violation."""
    return getattr(error.__cause__, "sqlstate", None) == DEADLOCK
