"""One throwaway PostgreSQL cluster for the operations tests, with a migrated template
database: each test copies it (a fast file copy) instead of migrating again."""

import tempfile
from pathlib import Path

import pytest

from bench.ops.server import app_env, run_seed
from bench.pgcluster import pg_bindir, pg_cluster

TEMPLATE = "mh_template"

needs_postgresql = pytest.mark.skipif(
    pg_bindir() is None, reason="PostgreSQL server binaries (/usr/lib/postgresql/*/bin) missing"
)


@pytest.fixture(scope="session")
def pg():
    with tempfile.TemporaryDirectory(prefix="mh-ops-") as tmp, pg_cluster() as cluster:
        url = cluster.create_database(TEMPLATE)
        run_seed(app_env(url, Path(tmp) / "media"), "migrate")
        yield cluster


@pytest.fixture
def fresh_database(pg):
    """A new migrated database in the throwaway cluster: fresh_database(name) -> URL."""
    return lambda name: pg.create_database(name, template=TEMPLATE)
