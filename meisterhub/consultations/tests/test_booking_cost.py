"""What one booking costs the database, and what it leaves for the queue (issue 16).

The booking POST is the platform's hottest write: its statements are counted here, so that a
lookup added to it shows up as a red test, not only as a slower benchmark.
"""

import json
from datetime import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from meisterhub.notifications.models import Channel, Message, Status

from ..models import Booking
from ..slots import aware, database_refuses_overlaps
from .factories import bookable_day, make_sitting_meister

pytestmark = pytest.mark.django_db

# Session, user, company, field, meister (with its account); BEGIN; the acting check;
# closures, blocks, leaves, changes; request, booking, history; for each of the two
# recipients their preferences and one insert of their messages; COMMIT. SQLite also reads
# the day's bookings before the insert. After the commit, one job per recipient.
STATEMENTS = 19
JOBS = 2


@pytest.fixture
def meister(taxonomy):
    return make_sitting_meister(weekday=1)


def _post(client, meister, company, hour: int):
    payload = {
        "company_id": company.pk,
        "field": "weld",
        "meister_id": meister.pk,
        "starts_at": aware(bookable_day(1), time(hour)).isoformat(),
        "problem": "용접 비드 불량",
    }
    return client.post(
        "/api/consultations/bookings", json.dumps(payload), content_type="application/json"
    )


def test_a_booking_post_runs_a_fixed_number_of_statements(
    client, meister, member_a, company_a, django_capture_on_commit_callbacks
):
    client.force_login(member_a)
    _post(client, meister, company_a, 10)  # warm: content types and cached lookups
    with (
        CaptureQueriesContext(connection) as done,
        django_capture_on_commit_callbacks(execute=False) as callbacks,
    ):
        response = _post(client, meister, company_a, 11)
    assert response.status_code == 201
    reads_bookings = [
        q["sql"] for q in done.captured_queries if 'FROM "consultations_booking"' in q["sql"]
    ]
    savepoints = [q["sql"] for q in done.captured_queries if q["sql"].startswith("SAVEPOINT")]
    # (in the test's transaction, BEGIN and COMMIT are a savepoint and its release)
    expected = STATEMENTS + (0 if database_refuses_overlaps() else 1)
    assert len(done.captured_queries) == expected, "\n".join(
        q["sql"][:120] for q in done.captured_queries
    )
    assert len(reads_bookings) == (0 if database_refuses_overlaps() else 1)
    assert len(savepoints) == 1  # the booking's own atomic block, nothing nested inside it
    assert len(callbacks) == JOBS


def test_a_taken_slot_is_refused_by_the_database_and_still_offers_alternatives(
    client, meister, member_a, company_a, member_b, company_b
):
    """On PostgreSQL nothing reads the bookings before the insert: the exclusion constraint
    refuses the overlap, the transaction is rolled back whole, and the nearest free slots are
    read after it."""
    client.force_login(member_a)
    assert _post(client, meister, company_a, 10).status_code == 201
    client.force_login(member_b)
    taken = _post(client, meister, company_b, 10)
    assert taken.status_code == 409
    assert taken.json()["detail"] == "이미 예약된 시간입니다."
    offered = [a["starts_at"] for a in taken.json()["alternatives"]]
    taken_at = aware(bookable_day(1), time(10))
    assert len(offered) == 3 and taken_at.isoformat() not in offered
    assert aware(bookable_day(1), time(11)).isoformat() in offered  # the same day's free hour
    assert Booking.objects.count() == 1
    # the refused attempt left no request and no message behind
    assert not Message.objects.filter(recipient=member_b).exists()


@pytest.mark.django_db(transaction=True)
def test_the_rows_of_one_event_are_one_job_and_each_is_sent_once(
    client, meister, member_a, company_a, settings
):
    """The requester's mail and text go to the queue as one job (the meister's mail, another
    recipient of the same event, as a second); the worker sends every row exactly once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    member_a.phone = "010-2345-6789"
    member_a.save(update_fields=["phone"])
    client.force_login(member_a)
    assert _post(client, meister, company_a, 10).status_code == 201
    queued = Message.objects.filter(status=Status.QUEUED)
    assert sorted(queued.values_list("channel", flat=True)) == [
        Channel.EMAIL, Channel.EMAIL, Channel.SMS
    ]
    jobs = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [j.task_path for j in jobs] == ["meisterhub.notifications.tasks.deliver_messages"] * 2
    assert sorted(len(j.args_kwargs["args"][0]) for j in jobs) == [1, 2]
    from django.core.management import call_command

    call_command("db_worker", batch=True, interval=0, verbosity=0)
    assert set(Message.objects.exclude(channel=Channel.IN_APP).values_list(
        "status", flat=True)) == {Status.SENT}
    assert Message.objects.exclude(channel=Channel.IN_APP).filter(attempts=1).count() == 3
