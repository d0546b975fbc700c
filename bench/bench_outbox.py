"""Messages: time from a booking to its mail being marked sent with a real `db_worker` running
(p50/p95 over 200 bookings), and messages sent per second by one worker draining a backlog.

Each database (a throw-away SQLite file, and PostgreSQL `bench_outbox` when reachable) runs in a
child process with the database task backend, as `make run` does.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOOKINGS = 200
BACKLOG = 100  # bookings whose mail and text wait for a stopped worker (3 queued rows each)


def _env(database_url: str) -> dict:
    return dict(os.environ, DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="config.settings.dev",
                TASKS_BACKEND="django_tasks_db.DatabaseBackend", TWO_FACTOR_REQUIRED="false",
                EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")


def _worker(*extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.05", "--no-startup-delay",
         "--no-reload", *extra], cwd=ROOT, env=os.environ.copy(),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _slots(count: int):
    from datetime import time as dtime

    from meisterhub.consultations.slots import aware
    from meisterhub.consultations.tests.factories import bookable_day, make_sitting_meister

    meisters = [make_sitting_meister(weekday=i % 5) for i in range(count // 8 + 5)]
    for meister in meisters:
        weekday = meister.rotation_blocks.first().weekday
        for week in range(1, 5):
            day = bookable_day(weekday, weeks=week)
            for hour in (10, 11):
                yield meister, aware(day, dtime(hour))


def _book_all(count: int, member, company, pace: float) -> int:
    from meisterhub.consultations.services import book_consultation
    from meisterhub.consultations.tests.factories import field
    from meisterhub.core.errors import DomainError

    made = 0
    for meister, starts_at in _slots(count * 2):
        if made == count:
            break
        try:
            book_consultation(actor=member, company=company, field=field(), meister=meister,
                              starts_at=starts_at, problem="TIG 용접부 기공", attachments=())
        except DomainError:
            continue
        made += 1
        time.sleep(pace)
    return made


def _wait_sent(deadline: float) -> None:
    from meisterhub.notifications.models import Message

    while Message.objects.filter(status__in=["queued", "sending"]).exists():
        if time.monotonic() > deadline:
            raise RuntimeError("messages still queued after the deadline")
        time.sleep(0.1)


def child() -> dict:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from meisterhub.accounts.tests.factories import UserFactory
    from meisterhub.companies.tests.factories import CompanyFactory, MembershipFactory
    from meisterhub.notifications.models import Message

    company = CompanyFactory()
    member = UserFactory(role="company_member", phone="+821012345678")
    MembershipFactory(user=member, company=company, position="admin")

    worker = _worker()
    try:
        time.sleep(3)  # the worker's own start-up is not part of a message's latency
        made = _book_all(BOOKINGS, member, company, pace=0.02)
        _wait_sent(time.monotonic() + 120)
    finally:
        worker.terminate()
        worker.wait(10)
    mails = Message.objects.filter(channel="email", recipient=member, status="sent")
    latency = sorted((m.sent_at - m.created_at).total_seconds() * 1000 for m in mails)
    Message.objects.all().delete()

    _book_all(BACKLOG, member, company, pace=0)
    queued = Message.objects.filter(status="queued").count()
    worker = _worker("--batch")
    worker.wait(300)
    sent = Message.objects.filter(status="sent", channel__in=["email", "sms"])
    first = min(sent.values_list("sent_at", flat=True))
    last = max(sent.values_list("sent_at", flat=True))
    span = (last - first).total_seconds() or 1e-9
    return {
        "bookings": made,
        "booking_to_mail_sent_ms": {"p50": round(statistics.median(latency), 1),
                                    "p95": round(latency[int(len(latency) * 0.95) - 1], 1),
                                    "n": len(latency)},
        "backlog_messages": queued,
        "one_worker_messages_per_s": round(sent.count() / span, 1),
        "duplicates": sent.count() - sent.values("key").distinct().count(),
    }


def _run_child(database_url: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child"], cwd=ROOT, env=_env(database_url),
                          capture_output=True, text=True, timeout=600, check=False)
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> dict:
    from bench.harness import PG_URL, admin_sql

    result = {}
    try:
        admin_sql("DROP DATABASE IF EXISTS bench_outbox WITH (FORCE)")
        admin_sql("CREATE DATABASE bench_outbox")
    except Exception as error:
        result["postgresql"] = {"skipped": f"PostgreSQL unreachable: {error.__class__.__name__}"}
    else:
        try:
            result["postgresql"] = _run_child(PG_URL.rsplit("/", 1)[0] + "/bench_outbox")
        finally:
            admin_sql("DROP DATABASE IF EXISTS bench_outbox WITH (FORCE)")
    with tempfile.TemporaryDirectory() as folder:
        result["sqlite"] = _run_child(f"sqlite:///{folder}/bench.sqlite3")
    return result


if __name__ == "__main__" and "--child" in sys.argv:
    sys.path.insert(0, str(ROOT))
    print(json.dumps(child()))
