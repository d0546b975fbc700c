"""A race of 50 clients for the last 5 seats of an event: exactly 5 get in, the rest wait.

Runs on a dedicated PostgreSQL database (created and dropped here) and, side by side, on a
throw-away SQLite file. Skips with a note when PostgreSQL is unreachable.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("PG_TEST_URL", "postgres://postgres@127.0.0.1:5432/test")
DB_NAME = "bench_events"
CLIENTS = 50
CAPACITY = 25
LAST_SEATS = 5


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL.replace("postgres://", "postgresql://", 1), autocommit=True,
                         connect_timeout=3) as conn:
        conn.execute(sql)


def _child(url: str) -> dict:
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="config.settings.dev",
               TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
               EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
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
            url = PG_URL.rsplit("/", 1)[0] + "/" + DB_NAME
            result["postgresql"] = _child(url)
        finally:
            _admin(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
    with tempfile.TemporaryDirectory() as folder:
        result["sqlite"] = _child(f"sqlite:///{folder}/bench.sqlite3")
    pg = result.get("postgresql", {})
    if "seconds" in pg:
        result["pg_over_sqlite_seconds"] = round(pg["seconds"] / result["sqlite"]["seconds"], 2)
    return result


def child() -> None:
    import threading

    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections

    call_command("migrate", verbosity=0)
    from meisterhub.accounts.models import User
    from meisterhub.core.errors import DomainError
    from meisterhub.events.models import Registration
    from meisterhub.events.services import register_for_event
    from meisterhub.events.tests.factories import make_event

    event = make_event(capacity=CAPACITY)
    for n in range(CAPACITY - LAST_SEATS):
        register_for_event(actor=User.objects.create(username=f"early{n}"), event=event)
    users = [User.objects.create(username=f"racer{n}", full_name=f"참가자{n}")
             for n in range(CLIENTS)]
    outcomes: list[str] = []
    barrier = threading.Barrier(CLIENTS)

    def attempt(user) -> None:
        try:
            barrier.wait()
            outcomes.append(register_for_event(actor=user, event=event).status)
        except DomainError as error:
            outcomes.append(error.code)
        except Exception as error:  # reported, not hidden: anything else is a bug
            outcomes.append(f"{error.__class__.__name__}: {error}")
        finally:
            connections.close_all()

    started = time.perf_counter()
    threads = [threading.Thread(target=attempt, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    racers = Registration.objects.filter(event=event, user__username__startswith="racer")
    print(json.dumps({
        "backend": connection.vendor, "clients": CLIENTS, "free_seats": LAST_SEATS,
        "registrations": racers.filter(status="registered").count(),
        "waitlisted": racers.filter(status="waitlisted").count(),
        "seated_total": Registration.objects.filter(event=event, status="registered").count(),
        "capacity": CAPACITY, "seconds": round(seconds, 3),
        "errors": sorted({o for o in outcomes if o not in ("registered", "waitlisted")})[:3],
    }))


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        child()
    else:
        print(json.dumps(run(), ensure_ascii=False, indent=2))
