"""After the load: what the clients were told against what the primary stores.

Messages are the outbox's e-mail rows created during the run (in-app rows are delivered when
written; the seeded members have no phone, so no SMS); every mail the sink received carries the
Message-ID the outbox stores as its provider id, so a row sent twice shows as an extra file.
A report job built twice leaves a second PDF (storage keeps both names).
"""

import collections
import re
from pathlib import Path

import psycopg

from bench.ops.booking import audit as booking_audit

PENDING = ("queued", "sending")


def high_water(url: str) -> dict:
    """The last ids before the load, so the audit looks only at what the run created."""
    with psycopg.connect(url) as conn:
        return {
            table: conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]  # noqa: S608
            for table in ("notifications_message", "reports_reportjob", "events_registration")
        }


def pending_work(url: str, since: dict) -> dict:
    with psycopg.connect(url) as conn:
        messages = conn.execute(
            "SELECT count(*) FROM notifications_message WHERE id > %s AND channel = 'email' "
            "AND status = ANY(%s)",
            [since["notifications_message"], list(PENDING)],
        ).fetchone()[0]
        jobs = conn.execute(
            "SELECT count(*) FROM reports_reportjob WHERE id > %s AND status IN ('queued', 'running')",
            [since["reports_reportjob"]],
        ).fetchone()[0]
    return {"messages": messages, "report_jobs": jobs}


def mail_files(folder: Path) -> collections.Counter:
    found = collections.Counter()
    for path in folder.glob("*.eml"):
        first = path.open("rb").readline().decode(errors="replace")
        found[first.partition(":")[2].strip()] += 1
    return found


def messages(url: str, since: dict, mail_dir: Path) -> dict:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT status, provider_id, id > %s FROM notifications_message WHERE channel = 'email'",
            [since["notifications_message"]],
        ).fetchall()
    run_rows = [(status, provider) for status, provider, in_run in rows if in_run]
    known_ids = {provider for _, provider, _ in rows if provider}
    files = mail_files(mail_dir)
    statuses = collections.Counter(status for status, _ in run_rows)
    sent_ids = {provider for status, provider in run_rows if status == "sent"}
    # A sent row with no mail in the sink was lost on the way; a mail no row knows was sent twice.
    sent_without_mail = sum(1 for p in sent_ids if files[p] == 0)
    extra_mails = sum(n for p, n in files.items() if p not in known_ids) + sum(
        n - 1 for n in files.values() if n > 1
    )
    queued = sum(n for status, n in statuses.items() if status != "skipped")
    return {
        "queued": queued,
        "done": statuses.get("sent", 0),
        "by_status": dict(statuses),
        "mails_received": sum(files.values()),
        "lost": sum(statuses.get(s, 0) for s in PENDING)
        + statuses.get("failed", 0)
        + sent_without_mail,
        "duplicated": extra_mails,
    }


def report_jobs(url: str, since: dict, told: list[int], media: Path) -> dict:
    with psycopg.connect(url) as conn:
        rows = dict(
            conn.execute(
                "SELECT id, status FROM reports_reportjob WHERE id > %s",
                [since["reports_reportjob"]],
            ).fetchall()
        )
    statuses = collections.Counter(rows.values())
    builds = collections.Counter()
    for path in (media / "reports" / "annual").glob("*.pdf"):
        found = re.match(r"annual-report-\d+-\w+?-(\d+)", path.stem)
        if found:
            builds[int(found.group(1))] += 1
    told_set = set(told)
    return {
        "told_queued": len(told),
        "stored": len(rows),
        "done": statuses.get("done", 0),
        "by_status": dict(statuses),
        "lost": len(told_set - set(rows)) + statuses.get("queued", 0) + statuses.get("running", 0),
        "duplicated": sum(n - 1 for n in builds.values() if n > 1),
    }


def registrations(url: str, since: dict, told: list[int], capacity: int) -> dict:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT id, event_id, user_id, status FROM events_registration WHERE id > %s",
            [since["events_registration"]],
        ).fetchall()
    seated = collections.Counter(e for _, e, _, s in rows if s in ("registered", "attended"))
    per_person = collections.Counter((e, u) for _, e, u, s in rows if s != "cancelled")
    stored = {pk for pk, *_ in rows}
    return {
        "told_succeeded": len(told),
        "stored": len(stored),
        "missing": len(set(told) - stored),
        "waitlisted": sum(1 for *_, s in rows if s == "waitlisted"),
        "events_over_capacity": sum(1 for n in seated.values() if n > capacity),
        "double_registrations": sum(n - 1 for n in per_person.values() if n > 1),
    }


def bookings(url: str, told: list[int]) -> dict:
    found = booking_audit(url, told)
    return {
        "told_succeeded": len(told),
        "stored": found["stored_total"],
        "missing": found["missing"],
        "stored_not_told": found["stored_not_told"],
        "double_bookings": found["duplicates"],
    }


def router_fallbacks(logs: Path) -> dict:
    """How often an app process found the replica too far behind, or down (its log notes)."""
    notes = {"lagging": 0, "unreachable": 0}
    for path in logs.glob("app*.log"):
        text = path.read_text(errors="replace")
        notes["lagging"] += len(re.findall(r"replica \S+ lags", text))
        notes["unreachable"] += len(re.findall(r"replica \S+ unreachable", text))
    return notes
