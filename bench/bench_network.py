"""The staff inquiry desk at scale: 20,000 inquiries, the overdue filter, the summary counts and
the first page, on a throw-away SQLite file and a dedicated PostgreSQL database side by side.
Also reports whether the (status, deadline) index is what the overdue query uses."""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("PG_TEST_URL", "postgres://postgres@127.0.0.1:5432/test")
DB_NAME = "bench_network"
INQUIRIES = 20_000
REPEAT = 20


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL.replace("postgres://", "postgresql://", 1), autocommit=True,
                         connect_timeout=3) as conn:
        conn.execute(sql)


def _child(url: str) -> dict:
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="config.settings.dev")
    done = subprocess.run([sys.executable, __file__, "--child"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=170, check=False)
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> dict:
    result = {}
    try:
        _admin(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        _admin(f"CREATE DATABASE {DB_NAME}")
    except Exception as error:
        result["postgresql"] = {"skipped": f"PostgreSQL unreachable: {error.__class__.__name__}"}
    else:
        try:
            result["postgresql"] = _child(PG_URL.rsplit("/", 1)[0] + "/" + DB_NAME)
        finally:
            _admin(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
    with tempfile.TemporaryDirectory() as folder:
        result["sqlite"] = _child(f"sqlite:///{folder}/bench.sqlite3")
    return result


def _timed(action) -> float:
    start = time.perf_counter()
    for _ in range(REPEAT):
        action()
    return round((time.perf_counter() - start) / REPEAT * 1000, 2)


def child() -> dict:
    import random
    from datetime import timedelta

    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from meisterhub.network.models import Inquiry
    from meisterhub.network.selectors import inquiry_desk, inquiry_summary

    rng = random.Random(9)
    today = timezone.localdate()
    # Most inquiries are long closed; a few hundred are open, some past their deadline.
    statuses = ["closed"] * 90 + ["answered"] * 6 + ["routed"] * 2 + ["received"] * 2
    Inquiry.objects.bulk_create(
        [Inquiry(channel="web", category="program", title=f"문의 {n}", body="내용",
                 name="문의자", email="a@example.kr", status=rng.choice(statuses),
                 deadline=today - timedelta(days=rng.randint(-5, 900)))
         for n in range(INQUIRIES)], batch_size=2000)
    overdue = inquiry_desk(overdue_only=True)
    sql, params = overdue.order_by().values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
        cursor.execute(prefix + sql, params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    return {
        "inquiries": INQUIRIES,
        "overdue": overdue.count(),
        "overdue_first_page_ms": _timed(lambda: list(overdue[:50])),
        "desk_first_page_ms": _timed(lambda: list(inquiry_desk()[:50])),
        "summary_ms": _timed(inquiry_summary),
        "overdue_uses_status_deadline_index": "network_inq_status_deadline" in plan,
    }


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(child()))
    else:
        print(json.dumps(run(), indent=2, ensure_ascii=False))
