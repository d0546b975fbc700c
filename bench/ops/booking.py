"""Booking under load through POST /api/consultations/bookings, and the database audit after.

Every slot is attempted by `per_slot` different clients back to back, so the no-double-booking
rule is raced on every slot; the audit compares what clients were told with what is stored.
"""

import json
import threading
import time

from bench.ops.client import Session, run_phase

BOOK_PATH = "/api/consultations/bookings"


def login_all(port: int, members: list[dict], password: str) -> list[Session]:
    sessions = []
    for member in members:
        session = Session(port)
        session.login(member["username"], password)
        sessions.append(session)
    return sessions


RETRY_PAUSE = 0.2  # seconds; shorter than the 5 s the app asks for, to keep the run bounded


def book_slots(sessions, members, slots, *, per_slot=2, seconds=60.0, log=None, stop=None) -> dict:
    """Attempt every slot `per_slot` times; each attempt is appended to `log` as a dict.
    Ends when the slots or `seconds` run out, or when stop() returns True."""
    log = [] if log is None else log
    lock = threading.Lock()
    items = [slot for slot in slots for _ in range(per_slot)]

    def work(worker: int, n: int):
        slot, member = items[n], members[worker % len(members)]
        started = time.monotonic()
        status, body, latency = sessions[worker % len(sessions)].post_json(
            BOOK_PATH,
            {
                "company_id": member["company_id"],
                "field": slot["field"],
                "meister_id": slot["meister_id"],
                "starts_at": slot["starts_at"],
                "problem": "프레스 금형 크랙 반복 발생, 원인 분석 요청",
            },
        )
        booking_id = json.loads(body)["id"] if status == 201 else None
        if status == 503:
            time.sleep(RETRY_PAUSE)  # the app said "Retry-After": a polite client slows down
        with lock:
            log.append(
                {
                    "slot": n // per_slot,
                    "status": status,
                    "id": booking_id,
                    "started": started,
                    "ended": time.monotonic(),
                }
            )
        return status in (201, 409), latency  # 409 is the rule working, not an error

    stats = run_phase(work, len(items), len(sessions), seconds, stop)
    told = [a for a in log if a["status"] == 201]
    stats.update(
        {
            "attempts": len(log),
            "told_succeeded": len(told),
            "refused_taken": sum(a["status"] == 409 for a in log),
            "bookings_per_second": round(len(told) / stats["seconds"], 1)
            if stats["seconds"]
            else 0,
        }
    )
    return stats


def audit(database_url: str, told_ids: list[int]) -> dict:
    """Compare the clients' success list with the table; count overlapping active bookings."""
    import psycopg

    with psycopg.connect(database_url) as conn:
        stored = {
            row[0]
            for row in conn.execute(
                "SELECT id FROM consultations_booking WHERE channel = 'reservation'"
            )
        }
        overlapping = conn.execute(
            """SELECT count(*) FROM consultations_booking a JOIN consultations_booking b
               ON a.meister_id = b.meister_id AND a.id < b.id
              AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
              WHERE a.status IN ('requested', 'confirmed', 'completed')
                AND b.status IN ('requested', 'confirmed', 'completed')
                AND a.channel = 'reservation' AND b.channel = 'reservation'"""
        ).fetchone()[0]
    told = set(told_ids)
    return {
        "found": len(told & stored),
        "missing": len(told - stored),
        "duplicates": overlapping + (len(told_ids) - len(told)),
        "stored_total": len(stored),
        "stored_not_told": len(stored - told),  # committed, but the reply was lost
    }
