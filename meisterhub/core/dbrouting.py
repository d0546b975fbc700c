"""Read replicas (DATABASE_REPLICA_URLS): which reads may go to a replica, and which may not.

A read goes to a replica only inside a safe (GET/HEAD/OPTIONS) web request of a browser that
has not written in the last DATABASE_PIN_SECONDS, outside any transaction. Everything else
reads the primary:
- writes, and reads inside `transaction.atomic` (every service that books, registers,
  reserves, selects or scores runs in one) and `select_for_update` (Django routes it as a
  write);
- the whole of an unsafe request (the pin is a context variable from the start of the
  request), and every request of that browser for DATABASE_PIN_SECONDS after it (a cookie),
  so a company that books sees its booking at once although the replica lags;
- tasks, workers, the clock and management commands (no request: the pin's default).
A replica that is down or lags more than DATABASE_REPLICA_MAX_LAG seconds is skipped; each
process checks a replica at most every DATABASE_REPLICA_CHECK_SECONDS.
"""

import logging
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger(__name__)

PIN_COOKIE = "mh_db_pin"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

# Set only while a request may read from a replica (the default, None, keeps everything else
# on the primary). It remembers the replica chosen for the request: all its reads see one
# replica, so what it reads first (a cache stamp) is never newer than what it reads after.
_read_scope: ContextVar[dict | None] = ContextVar("replica_read_scope", default=None)

# Replay position equal to receive position: the replica has applied all it got, so it is not
# behind even if the last commit it replayed is old (an idle primary).
LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()), 0)
END
"""


@contextmanager
def replica_reads(allowed: bool = True) -> Iterator[None]:
    token = _read_scope.set({} if allowed else None)
    try:
        yield
    finally:
        _read_scope.reset(token)


class ReplicaHealth:
    """Per process: when each replica was last checked and whether it was usable then."""

    def __init__(self):
        self._checked: dict[str, tuple[float, bool]] = {}
        self._guard = threading.Lock()

    def usable(self, alias: str) -> bool:
        now = time.monotonic()
        with self._guard:
            checked = self._checked.get(alias)
        if checked and now - checked[0] < settings.DATABASE_REPLICA_CHECK_SECONDS:
            return checked[1]
        usable = self._probe(alias)
        with self._guard:
            self._checked[alias] = (time.monotonic(), usable)
        return usable

    def forget(self) -> None:
        with self._guard:
            self._checked.clear()

    @staticmethod
    def _probe(alias: str) -> bool:
        try:
            lag = replica_lag(alias)
        except DatabaseError as error:
            logger.warning("replica %s unreachable, reading the primary: %s", alias, error)
            connections[alias].close()
            return False
        limit = settings.DATABASE_REPLICA_MAX_LAG
        if lag > limit:
            logger.warning(
                "replica %s lags %.1f s (> %.1f s), reading the primary", alias, lag, limit
            )
            return False
        return True


def replica_lag(alias: str) -> float:
    """Seconds the replica is behind; 0 for a database that is not replaying (or not PG)."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        connection.ensure_connection()
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute(LAG_SQL)
        return float(cursor.fetchone()[0])


health = ReplicaHealth()


def choose_replica() -> str | None:
    aliases = list(getattr(settings, "DATABASE_REPLICAS", []))
    random.shuffle(aliases)  # spread the reads; not a secret
    for alias in aliases:
        if health.usable(alias):
            return alias
    return None


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        scope = _read_scope.get()
        if scope is None or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        if "alias" not in scope:
            scope["alias"] = choose_replica() or DEFAULT_DB_ALIAS
        return scope["alias"]

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS  # replicas follow the primary's WAL


def _pinned_by_cookie(request) -> bool:
    try:
        until = float(request.COOKIES.get(PIN_COOKIE, "0"))
    except ValueError:
        return False
    now = time.time()
    # A stamp further ahead than one pin is not ours; it would only cost primary reads anyway.
    return now < until <= now + settings.DATABASE_PIN_SECONDS + 1


class ReadPinningMiddleware:
    """Pins a browser's reads to the primary during and for a while after each write."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        writing = request.method not in SAFE_METHODS
        with replica_reads(not (writing or _pinned_by_cookie(request))):
            response = self.get_response(request)
        if writing:
            seconds = settings.DATABASE_PIN_SECONDS
            response.set_cookie(
                PIN_COOKIE,
                f"{time.time() + seconds:.3f}",
                max_age=int(seconds) + 1,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response
