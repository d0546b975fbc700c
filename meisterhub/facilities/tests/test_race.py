"""Concurrent reservations against a real database: never two holding the room at once."""

import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction

from meisterhub.core.errors import DomainError
from meisterhub.facilities.models import Reservation
from meisterhub.facilities.services import create_reservation

from .factories import at, make_facility, next_monday


def _overlaps() -> int:
    rows = list(Reservation.objects.filter(status__in=Reservation.ACTIVE).order_by("blocked_from"))
    return sum(
        1 for i, a in enumerate(rows) for b in rows[i + 1:]
        if a.facility_id == b.facility_id and a.blocked_from < b.blocked_until
        and b.blocked_from < a.blocked_until
    )


@pytest.mark.django_db(transaction=True)
def test_concurrent_overlapping_reservations_leave_no_overlap(member_a, company_a):
    room = make_facility(buffer_minutes=10)
    monday = next_monday()
    outcomes: list[str] = []
    barrier = threading.Barrier(6)

    def attempt(n: int):
        try:
            barrier.wait()
            create_reservation(actor=member_a, facility=room, company=company_a, headcount=2,
                               purpose=f"회의 {n}", starts_at=at(monday, 10 + n % 2, 0),
                               ends_at=at(monday, 11 + n % 2, 30))
            outcomes.append("ok")
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 1
    assert outcomes.count("conflict") == 5
    assert _overlaps() == 0


@pytest.mark.django_db
def test_postgresql_exclusion_constraint_refuses_a_raw_overlap(member_a, company_a):
    if connection.vendor != "postgresql":
        pytest.skip("the exclusion constraint exists on PostgreSQL only")
    room = make_facility(buffer_minutes=15)
    monday = next_monday()
    fields = {"facility": room, "company": company_a, "user": member_a, "headcount": 2,
              "purpose": "직접 입력", "status": "confirmed"}
    Reservation.objects.create(starts_at=at(monday, 10), ends_at=at(monday, 11),
                               blocked_from=at(monday, 10), blocked_until=at(monday, 11, 15),
                               **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reservation.objects.create(starts_at=at(monday, 11, 10), ends_at=at(monday, 12),
                                   blocked_from=at(monday, 11, 10),
                                   blocked_until=at(monday, 12, 15), **fields)
    Reservation.objects.create(starts_at=at(monday, 11, 10), ends_at=at(monday, 12),
                               blocked_from=at(monday, 11, 10), blocked_until=at(monday, 12, 15),
                               **dict(fields, status="cancelled"))
    assert Reservation.objects.count() == 2
