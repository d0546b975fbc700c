"""PostgreSQL restarted (`pg_ctl restart -m fast`) in the middle of a booking load run.

gunicorn keeps running throughout; afterwards the clients' success list is compared with the
table. Shared by bench/bench_faults.py and tests/ops/test_faults.py (shorter).
"""

import itertools
import threading
import time
from pathlib import Path

from bench.ops.booking import audit, book_slots, login_all
from bench.ops.server import app_env, gunicorn, run_seed

OK = (201, 409)  # booked, or refused because the slot is taken: the app answered properly
SETTLE_ANSWERS = 30  # proper answers to see after the restart before the run may end
HARD_CAP = 90.0  # seconds: the run ends then whatever happened


def _recovery(log: list[dict], restart_at: float, database_up: float) -> dict:
    failed = [a for a in log if a["status"] not in OK]
    outage_end = max((a["ended"] for a in failed), default=database_up)
    after = [a["ended"] for a in log if a["status"] in OK and a["started"] >= outage_end]
    recovered = min(after, default=None)
    return {
        "errors_during_outage": sum(1 for a in failed if a["ended"] >= restart_at),
        "errors_before_restart": sum(1 for a in failed if a["ended"] < restart_at),
        "error_statuses": sorted({a["status"] for a in failed}),
        "database_down_seconds": round(database_up - restart_at, 2),
        "seconds_to_recovery": round(recovered - restart_at, 2) if recovered else None,
        "answered_after_recovery": len(after),
    }


def fault_run(
    pg,
    *,
    database_url: str,
    workdir: Path,
    meisters: int,
    clients: int,
    seconds: float,
    restart_after: float,
    slots: int,
    workers: int = 4,
    settle_answers: int = SETTLE_ANSWERS,
) -> dict:
    """Book for `seconds`; restart PostgreSQL `restart_after` seconds in. pg: a Cluster.
    The run goes on past `seconds` (up to HARD_CAP) until the app has answered properly
    `settle_answers` times after the database came back, so recovery is always observed."""
    phases = {"started": time.monotonic()}
    env = app_env(database_url, workdir / "media")
    seed = run_seed(
        env,
        "load",
        "--meisters",
        str(meisters),
        "--booking-meisters",
        str(meisters),
        "--members",
        str(clients),
        "--slots",
        str(slots),
    )
    phases["seeded"] = time.monotonic()
    with gunicorn(env, workers=workers, log_dir=workdir) as server:
        phases["served"] = time.monotonic()
        sessions = login_all(server.port, seed["members"], seed["password"])
        master, before = server.pid, server.worker_pids()
        log: list[dict] = []
        marks: dict[str, float] = {}

        def restart() -> None:
            time.sleep(restart_after)
            marks["restart"] = time.monotonic()
            pg.restart("fast")
            marks["up"] = time.monotonic()

        def settled() -> bool:
            if "up" not in marks or time.monotonic() - began < seconds:
                return False
            answered = sum(a["status"] in OK and a["started"] > marks["up"] for a in log)
            return answered >= settle_answers

        controller = threading.Thread(target=restart, daemon=True)
        began = phases["booking"] = time.monotonic()
        controller.start()
        stats = book_slots(
            sessions,
            seed["members"],
            seed["slots"],
            per_slot=2,
            seconds=HARD_CAP,
            log=log,
            stop=settled,
        )
        controller.join(timeout=90)
        after = server.worker_pids()
        app_alive = server.process.poll() is None
        phases["booked"] = time.monotonic()
    phases["stopped"] = time.monotonic()
    if "up" not in marks:
        raise RuntimeError("the restart of PostgreSQL did not finish")
    told = [a["id"] for a in log if a["status"] == 201]
    result = {
        "attempts": stats["attempts"],
        "told_succeeded": len(told),
        "refused_taken": stats["refused_taken"],
        **audit(database_url, told),
        **_recovery(log, marks["restart"], marks["up"]),
        "restart_at_second": restart_after,
        "run_seconds": stats["seconds"],
        "app_restarted": not app_alive or server.pid != master,
        "workers_replaced": len(set(before) - set(after)),
    }
    result["found_equals_told"] = result["found"] == result["told_succeeded"]
    names = list(phases)
    result["phase_seconds"] = {
        f"{a}->{b}": round(phases[b] - phases[a], 1) for a, b in itertools.pairwise(names)
    }
    return result
