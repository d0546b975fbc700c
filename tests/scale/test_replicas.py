"""Read replicas: which reads a replica serves, pinning after a write, and the fallbacks.

The "replica" is a snapshot of the test database taken during the test (an SQLite backup, or
on PostgreSQL a database copied from it as template), so a read served by it is visibly stale:
that is what would happen with a lagging streaming replica.
"""

import sqlite3
import time

import psycopg
import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from meisterhub.accounts.models import User
from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.dbrouting import PIN_COOKIE, replica_reads
from meisterhub.notifications.models import Preference

from .conftest import with_replicas

pytestmark = with_replicas
PREFERENCES = "/notifications/settings/"
EMAIL_ON = 'name="event.email" value="1" checked'


@pytest.fixture
def stale_snapshot(tmp_path):
    """snapshot() -> settings for a replica alias holding the database as it is now."""
    made: list[str] = []
    primary = connections["default"]

    def snapshot() -> dict:
        if primary.vendor == "sqlite":
            target = tmp_path / "replica.sqlite3"
            with (
                sqlite3.connect(primary.settings_dict["NAME"]) as source,
                sqlite3.connect(target) as copy,
            ):
                source.backup(copy)
            return {"NAME": str(target)}
        name = f"{primary.settings_dict['NAME']}_replica"
        connections.close_all()  # a template database must have no other sessions
        with _maintenance() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{primary.settings_dict["NAME"]}"')
        made.append(name)
        return {"NAME": name}

    yield snapshot
    for name in made:
        connections.close_all()
        with _maintenance() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _maintenance():
    params = connections["default"].settings_dict
    return psycopg.connect(
        host=params.get("HOST") or "localhost",
        port=params.get("PORT") or 5432,
        user=params.get("USER") or None,
        password=params.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    )


def _unreachable() -> dict:
    if connections["default"].vendor == "sqlite":
        return {"NAME": "/nonexistent-dir/replica.sqlite3"}
    return {"HOST": "127.0.0.1", "PORT": 1}


def _queries(alias: str) -> CaptureQueriesContext:
    return CaptureQueriesContext(connections[alias])


def test_a_writer_reads_its_own_write_while_the_replica_is_still_stale(
    add_replica, stale_snapshot, client
):
    # given: a signed-in company member, and a replica that holds the data as of now
    user = UserFactory(username="reader")
    client.force_login(user)
    add_replica("replica1", **stale_snapshot())
    page = client.get(PREFERENCES)
    assert page.status_code == 200 and EMAIL_ON in page.content.decode()

    # when: the member switches every channel off (an unsafe request)
    with _queries("replica1") as on_replica:
        response = client.post(PREFERENCES, {})
    # then: the writing request read nothing from the replica, and the browser is pinned
    assert response.status_code == 302
    assert len(on_replica) == 0
    assert PIN_COOKIE in response.cookies
    assert Preference.objects.filter(user=user, kind="event", email=False).exists()

    # when: the member at once opens the page again
    with _queries("replica1") as on_replica, _queries("default") as on_primary:
        page = client.get(PREFERENCES)
    # then: it is read from the primary and shows the change
    assert len(on_replica) == 0 and len(on_primary) > 0
    assert EMAIL_ON not in page.content.decode()

    # when: the pin has run out (its stamp in the past)
    client.cookies[PIN_COOKIE] = f"{time.time() - 1:.3f}"
    with _queries("replica1") as on_replica:
        page = client.get(PREFERENCES)
    # then: the replica serves the page, and it has not seen the change yet
    assert len(on_replica) > 0
    assert EMAIL_ON in page.content.decode()


def test_atomic_blocks_and_row_locks_read_the_primary(add_replica, stale_snapshot):
    # given: a user created after the replica's snapshot
    add_replica("replica1", **stale_snapshot())
    user = UserFactory(username="late")
    with replica_reads():
        # when / then: a plain read in a page reads the (stale) replica
        assert not User.objects.filter(pk=user.pk).exists()
        # when / then: inside a transaction, and under select_for_update, the primary answers
        with transaction.atomic():
            assert User.objects.filter(pk=user.pk).exists()
            assert User.objects.select_for_update().get(pk=user.pk) == user
    # and: without a request (tasks, workers, commands) reads go to the primary
    assert User.objects.filter(pk=user.pk).exists()


def test_a_replica_that_is_down_is_skipped(add_replica, client, caplog):
    # given: the only replica is on a port where nothing listens
    add_replica("replica1", **_unreachable())
    UserFactory(username="someone")
    # when: a public page is read
    with _queries("default") as on_primary:
        page = client.get("/meisters/")
    # then: it answers from the primary, and the fallback is logged
    assert page.status_code == 200
    assert len(on_primary) > 0
    assert "replica replica1 unreachable" in caplog.text


def test_a_replica_lagging_past_the_limit_is_skipped(add_replica, stale_snapshot, settings):
    # given: a replica, and a lag limit below any lag it could report (lag is at least 0)
    add_replica("replica1", **stale_snapshot())
    user = UserFactory(username="late")
    with replica_reads():
        assert not User.objects.filter(pk=user.pk).exists()  # read from the replica
    settings.DATABASE_REPLICA_MAX_LAG = -1
    settings.DATABASE_REPLICA_CHECK_SECONDS = 0  # check again at once
    # when / then: the same read now falls back to the primary
    with replica_reads():
        assert User.objects.filter(pk=user.pk).exists()


def test_one_request_reads_one_replica(add_replica):
    # given: two replicas
    add_replica("replica1")
    add_replica("replica2")
    UserFactory(username="someone")
    for _request in range(5):
        # when: one request reads several times
        with replica_reads(), _queries("replica1") as first, _queries("replica2") as second:
            for _ in range(6):
                assert User.objects.filter(username="someone").exists()
        # then: all its reads went to the same replica (a stamp read first is never newer
        # than the data read after it); on PostgreSQL the health check may add its own query
        counts = sorted([len(first), len(second)])
        assert counts[0] == 0 and counts[1] >= 6
