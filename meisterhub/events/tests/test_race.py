"""Many people at once for the last seats: the database lets exactly the free seats through."""

import threading

import pytest
from django.db import connections

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.events.models import Registration
from meisterhub.events.services import register_for_event

from .factories import make_event


@pytest.mark.django_db(transaction=True)
def test_race_for_the_last_seats():
    event = make_event(capacity=5)
    for n in range(2):  # 2 seats taken, 3 left
        register_for_event(actor=UserFactory(username=f"early{n}"), event=event)
    users = [UserFactory(username=f"racer{n}") for n in range(12)]
    barrier = threading.Barrier(len(users))
    errors: list[BaseException] = []

    def attempt(user):
        try:
            barrier.wait()
            register_for_event(actor=user, event=event)
        except BaseException as error:  # surfaced below: any failure fails the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    seated = Registration.objects.filter(event=event, status="registered").count()
    waitlisted = list(Registration.objects.filter(event=event, status="waitlisted")
                      .values_list("position", flat=True).order_by("position"))
    assert seated == 5
    assert len(waitlisted) == 9
    assert len(set(waitlisted)) == 9
