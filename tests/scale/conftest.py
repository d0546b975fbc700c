"""Shared pieces of the scale-out tests: this machine's Redis on a db of its own, replica
aliases added to the running test database, and a URL other processes can open it with."""

import os
import socket
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection, connections

REDIS_TEST_URL = os.environ.get("SCALE_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
# Nothing listens on port 1 of loopback: a server that is down, refused at once.
CLOSED_REDIS_URL = "redis://127.0.0.1:1/0"
ROUTER = "meisterhub.core.dbrouting.PrimaryReplicaRouter"
PINNING = "meisterhub.core.dbrouting.ReadPinningMiddleware"


def _redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def redis_url():
    """The machine's Redis (db 13, emptied before and after), or a skip."""
    if not _redis_answers(REDIS_TEST_URL):
        pytest.skip(f"Redis not reachable at {REDIS_TEST_URL}")
    import redis

    client = redis.Redis.from_url(REDIS_TEST_URL)
    client.flushdb()
    yield REDIS_TEST_URL
    client.flushdb()


def database_url() -> str:
    """The test database this process uses, as a DATABASE_URL for a worker process."""
    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(str(params['NAME'])).resolve()}"
    auth = quote(params.get("USER") or "", safe="")
    if params.get("PASSWORD"):
        auth += ":" + quote(params["PASSWORD"], safe="")
    host = params.get("HOST") or "localhost"
    return f"postgres://{auth}@{host}:{params.get('PORT') or 5432}/{params['NAME']}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


REPLICA_ALIASES = ("replica1", "replica2")
# Tests that route to replicas declare them, so Django lets them connect.
with_replicas = pytest.mark.django_db(transaction=True, databases=["default", *REPLICA_ALIASES])


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """The replica aliases exist from the start (Django checks a test's databases against the
    configured ones); each points at the test database until a test gives it other settings."""
    for alias in REPLICA_ALIASES:
        connections.settings[alias] = _replica_params({})
    yield
    for alias in REPLICA_ALIASES:
        connections[alias].close()


def _replica_params(overrides: dict) -> dict:
    params = {**connections["default"].settings_dict, **overrides}
    params["TEST"] = {**params.get("TEST", {}), "MIRROR": "default"}
    return params


@pytest.fixture
def add_replica(settings):
    """add_replica(alias, **connection_settings): route to that alias as DATABASE_REPLICA_URLS
    would (the router, the pinning middleware); the test needs the `with_replicas` mark."""
    from meisterhub.core.dbrouting import health

    settings.DATABASE_ROUTERS = [ROUTER]
    settings.DATABASE_REPLICAS = []
    settings.DATABASE_PIN_SECONDS = 15
    settings.DATABASE_REPLICA_MAX_LAG = 5
    settings.DATABASE_REPLICA_CHECK_SECONDS = 3
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(
        middleware.index("django.contrib.sessions.middleware.SessionMiddleware"), PINNING
    )
    settings.MIDDLEWARE = middleware
    health.forget()

    def add(alias: str, **overrides) -> str:
        assert alias in REPLICA_ALIASES, alias
        connections[alias].close()
        del connections[alias]
        connections.settings[alias] = _replica_params(overrides)
        settings.DATABASE_REPLICAS = [*settings.DATABASE_REPLICAS, alias]
        return alias

    yield add
    for alias in REPLICA_ALIASES:
        connections[alias].close()
        del connections[alias]
        connections.settings[alias] = _replica_params({})
    health.forget()
