"""Run a benchmark's `--child` part on a dedicated PostgreSQL database (created and dropped
here) and, side by side, on a throw-away SQLite file. PostgreSQL being unreachable is a note in
the result, not a failure."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("PG_TEST_URL", "postgres://postgres@127.0.0.1:5432/test")


def admin_sql(sql: str) -> None:
    import psycopg

    url = PG_URL.replace("postgres://", "postgresql://", 1)
    with psycopg.connect(url, autocommit=True, connect_timeout=3) as conn:
        conn.execute(sql)


def run_child(script: str, database_url: str, *, timeout: int = 170) -> dict:
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    done = subprocess.run(
        [sys.executable, script, "--child"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=timeout, check=False,
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def on_both_databases(script: str, db_name: str, *, timeout: int = 170) -> dict:
    result = {}
    try:
        admin_sql(f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)")
        admin_sql(f"CREATE DATABASE {db_name}")
    except Exception as error:  # any connection failure means: no PostgreSQL here
        result["postgresql"] = {"skipped": f"PostgreSQL unreachable: {error.__class__.__name__}"}
    else:
        try:
            url = PG_URL.rsplit("/", 1)[0] + "/" + db_name
            result["postgresql"] = run_child(script, url, timeout=timeout)
        finally:
            admin_sql(f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)")
    with tempfile.TemporaryDirectory() as folder:
        result["sqlite"] = run_child(script, f"sqlite:///{folder}/bench.sqlite3", timeout=timeout)
    pg = result.get("postgresql", {})
    if "seconds" in pg and result["sqlite"].get("seconds"):
        result["pg_over_sqlite_seconds"] = round(pg["seconds"] / result["sqlite"]["seconds"], 2)
    return result
