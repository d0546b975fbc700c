"""`make scale-drill`: the scale-out topology on loopback under a mixed load, with faults.

PostgreSQL primary + streaming replica (applying commits late on purpose), Redis, two gunicorn
app servers behind HAProxy, two RQ workers and the clock; one app server and one worker (in the
middle of a report build) are SIGKILLed during the run. Prints one JSON object; exits 1 when a rule broke (double bookings, lost or
duplicated jobs or messages, stale reads right after a write). Everything runs in a temporary
directory and is stopped and removed at the end, also on failure.

    python -m bench.scale.drill [--seconds 75] [--pin-seconds 0]  # 0: pinning off (must fail)
"""

import argparse
import contextlib
import itertools
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.ops.client import Session, run_phase
from bench.ops.server import ROOT, app_env, collect_static
from bench.pgcluster import free_port
from bench.scale import audit, drain, faults, load, pgpair, processes

DBNAME = "drill"
DEFAULT_WORKER = (
    "manage.py rqworker default --job-class django_tasks_rq.backend.Job --with-scheduler"
)


def worker_argv() -> list[str]:
    """The RQ worker command from Procfile.scale (its `worker:` line), else the default."""
    command = os.environ.get("DRILL_WORKER_COMMAND", "")
    procfile = ROOT / "Procfile.scale"
    if not command and procfile.exists():
        for line in procfile.read_text().splitlines():
            if line.startswith("worker:"):
                command = line.partition(":")[2].strip()
    argv = shlex.split(command or DEFAULT_WORKER)
    argv = [a for a in argv if "$" not in a]  # Procfile placeholders are not for the drill
    if argv[0].endswith("python") or argv[0] == "python":
        argv = argv[1:]
    return [sys.executable, *argv]


def drill_env(args, workdir: Path, primary_url: str, replica_url: str, redis_port: int) -> dict:
    env = app_env(primary_url, workdir / "media")
    env.update(
        {
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "TASKS_BACKEND": "rq",
            "DATABASE_REPLICA_URLS": replica_url,
            "EMAIL_BACKEND": "bench.scale.mailsink.FileSink",
            "DRILL_MAIL_DIR": str(workdir / "mail"),
            # Staff log in with a password only here: the drill measures queues, not the TOTP form.
            "TWO_FACTOR_REQUIRED": "false",
            "SITE_URL": "https://127.0.0.1",
            "LOG_LEVEL": "WARNING",  # the router's "reading the primary" notes are counted
        }
    )
    if args.pin_seconds is not None:
        env["DATABASE_PIN_SECONDS"] = str(args.pin_seconds)
    if args.max_lag is not None:
        env["DATABASE_REPLICA_MAX_LAG"] = str(args.max_lag)
    return env


def seed(env: dict, args) -> dict:
    # Seeding runs without the replica: a script is no request, so nothing would pin it.
    seed_env = {k: v for k, v in env.items() if k != "DATABASE_REPLICA_URLS"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.scale.seed",
            "--members",
            str(args.companies),
            "--events",
            "8",
            "--capacity",
            "2",
        ],
        env=seed_env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"seed failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def wait_backends_up(sock: Path, count: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        servers = processes.haproxy_servers(sock)
        if sum(s["status"] == "UP" for s in servers.values()) >= count:
            return
        time.sleep(0.3)
    raise RuntimeError(f"HAProxy does not see {count} app servers up: {servers}")


def run_load(rec, port, seed_data, args) -> list[threading.Thread]:
    """Log everybody in first, then start every client at once against one deadline."""
    members, password = seed_data["members"], seed_data["password"]
    logged_in = []
    for member in members:
        # One browser per company, booking in one tab and registering in another.
        session = Session(port)
        session.login(member["username"], password)
        logged_in.append((member, session, session))
    staff = Session(port)
    staff.login(seed_data["staff"], password)
    deadline = time.monotonic() + args.seconds
    pause = args.seconds / (len(seed_data["events"]) + 2)
    plan = [(load.browse, rec, port, seed_data["profile_id"], deadline, 0.05)] * args.browsers
    for member, booker, registrant in logged_in:
        plan.append((load.book, rec, booker, member, seed_data["slots"], deadline))
        plan.append((load.register, rec, registrant, member, seed_data["events"], deadline, pause))
    plan.append((load.request_reports, rec, staff, time.localtime().tm_year, deadline, 3.0))
    threads = [threading.Thread(target=f, args=a, daemon=True) for f, *a in plan]
    for thread in threads:
        thread.start()
    return threads


def capacity(port: int, profile: int, seconds: float, clients: int) -> dict:
    session = Session(port)

    def work(_worker, n):
        path = load.PUBLIC_PAGES[n % len(load.PUBLIC_PAGES)].format(profile=profile)
        status, _, latency = session.request("GET", path)
        return status == 200, latency

    return run_phase(work, 1_000_000, clients, seconds)


def machine() -> dict:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.partition(":")[2].strip()
                break
    return {"cpus": os.cpu_count(), "cpu": model, "python": platform.python_version()}


def verdict(result: dict) -> list[str]:
    broken = []
    checks = [
        ("double bookings", result["bookings"]["double_bookings"]),
        ("bookings told succeeded but not stored", result["bookings"]["missing"]),
        ("registrations over capacity", result["registrations"]["events_over_capacity"]),
        ("double registrations", result["registrations"]["double_registrations"]),
        ("lost messages", result["messages"]["lost"]),
        ("duplicated messages", result["messages"]["duplicated"]),
        ("lost report jobs", result["report_jobs"]["lost"]),
        ("duplicated report jobs", result["report_jobs"]["duplicated"]),
        ("stale reads after a write", result["read_your_own_write"]["stale"]),
    ]
    for name, count in checks:
        if count:
            broken.append(f"{name}: {count}")
    if not result["read_your_own_write"]["checks"]:
        broken.append("no read-your-own-write check was made")
    return broken


def drill_body(args, workdir: Path, primary, replica, procs: list, phases: dict) -> dict:
    logs = workdir / "logs"
    phases["databases"] = time.monotonic()
    redis, redis_port = processes.redis_server(logs)
    procs.append(redis)
    url = primary.url(DBNAME)
    env = drill_env(args, workdir, url, replica.url(DBNAME), redis_port)
    collect_static(env)
    seed_data = seed(env, args)
    phases["seeded"] = time.monotonic()
    ports = [free_port(), free_port()]
    apps = [
        processes.app_server(f"app{n + 1}", p, env, logs, args.app_workers)
        for n, p in enumerate(ports)
    ]
    for app in apps:
        procs.append(app)
        app.start()
    for app, port in zip(apps, ports, strict=True):
        processes.wait_app(app, port, args.app_workers)
    proxy, proxy_port, sock = processes.haproxy(logs, ports)
    procs.append(proxy)
    wait_backends_up(sock, 2)
    workers = [
        faults.WorkerProc(f"worker{n + 1}", worker_argv(), env=env, log_dir=logs) for n in range(2)
    ]
    for worker in workers:
        procs.append(worker)
        worker.start()
    # The clock as in Procfile.scale, sweeping more often than its 30 s so the run stays short.
    clock = processes.Proc(
        "clock",
        [sys.executable, "manage.py", "run_scheduler", "--interval", "5"],
        env=env,
        log_dir=logs,
    )
    procs.append(clock)
    clock.start()
    phases["served"] = time.monotonic()

    since = audit.high_water(url)
    for node in (primary, replica):
        pgpair.reset_counts(node, DBNAME)
    rec, marks = load.Recorder(), {}
    threads = run_load(rec, proxy_port, seed_data, args)
    began = time.monotonic()
    fault_threads = [
        threading.Thread(
            target=faults.kill_app_server,
            daemon=True,
            args=(apps[0], ports[0], args.app_workers, began, args, marks),
        ),
        threading.Thread(
            target=faults.kill_worker_mid_job,
            daemon=True,
            args=(workers, redis_port, url, began, args, marks),
        ),
    ]
    for thread in fault_threads:
        thread.start()
    for thread in threads + fault_threads:
        thread.join(timeout=args.seconds + 60)
    phases["loaded"] = time.monotonic()
    reads = {
        "primary": pgpair.read_counts(primary, DBNAME),
        "replica": pgpair.read_counts(replica, DBNAME),
    }
    balancer = processes.haproxy_servers(sock)
    router_notes = audit.router_fallbacks(logs)

    drained = drain.drain(env, url, since, redis_port, workers)
    phases["drained"] = time.monotonic()
    summary = rec.summary()
    result = {
        "requests": summary["requests"],
        "errors": summary["errors"],
        "by_status": summary["by_status"],
        "errors_by_status": summary["errors_by_status"],
        "by_kind": summary["by_kind"],
        "bookings": audit.bookings(url, rec.told["bookings"]),
        "registrations": audit.registrations(url, since, rec.told["registrations"], 2),
        "messages": audit.messages(url, since, workdir / "mail"),
        "report_jobs": audit.report_jobs(url, since, rec.told["report_jobs"], workdir / "media"),
        "read_your_own_write": summary["read_your_own_write"],
        "replica_reads": {
            "counted_by": "pg_stat_statements SELECT calls per node during the load "
            "(the router's lag probe left out)",
            "primary_selects": reads["primary"]["select_statements"],
            "replica_selects": reads["replica"]["select_statements"],
            "replica_share": round(
                reads["replica"]["select_statements"]
                / max(1, sum(r["select_statements"] for r in reads.values())),
                3,
            ),
            "transactions": {k: v["transactions"] for k, v in reads.items()},
            "router_fell_back_to_primary": router_notes,
        },
        "faults": marks,
        "haproxy": balancer,
        "drain": drained,
    }
    if args.capacity_seconds:
        result["capacity"] = {
            "browsing_mix": load.PUBLIC_PAGES,
            "clients": 4,
            "one_app_server": {
                "workers": args.app_workers,
                **capacity(ports[1], seed_data["profile_id"], args.capacity_seconds, 4),
            },
            "haproxy_two_app_servers": capacity(
                proxy_port, seed_data["profile_id"], args.capacity_seconds, 4
            ),
        }
    phases["measured"] = time.monotonic()
    return result


def run(args) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="mh-drill-"))
    for sub in ("media", "mail", "logs"):
        (workdir / sub).mkdir()
    procs: list[processes.Proc] = []
    phases = {"start": time.monotonic()}
    try:
        with pgpair.primary_and_replica(DBNAME, args.apply_delay) as (primary, replica):
            try:
                result = drill_body(args, workdir, primary, replica, procs, phases)
            finally:  # app servers and workers go before the databases they use
                for proc in reversed(procs):
                    with contextlib.suppress(Exception):
                        proc.stop()
    finally:
        if args.keep:
            print(f"drill files kept in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    names = list(phases)
    result["phase_seconds"] = {
        f"{a}->{b}": round(phases[b] - phases[a], 1) for a, b in itertools.pairwise(names)
    }
    result["setup"] = {
        "seconds": args.seconds,
        "companies_racing": args.companies,
        "browsers": args.browsers,
        "app_servers": 2,
        "app_workers_each": args.app_workers,
        "task_workers": 2,
        "replica_apply_delay_seconds": args.apply_delay,
        "pin_seconds": args.pin_seconds if args.pin_seconds is not None else "default",
        "machine": machine(),
    }
    result["broken_rules"] = verdict(result)
    result["passed"] = not result["broken_rules"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=75)
    parser.add_argument("--companies", type=int, default=4)
    parser.add_argument("--browsers", type=int, default=3)
    parser.add_argument("--app-workers", type=int, default=2)
    parser.add_argument("--apply-delay", type=float, default=2.5)
    parser.add_argument("--pin-seconds", type=int, default=None)
    parser.add_argument("--max-lag", type=float, default=None)
    parser.add_argument("--capacity-seconds", type=float, default=15)
    parser.add_argument("--keep", action="store_true", help="keep logs and data for a look")
    args = parser.parse_args()
    result = run(args)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    sys.exit(0 if result["passed"] else 1)


if __name__ == "__main__":
    main()
