"""The staff inquiry desk at scale: 20,000 inquiries, the overdue filter, the summary counts and
the first page, on a throw-away SQLite file and a dedicated PostgreSQL database side by side.
Also reports whether the (status, deadline) index is what the overdue query uses."""

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DB_NAME = "bench_network"
INQUIRIES = 20_000
REPEAT = 20


def run() -> dict:
    from bench.harness import on_both_databases

    return on_both_databases(__file__, DB_NAME)


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
