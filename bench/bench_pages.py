"""What the public pages and the booking POST cost, next to a bare one-query Django view.

The production setup on loopback (issue 16): gunicorn with 4 sync workers serving
config.settings.prod over PostgreSQL (a database `bench_pages` on PG_TEST_URL's server, created
and dropped here), 8 closed-loop connections. Pages are driven by `wrk` when Debian's package is
installed (a light client: the two shared cores stay with the server), else by bench/ops/client.
The bare view (/__bare__/ of bench/load_wsgi.py) is measured in the same run before and after
the pages; ratios are against the mean. At 1× data (1,000 meisters, 10,000 consultations,
10,000 inquiries) and 10×. The booking POST is also set beside the least a signed-in write
costs (/__bare_write__/ of bench/load_urls.py: same middleware, one INSERT). Then per-worker
private memory (USS) with and without --preload, after each worker answered matcher queries.
"""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.harness import PG_URL, admin_sql  # noqa: E402
from bench.ops.booking import book_slots, login_all  # noqa: E402
from bench.ops.client import Session, run_phase  # noqa: E402
from bench.ops.server import app_env, gunicorn  # noqa: E402
from bench.pgcluster import free_port  # noqa: E402

WORKERS = 4
CONNECTIONS = 8
SECONDS = float(os.environ.get("BENCH_PAGES_SECONDS", "6"))
SCALES = [int(s) for s in os.environ.get("BENCH_PAGES_SCALES", "1,10").split(",")]
DB_NAME = os.environ.get("BENCH_PAGES_DB", "bench_pages")
SLOW_PAGE_REQUESTS = 24
BARE_WRITE_PATH = "/__bare_write__/"  # bench/load_urls.py
CONF = ROOT / "config" / "gunicorn.conf.py"
GUNICORN_CONF = ("-c", str(CONF)) if CONF.exists() else ()
MATCHER_QUERY = (
    "/matching/suggest/?text=%EC%9A%A9%EC%A0%91%EB%B6%80+%EA%B7%A0%EC%97%B4+%EB%B0%9C%EC%83%9D"
)
# wrk reports p50/p95 and counts as JSON on its last line (its --latency table has no p95).
WRK_SCRIPT = """
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.headers["Accept-Language"] = "ko"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %d, "seconds": %.3f, "p50_us": %d, "p95_us": %d, '
    .. '"errors": %d, "non_2xx": %d}\\n', summary.requests, summary.duration / 1e6,
    latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def _wrk(port: int, path: str, script: Path) -> dict:
    done = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{int(SECONDS)}s",
            "--timeout",
            "30s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        timeout=SECONDS + 60,
        check=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "requests": found["requests"],
        "errors": found["errors"] + found["non_2xx"],
        "requests_per_second": round(found["requests"] / found["seconds"], 1),
        "p50_ms": round(found["p50_us"] / 1000, 1),
        "p95_ms": round(found["p95_us"] / 1000, 1),
    }


def _python_client(port: int, path: str, *, total=1_000_000, seconds=SECONDS) -> dict:
    sessions = [Session(port, timeout=60) for _ in range(CONNECTIONS)]

    def work(worker: int, n: int):
        status, _, latency = sessions[worker].request("GET", path)
        return status == 200, latency

    return run_phase(work, total, CONNECTIONS, seconds)


def _signed_in_writes(sessions: list[Session], seconds=SECONDS) -> dict:
    """The bare signed-in write (bench/load_urls.py), from the booking's own sessions."""

    def work(worker: int, n: int):
        status, _, latency = sessions[worker % len(sessions)].post_json(BARE_WRITE_PATH, {})
        return status == 201, latency

    return run_phase(work, 1_000_000, len(sessions), seconds)


def _measure(port: int, path: str, script: Path | None) -> dict:
    found = _wrk(port, path, script) if script else _python_client(port, path)
    if found["requests"] < SLOW_PAGE_REQUESTS:
        # wrk drops what is still in flight at its end: a page of seconds needs a count-bounded
        # run, so that its figures are of finished requests
        _wait_idle(port)
        found = _python_client(port, path, total=SLOW_PAGE_REQUESTS, seconds=120)
        found["client"] = "bench/ops/client, count-bounded (slow page)"
    return found


def _ratio(result: dict, bare_rps: float, key: str = "ratio_to_bare") -> dict:
    result[key] = round(result["requests_per_second"] / bare_rps, 3) if bare_rps else None
    return result


def _seed(env: dict, scale: int, timeout: int = 900) -> dict:
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.ops.pages_seed",
            "--scale",
            str(scale),
            "--members",
            str(CONNECTIONS),
            "--slots",
            "3000",
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"seed failed:\n{done.stderr[-3000:]}")
    seed = json.loads(done.stdout.strip().splitlines()[-1])
    seed["seconds"] = round(time.monotonic() - started, 1)
    return seed


def _double_bookings(database_url: str) -> int:
    """Overlapping active reservations from now on (the seeded past ones never overlap, and
    bench/ops/booking.audit's self-join over 100,000 of them would take minutes)."""
    import psycopg

    with psycopg.connect(database_url) as conn:
        return conn.execute(
            """WITH f AS (SELECT id, meister_id, starts_at, ends_at FROM consultations_booking
                 WHERE starts_at > now() AND channel = 'reservation'
                   AND status IN ('requested', 'confirmed', 'completed'))
               SELECT count(*) FROM f a JOIN f b ON a.meister_id = b.meister_id
                AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"""
        ).fetchone()[0]


@contextlib.contextmanager
def _redis():
    """A throwaway redis-server on a free loopback port: the workers' shared cache (stamps and
    fragments must be shared by the 4 workers; config/gunicorn.conf.py turns page caching off
    on a per-process cache). None when Debian's redis-server is not installed."""
    if not shutil.which("redis-server"):
        yield None
        return
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_idle(port: int, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, _, latency = Session(port, timeout=60).request("GET", "/__bare__/")
        if status == 200 and latency < 0.1:
            return
        time.sleep(1)


def _pages_at(scale: int, tmp: Path, script: Path | None, redis_url: str | None) -> dict:
    admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
    admin_sql(f"CREATE DATABASE {DB_NAME}")
    try:
        url = PG_URL.rsplit("/", 1)[0] + "/" + DB_NAME
        env = {**app_env(url, tmp / "media"), "MATCHER_WARMUP": "false"}
        if redis_url:
            env["REDIS_URL"] = redis_url
        seed = _seed(env, scale)
        endpoints = {
            "home": "/",
            "week_schedule": "/consultations/",
            "meister_list": "/meisters/",
            "meister_profile": f"/meisters/{seed['profile_id']}/",
            "programs": "/programs/",
            "events": "/events/",
        }
        with gunicorn(env, workers=WORKERS, log_dir=tmp, extra=GUNICORN_CONF) as server:
            for path in ["/__bare__/", *endpoints.values()]:  # warm-up: imports, templates
                for _ in range(2 * WORKERS):
                    Session(server.port, timeout=60).request("GET", path)
            bare_before = _measure(server.port, "/__bare__/", script)
            pages = {name: _measure(server.port, path, script) for name, path in endpoints.items()}
            bare_after = _measure(server.port, "/__bare__/", script)
            _wait_idle(server.port)  # requests wrk left queued (a slow page) drain first
            # The booking POST needs a session, a CSRF token and a new slot per request: the
            # Python client drives it, so it is compared with the bare view under that client.
            bare_python = _python_client(server.port, "/__bare__/")
            sessions = login_all(server.port, seed["members"], seed["password"])
            bare_write = _signed_in_writes(sessions)
            log: list[dict] = []
            booking = book_slots(
                sessions, seed["members"], seed["slots"], per_slot=1, seconds=SECONDS, log=log
            )
        double_bookings = _double_bookings(url)
    finally:
        admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
    bare_rps = (bare_before["requests_per_second"] + bare_after["requests_per_second"]) / 2
    for result in pages.values():
        _ratio(result, bare_rps)
    booking = {
        k: booking[k]
        for k in (
            "requests",
            "errors",
            "requests_per_second",
            "p50_ms",
            "p95_ms",
            "told_succeeded",
            "refused_taken",
        )
    }
    booking["double_bookings"] = double_bookings
    _ratio(booking, bare_python["requests_per_second"])
    _ratio(bare_write, bare_python["requests_per_second"])
    _ratio(booking, bare_write["requests_per_second"], "ratio_to_bare_write")
    return {
        "data": {
            "meisters": 1000 * scale,
            "consultations": 10_000 * scale,
            "inquiries": 10_000 * scale,
            "seed_seconds": seed["seconds"],
        },
        "bare": {
            "before": bare_before,
            "after": bare_after,
            "python_client": bare_python,
            "signed_in_write": bare_write,
        },
        "pages": pages,
        "booking_post": booking,
        "slowest_p95_ms": max(p["p95_ms"] for p in pages.values()),
        "lowest_ratio": min(p["ratio_to_bare"] for p in pages.values()),
    }


def _private_kib(pid: int) -> dict:
    """USS = Private_Clean + Private_Dirty from /proc/<pid>/smaps_rollup, with RSS and PSS."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0])
    return {
        "uss_mb": round((fields["Private_Clean"] + fields["Private_Dirty"]) / 1024, 1),
        "pss_mb": round(fields["Pss"] / 1024, 1),
        "rss_mb": round(fields["Rss"] / 1024, 1),
    }


def _memory(tmp: Path, *, preload: bool) -> dict:
    url = f"sqlite:///{tmp}/memory.sqlite3"
    env = {**app_env(url, tmp / "media"), "MATCHER_WARMUP": "preload" if preload else "true"}
    subprocess.run(
        [sys.executable, "-m", "bench.ops.seed", "migrate"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        timeout=300,
        check=True,
    )
    extra = GUNICORN_CONF if preload else ()
    started = time.monotonic()
    with gunicorn(env, workers=WORKERS, log_dir=tmp, extra=extra) as server:
        ready = time.monotonic() - started
        # Several rounds of concurrent matcher queries, so that every worker answers some.
        first = run_phase(
            lambda w, n: (
                Session(server.port, timeout=60).request("GET", MATCHER_QUERY)[0] == 200,
                0.0,
            ),
            8 * WORKERS,
            2 * WORKERS,
            120,
        )
        time.sleep(1)
        workers = [_private_kib(pid) for pid in server.worker_pids()]
        master = _private_kib(server.pid)
    return {
        "preload": preload,
        "matcher_queries": first["requests"],
        "matcher_errors": first["errors"],
        "seconds_to_ready": round(ready, 1),
        "master": master,
        "workers": workers,
        "max_worker_uss_mb": max(w["uss_mb"] for w in workers),
        "sum_worker_pss_mb": round(sum(w["pss_mb"] for w in workers) + master["pss_mb"], 1),
    }


def run() -> dict:
    result: dict = {
        "setup": {
            "server": f"gunicorn {WORKERS} sync workers, config.settings.prod, "
            "-c config/gunicorn.conf.py",
            "database": f"PostgreSQL, database {DB_NAME} (dropped after)",
            "client": "wrk" if shutil.which("wrk") else "bench/ops/client (wrk not installed)",
            "connections": CONNECTIONS,
            "seconds_per_endpoint": SECONDS,
        }
    }
    with tempfile.TemporaryDirectory(prefix="mh-pages-") as folder:
        tmp = Path(folder)
        script = None
        if shutil.which("wrk"):
            script = tmp / "report.lua"
            script.write_text(WRK_SCRIPT)
        for scale in SCALES:
            try:
                with _redis() as redis_url:
                    result["setup"]["cache"] = "redis-server" if redis_url else "LocMem"
                    result[f"x{scale}"] = _pages_at(scale, tmp, script, redis_url)
            except Exception as error:  # keep the other scale's figures
                result[f"x{scale}"] = {"error": repr(error)[-2000:]}
            print(json.dumps({f"x{scale}": result[f"x{scale}"]}), file=sys.stderr)
        if os.environ.get("BENCH_PAGES_MEMORY", "1") == "1":
            result["memory"] = {}
            for name, preload in [("without_preload", False), ("with_preload", True)]:
                if preload and not GUNICORN_CONF:
                    continue
                (tmp / name).mkdir()
                result["memory"][name] = _memory(tmp / name, preload=preload)
    return result


if __name__ == "__main__":
    print(json.dumps(run(), ensure_ascii=False, indent=2))
