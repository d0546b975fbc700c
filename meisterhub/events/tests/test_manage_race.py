"""Two staff saving the same event at the same moment: one save wins, the other is told."""

import threading

import pytest
from django.db import connections

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.locking import StaleEdit
from meisterhub.core.models import History
from meisterhub.events.manage_services import update_event
from meisterhub.events.models import Event

from .factories import make_event


@pytest.mark.django_db(transaction=True)
def test_concurrent_saves_of_one_loaded_version():
    event = make_event(capacity=20)
    editors = [UserFactory(role="staff", username=f"staff{n}") for n in range(4)]
    barrier = threading.Barrier(len(editors))
    saved, stale, errors = [], [], []

    def attempt(editor, capacity):
        try:
            barrier.wait()
            update_event(actor=editor, event=Event.objects.get(pk=event.pk),
                         values={"capacity": capacity}, expected_version=1)
            saved.append(capacity)
        except StaleEdit:
            stale.append(capacity)
        except BaseException as error:  # surfaced below: any other failure fails the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(e, 30 + n))
               for n, e in enumerate(editors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(saved) == 1 and len(stale) == 3
    event.refresh_from_db()
    assert (event.capacity, event.version) == (saved[0], 2)
    assert History.objects.filter(action="events.event.updated").count() == 1
