"""A throwaway PostgreSQL primary with a streaming replica made by `pg_basebackup -R`.

The replica applies every commit `apply_delay` late (recovery_min_apply_delay), so a read that
goes to it right after a write would see the old data: the drill counts those reads.
Both nodes load pg_stat_statements, which is how the drill counts where reads were served.
"""

import contextlib
import shutil
import tempfile
import time
from pathlib import Path

import psycopg

from bench.pgcluster import Cluster, free_port, pg_bindir

OPTIONS = (
    "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top "
    "-c max_connections=120 -c fsync=off -c synchronous_commit=off"
)


class Node(Cluster):
    """A Cluster that also loads pg_stat_statements and allows more connections."""

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 "
            f"-c logging_collector=off {OPTIONS}"
        )
        self._cmd(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )


def make_replica(primary: Node, root: Path, apply_delay: float) -> Node:
    replica = Node(primary.bindir, root, free_port())
    replica.sockets.mkdir()
    if replica.as_postgres:
        shutil.chown(root, "postgres", "postgres")
        shutil.chown(replica.sockets, "postgres", "postgres")
    replica._cmd(
        str(primary.bindir / "pg_basebackup"),
        "-h",
        "127.0.0.1",
        "-p",
        str(primary.port),
        "-U",
        "postgres",
        "-D",
        str(replica.data),
        "-R",
        "-X",
        "stream",
        "--no-sync",
        "--checkpoint=fast",
        timeout=180,
    )
    with (replica.data / "postgresql.auto.conf").open("a") as conf:
        conf.write(f"recovery_min_apply_delay = '{int(apply_delay * 1000)}ms'\n")
        conf.write("hot_standby = on\n")
    replica.start()
    return replica


def wait_streaming(primary: Node, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    with psycopg.connect(primary.url(), autocommit=True) as conn:
        while time.monotonic() < deadline:
            row = conn.execute("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")
            if row.fetchone()[0]:
                return
            time.sleep(0.3)
    raise RuntimeError("the replica did not start streaming")


@contextlib.contextmanager
def primary_and_replica(dbname: str, apply_delay: float):
    """Yields (primary, replica) with `dbname` created (and pg_stat_statements in it) before
    the base backup; both stopped and their directories removed at the end."""
    bindir = pg_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries are missing (/usr/lib/postgresql/*/bin)")
    base = Path(tempfile.mkdtemp(prefix="mh-drill-pg-"))
    (base / "primary").mkdir()
    (base / "replica").mkdir()
    primary = Node(bindir, base / "primary", free_port())
    if primary.as_postgres:  # initdb refuses root: the server user must reach its folders
        shutil.chown(base, "postgres", "postgres")
    replica = None
    try:
        primary.init()
        primary.start()
        primary.create_database(dbname)
        with psycopg.connect(primary.url(dbname), autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        replica = make_replica(primary, base / "replica", apply_delay)
        wait_streaming(primary)
        yield primary, replica
    finally:
        for node in (replica, primary):
            if node is not None:
                with contextlib.suppress(Exception):
                    node.stop()
        shutil.rmtree(base, ignore_errors=True)


def read_counts(node: Node, dbname: str) -> dict:
    """Read statements served by one node (pg_stat_statements, SELECTs of the app's database,
    the router's own lag probe left out) and its transactions (pg_stat_database)."""
    with psycopg.connect(node.url(dbname), autocommit=True) as conn:
        reads = conn.execute(
            """SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s
               JOIN pg_database d ON d.oid = s.dbid
              WHERE d.datname = %s AND s.query ILIKE 'select%%'
                AND s.query NOT ILIKE '%%pg_last_xact_replay_timestamp%%'
                AND s.query NOT ILIKE '%%pg_stat_statements%%'""",
            [dbname],
        ).fetchone()[0]
        xacts = conn.execute(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s",
            [dbname],
        ).fetchone()[0]
    return {"select_statements": int(reads), "transactions": int(xacts)}


def reset_counts(node: Node, dbname: str) -> None:
    with psycopg.connect(node.url(dbname), autocommit=True) as conn:
        conn.execute("SELECT pg_stat_statements_reset()")
