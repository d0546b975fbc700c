"""20 concurrent clients reserving overlapping ranges of one room; overlaps must be 0.

Runs on a dedicated PostgreSQL database (created and dropped here) and, side by side, on a
throw-away SQLite file. Skips with a note when PostgreSQL is unreachable.
"""

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DB_NAME = "bench_facilities"
CLIENTS = 20


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
    from meisterhub.companies.models import Company, Industry, Membership
    from meisterhub.core.errors import DomainError
    from meisterhub.facilities.models import Facility, Reservation
    from meisterhub.facilities.services import create_reservation
    from meisterhub.facilities.tests.factories import WEEKDAY_HOURS, at, next_monday

    industry, _ = Industry.objects.get_or_create(code="29", defaults={"name": "기계"})
    company = Company.objects.create(name="벤치기업", brn="1234567891", representative="홍길동",
                                     industry=industry, district="seongsan", address="창원")
    users = []
    for n in range(CLIENTS):
        user = User.objects.create(username=f"bench{n}", full_name=f"벤치{n}")
        Membership.objects.create(user=user, company=company, status="active")
        users.append(user)
    room = Facility.objects.create(center="startup", kind="meeting_room", name="벤치 회의실",
                                   capacity=10, opening_hours=WEEKDAY_HOURS, buffer_minutes=10)
    monday = next_monday()
    outcomes: list[str] = []
    barrier = threading.Barrier(CLIENTS)

    def attempt(n: int) -> None:
        # Client n wants 09:00 + 20n minutes for an hour: each range overlaps its neighbours.
        start = at(monday, 9) + (at(monday, 9, 20) - at(monday, 9)) * n
        try:
            barrier.wait()
            create_reservation(actor=users[n], facility=room, company=company, headcount=2,
                               purpose="벤치", starts_at=start,
                               ends_at=start + (at(monday, 10) - at(monday, 9)))
            outcomes.append("ok")
        except DomainError as error:
            outcomes.append(error.code)
        except Exception as error:  # reported, not hidden: anything else is a bug
            outcomes.append(f"{error.__class__.__name__}: {error}")
        finally:
            connections.close_all()

    started = time.perf_counter()
    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    rows = list(Reservation.objects.filter(status__in=Reservation.ACTIVE))
    overlaps = sum(1 for i, a in enumerate(rows) for b in rows[i + 1:]
                   if a.blocked_from < b.blocked_until and b.blocked_from < a.blocked_until)
    print(json.dumps({
        "backend": connection.vendor, "clients": CLIENTS, "successes": outcomes.count("ok"),
        "conflicts": outcomes.count("conflict"), "other": len(outcomes) - outcomes.count("ok")
        - outcomes.count("conflict"), "overlaps": overlaps, "seconds": round(seconds, 3),
        "errors": sorted({o for o in outcomes if o not in ("ok", "conflict")})[:3],
    }))


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        child()
    else:
        print(json.dumps(run(), ensure_ascii=False, indent=2))
