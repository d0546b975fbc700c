"""Two companies move their bookings into the same free slot at the same moment."""

import threading
from datetime import time

import pytest
from django.db import connections

from meisterhub.core.errors import DomainError

from ..models import Booking
from ..services import book_consultation
from ..services.decisions import SLOT_TAKEN, reschedule_booking
from ..slots import aware
from .factories import bookable_day, field, make_sitting_meister


def race(moves) -> dict[int, str]:
    """Run each (actor, booking, starts_at) in its own thread and connection, all at once."""
    barrier = threading.Barrier(len(moves))
    outcomes: dict[int, str] = {}
    lock = threading.Lock()

    def client(actor, booking, starts_at):
        try:
            barrier.wait(timeout=30)
            reschedule_booking(actor=actor, booking=booking, starts_at=starts_at)
            result = "moved"
        except DomainError as error:
            result = error.message
        finally:
            connections.close_all()
        with lock:
            outcomes[booking.pk] = result

    threads = [threading.Thread(target=client, args=move) for move in moves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_reschedules_into_one_slot_one_wins_and_the_loser_keeps_its_slot(
    taxonomy, company_a, member_a, company_b, member_b
):
    meister = make_sitting_meister(weekday=2, end_time=time(13))
    day = bookable_day(2)
    mine, theirs = (
        book_consultation(
            actor=member,
            company=company,
            field=field(),
            meister=meister,
            starts_at=aware(day, time(hour)),
            problem="금형 마모",
        )
        for member, company, hour in ((member_a, company_a, 10), (member_b, company_b, 11))
    )
    target = aware(day, time(12))
    outcomes = race([(member_a, mine, target), (member_b, theirs, target)])
    assert sorted(outcomes.values()) == sorted(["moved", SLOT_TAKEN])
    winner = next(pk for pk, result in outcomes.items() if result == "moved")
    loser = theirs if winner == mine.pk else mine
    assert Booking.objects.get(pk=winner).starts_at == target
    # The loser still holds the slot it had, and nobody holds two.
    assert Booking.objects.get(pk=loser.pk).starts_at == loser.starts_at
    assert sorted(
        Booking.objects.filter(meister=meister).values_list("starts_at", flat=True)
    ) == sorted([loser.starts_at, target])
