"""Twenty people try to book one slot at the same moment: exactly one succeeds."""

import threading
from datetime import time, timedelta

import pytest
from django.db import IntegrityError, connection, connections, transaction

from meisterhub.core.errors import DomainError

from ..models import Booking, BookingStatus
from ..services import book_consultation
from ..slots import aware
from .factories import bookable_day, field, make_sitting_meister

CLIENTS = 20


def race(member, company, meister, starts_at) -> list[str]:
    barrier = threading.Barrier(CLIENTS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def client():
        try:
            barrier.wait(timeout=30)
            book_consultation(
                actor=member,
                company=company,
                field=field(),
                meister=meister,
                starts_at=starts_at,
                problem="프레스 금형 파손",
            )
            result = "booked"
        except DomainError as error:
            result = error.message
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_bookings_of_one_slot(taxonomy, company_a, member_a):
    """Runs on both databases; on PostgreSQL the exclusion constraint is the final word."""
    meister = make_sitting_meister(weekday=2)
    starts_at = aware(bookable_day(2), time(10))
    outcomes = race(member_a, company_a, meister, starts_at)
    assert sorted(outcomes) == ["booked"] + ["이미 예약된 시간입니다."] * (CLIENTS - 1)
    assert Booking.objects.filter(meister=meister, starts_at=starts_at).count() == 1


@pytest.mark.django_db(transaction=True)
def test_postgresql_exclusion_constraint_refuses_overlapping_ranges(taxonomy, company_a):
    if connection.vendor != "postgresql":
        pytest.skip("the exclusion constraint exists only on PostgreSQL")
    meister = make_sitting_meister(weekday=2)
    starts_at = aware(bookable_day(2), time(10))
    Booking.objects.create(
        meister=meister,
        company=company_a,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=1),
        place="x",
        status=BookingStatus.CONFIRMED,
    )
    with pytest.raises(IntegrityError, match="booking_no_overlap_active"), transaction.atomic():
        Booking.objects.create(
            meister=meister,
            company=company_a,
            starts_at=starts_at + timedelta(minutes=30),
            ends_at=starts_at + timedelta(minutes=90),
            place="x",
        )
    # a cancelled booking holds nothing
    Booking.objects.create(
        meister=meister,
        company=company_a,
        starts_at=starts_at + timedelta(minutes=30),
        ends_at=starts_at + timedelta(minutes=90),
        place="x",
        status=BookingStatus.CANCELLED,
    )
    assert Booking.objects.filter(meister=meister).count() == 2
