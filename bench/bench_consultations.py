"""Consultations: slot computation for 100 meisters over 8 weeks, and booking under 20
concurrent clients (bookings per second, double bookings — must be 0).

Each database gets a fresh, dedicated database (SQLite file / PostgreSQL `bench_consultations`)
in a subprocess, migrated, seeded, measured and dropped. SQLite and PostgreSQL run side by side.
"""

import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/test")
PG_DB = "bench_consultations"
MEISTERS = 100
WEEKS = 8
CLIENTS = 20
PER_CLIENT = 12  # each client starts on its own run of slots, then runs into its neighbour's


def _seed():
    import random
    from datetime import date, timedelta
    from datetime import time as dtime

    from django.utils import timezone

    from meisterhub.accounts.models import User
    from meisterhub.companies.models import Company, Industry, Membership
    from meisterhub.consultations.models import Closure, MeisterLeave, RotationBlock
    from meisterhub.meisters.models import Field, Meister, MeisterField

    rng = random.Random(7)
    fields = list(Field.objects.all())
    meisters = Meister.objects.bulk_create(
        Meister(roster_id=f"B{i:04d}", name=f"벤치{i}", title="기술사", weekdays=str(i % 5))
        for i in range(MEISTERS)
    )
    MeisterField.objects.bulk_create(
        MeisterField(meister=m, field=fields[i % len(fields)], order=1)
        for i, m in enumerate(meisters)
    )
    blocks = []
    for i, m in enumerate(meisters):
        blocks.append(
            RotationBlock(meister=m, weekday=i % 5, start_time=dtime(10), end_time=dtime(12))
        )
        blocks.append(
            RotationBlock(
                meister=m,
                weekday=(i + 2) % 5,
                start_time=dtime(14),
                end_time=dtime(17),
                pattern="every_n",
                interval_weeks=2,
                anchor_date=date(2026, 1, 5),
            )
        )
    RotationBlock.objects.bulk_create(blocks)
    today = timezone.localdate()
    MeisterLeave.objects.bulk_create(
        MeisterLeave(
            meister=m,
            starts_on=today + timedelta(days=rng.randint(1, 40)),
            ends_on=today + timedelta(days=rng.randint(41, 45)),
            reason="출장",
        )
        for m in meisters[::10]
    )
    Closure.objects.create(
        starts_on=today + timedelta(days=20), ends_on=today + timedelta(days=20), reason="센터 휴관"
    )
    industry, _ = Industry.objects.get_or_create(code="29", defaults={"name": "기계"})
    members = []
    for i in range(CLIENTS):
        company = Company.objects.create(
            name=f"벤치기업{i}",
            brn=f"{1000000000 + i}",
            representative="대표",
            industry=industry,
            district="seongsan",
            address="창원",
        )
        user = User.objects.create(username=f"bench{i}", full_name=f"회원{i}")
        Membership.objects.create(user=user, company=company, status="active")
        members.append((user, company))
    return meisters, members


def _double_bookings() -> int:
    from meisterhub.consultations.models import ACTIVE_STATUSES, Booking

    rows = list(
        Booking.objects.filter(status__in=ACTIVE_STATUSES, channel="reservation")
        .order_by("meister_id", "starts_at")
        .values_list("meister_id", "starts_at", "ends_at")
    )
    return sum(a[0] == b[0] and b[1] < a[2] for a, b in itertools.pairwise(rows))


def worker() -> dict:
    import django

    django.setup()
    from datetime import timedelta

    from django.core.management import call_command
    from django.db import connection, connections
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from meisterhub.consultations.services import book_consultation
    from meisterhub.consultations.slots import free_slots
    from meisterhub.core.errors import DomainError
    from meisterhub.meisters.models import Field

    call_command("migrate", verbosity=0)
    meisters, members = _seed()
    ids = [m.pk for m in meisters]
    start = timezone.localdate()
    end = start + timedelta(weeks=WEEKS)
    timings = []
    for _ in range(5):
        began = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            result = free_slots(ids, start, end)
        timings.append((time.perf_counter() - began) * 1000)
    slot_count = sum(len(v) for v in result.values())

    pool = [s for mid in ids for s in result[mid]][: CLIENTS * PER_CLIENT]
    by_id = {m.pk: m for m in meisters}
    field = Field.objects.first()
    outcome = {"booked": 0, "refused": 0, "errors": 0}
    lock = threading.Lock()
    barrier = threading.Barrier(CLIENTS)

    def client(n: int):
        user, company = members[n]
        # Two passes over its own run and the next client's: half the attempts collide.
        offset = n * PER_CLIENT
        order = (pool[offset:] + pool[:offset])[: 2 * PER_CLIENT]
        barrier.wait()
        for slot in order:
            try:
                book_consultation(
                    actor=user,
                    company=company,
                    field=field,
                    meister=by_id[slot.meister_id],
                    starts_at=slot.starts_at,
                    problem="벤치 상담",
                )
                key = "booked"
            except DomainError:
                key = "refused"
            except Exception:  # e.g. a lock timeout: counted, never hidden
                key = "errors"
            with lock:
                outcome[key] += 1
        connections.close_all()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    return {
        "slots_100_meisters_8_weeks_ms": round(statistics.median(timings), 1),
        "slots_computed": slot_count,
        "slot_queries": len(queries),
        "booking_clients": CLIENTS,
        "booking_attempts": sum(outcome.values()),
        "bookings_succeeded": outcome["booked"],
        "bookings_refused_taken": outcome["refused"],
        "booking_errors": outcome["errors"],
        "slots_offered": len(pool),
        "bookings_per_second": round(outcome["booked"] / elapsed, 1),
        "attempts_per_second": round(sum(outcome.values()) / elapsed, 1),
        "double_bookings": _double_bookings(),
    }


def _run_worker(database_url: str) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
    }
    done = subprocess.run(
        [sys.executable, __file__, "--worker"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=170,
        check=False,
    )
    if done.returncode:
        return {"error": done.stderr[-1500:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(
        PG_URL.replace("postgres://", "postgresql://", 1), autocommit=True, connect_timeout=3
    ) as conn:
        conn.execute(sql)


def run() -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = _run_worker(f"sqlite:///{tmp}/bench.sqlite3")
    try:
        _pg(f"DROP DATABASE IF EXISTS {PG_DB}")
        _pg(f"CREATE DATABASE {PG_DB}")
    except Exception as error:  # PostgreSQL not reachable: report SQLite alone
        results["postgresql"] = {"skipped": f"PostgreSQL unreachable: {error}"}
        return results
    try:
        results["postgresql"] = _run_worker(PG_URL.rsplit("/", 1)[0] + f"/{PG_DB}")
    finally:
        _pg(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
    pg, lite = results["postgresql"], results["sqlite"]
    if (
        "bookings_per_second" in pg
        and "bookings_per_second" in lite
        and lite["bookings_per_second"]
    ):
        results["postgresql_vs_sqlite_bookings_per_second"] = round(
            pg["bookings_per_second"] / lite["bookings_per_second"], 2
        )
    return results


if __name__ == "__main__":
    if "--worker" in sys.argv:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(worker()))
    else:
        print(json.dumps(run(), ensure_ascii=False, indent=2))
