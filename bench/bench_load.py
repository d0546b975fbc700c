"""Load run against the production setup on loopback: gunicorn (4 sync workers) serving
config.settings.prod over a throwaway PostgreSQL cluster with 300 meisters.

Public pages and the API list, then booking, each reported as requests/s, p50 and p95 and as a
ratio to a bare Django view doing one query (/__bare__/ of bench/load_wsgi.py), served by the
same workers in the same run. Endpoints are measured in two interleaved rounds so that a noisy
neighbour on the shared 2 cores hits them all alike. Bounded: N requests per endpoint and round,
a deadline per phase; the cluster, gunicorn and temp files are removed even on failure.
"""

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.ops.booking import audit, book_slots, login_all  # noqa: E402
from bench.ops.client import Session, run_phase  # noqa: E402
from bench.ops.server import app_env, gunicorn, run_seed  # noqa: E402
from bench.pgcluster import pg_cluster  # noqa: E402

WORKERS = 4
CONCURRENCY = 8
PER_ROUND = 100
ROUNDS = 2
PHASE_SECONDS = 20.0
BOOKING_SLOTS = 120


def _get_phase(port: int, path: str, total: int) -> dict:
    sessions = [Session(port) for _ in range(CONCURRENCY)]

    def work(worker: int, n: int):
        status, _, latency = sessions[worker].request("GET", path)
        return status == 200, latency

    return run_phase(work, total, CONCURRENCY, PHASE_SECONDS)


def _merge(phases: list[dict]) -> dict:
    """Two rounds as one: requests/s over both, p50/p95 as the mean of the rounds'."""
    seconds = sum(p["seconds"] for p in phases)
    requests = sum(p["requests"] for p in phases)
    return {
        "requests": requests,
        "errors": sum(p["errors"] for p in phases),
        "requests_per_second": round(requests / seconds, 1) if seconds else 0.0,
        "p50_ms": round(sum(p["p50_ms"] for p in phases) / len(phases), 1),
        "p95_ms": round(sum(p["p95_ms"] for p in phases) / len(phases), 1),
    }


def _ratios(result: dict, bare: dict) -> None:
    result["rps_ratio_to_bare"] = round(
        result["requests_per_second"] / bare["requests_per_second"], 3
    )
    result["p95_ratio_to_bare"] = (
        round(result["p95_ms"] / bare["p95_ms"], 2) if bare["p95_ms"] else None
    )


def run() -> dict:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mh-load-") as tmp, pg_cluster() as pg:
        url = pg.create_database("meisterhub")
        env = app_env(url, Path(tmp) / "media")
        seed = run_seed(
            env,
            "load",
            "--meisters",
            "300",
            "--booking-meisters",
            "20",
            "--members",
            str(CONCURRENCY),
            "--slots",
            str(BOOKING_SLOTS),
        )
        seeded = time.monotonic()
        with gunicorn(env, workers=WORKERS, log_dir=Path(tmp)) as server:
            endpoints = {
                "bare": "/__bare__/",
                "home": "/",
                "meister_list": "/meisters/",
                "meister_profile": f"/meisters/{seed['profile_id']}/",
                "api_meister_list": "/api/meisters/?limit=24",
            }
            for path in endpoints.values():  # warm-up: imports, templates, connections
                _get_phase(server.port, path, 2 * WORKERS)
            rounds = {name: [] for name in endpoints}
            for _ in range(ROUNDS):
                for name, path in endpoints.items():
                    rounds[name].append(_get_phase(server.port, path, PER_ROUND))
            sessions = login_all(server.port, seed["members"], seed["password"])
            log: list[dict] = []
            booking = book_slots(
                sessions, seed["members"], seed["slots"], per_slot=2, seconds=60.0, log=log
            )
            workers_alive = server.process.poll() is None
        found = audit(url, [a["id"] for a in log if a["status"] == 201])
    pages = {name: _merge(phases) for name, phases in rounds.items()}
    for name in endpoints:
        if name != "bare":
            _ratios(pages[name], pages["bare"])
    _ratios(booking, pages["bare"])
    booking.update(
        {
            "double_bookings": found["duplicates"],
            "told_but_missing": found["missing"],
            "stored_bookings": found["stored_total"],
        }
    )
    return {
        "setup": {
            "server": f"gunicorn {WORKERS} sync workers, config.settings.prod",
            "database": "PostgreSQL (own throwaway cluster)",
            "concurrency": CONCURRENCY,
            "requests_per_endpoint": PER_ROUND * ROUNDS,
            "meisters": 300,
            "seed_seconds": round(seeded - started, 1),
            "server_alive": workers_alive,
        },
        "endpoints": pages,
        "booking": booking,
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), ensure_ascii=False, indent=2))
