"""A race of 50 clients for the last 5 seats of an event: exactly 5 get in, the rest wait.

Runs on a dedicated PostgreSQL database (created and dropped here) and, side by side, on a
throw-away SQLite file. Skips with a note when PostgreSQL is unreachable.
"""

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DB_NAME = "bench_events"
CLIENTS = 50
CAPACITY = 25
LAST_SEATS = 5


def run() -> dict:
    from bench.harness import on_both_databases

    return on_both_databases(__file__, DB_NAME)


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
