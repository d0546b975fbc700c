"""The production server setup on loopback: gunicorn + config.settings.prod + PostgreSQL.

`with gunicorn(env) as server:` collects the static files, starts gunicorn in its own process group
(so every worker goes with it) and always stops it; `app_env` builds the environment, `run_seed`
the data.
"""

import contextlib
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.ops.client import Session
from bench.pgcluster import free_port

ROOT = Path(__file__).resolve().parents[2]


def app_env(database_url: str, media_root: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "MEDIA_ROOT": str(media_root),
        "STATIC_ROOT": str(media_root.parent / "static"),  # filled by collect_static
        "LOG_LEVEL": "CRITICAL",  # outage tracebacks are counted by the clients, not printed
        "PYTHONPATH": str(ROOT),
        "PYTHONWARNINGS": "ignore",
        "MATCHER_WARMUP": "false",  # no matcher pages are measured; keep the cores for the run
        # Load from a few clients on one address: the API rate limit is switched off, as it
        # would answer 429 instead of measuring the booking path (tests/api/test_rate_limit.py).
        "API_RATE_ANONYMOUS": "",
        "API_RATE_SIGNED_IN": "",
    }


def run_seed(env: dict, *args: str, timeout: int = 240) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "bench.ops.seed", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"seed {args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def collect_static(env: dict) -> None:
    """Prod settings serve hashed static names from STATIC_ROOT, and `{% static %}` needs the
    manifest: collect before a server starts (once per directory)."""
    if (Path(env["STATIC_ROOT"]) / "staticfiles.json").exists():
        return
    done = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"collectstatic failed:\n{done.stderr[-3000:]}")


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            # the command name may hold spaces: the fields after its closing ')' are fixed
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return sorted(found)


class Server:
    def __init__(self, process: subprocess.Popen, port: int, log: Path):
        self.process, self.port, self.log = process, port, log

    @property
    def pid(self) -> int:
        return self.process.pid

    def worker_pids(self) -> list[int]:
        return children_of(self.pid)

    def wait_ready(self, workers: int, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log.read_text()[-3000:]}")
            status, _, _ = Session(self.port).request("GET", "/__bare__/")
            if status == 200 and len(self.worker_pids()) >= workers:
                return
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn not ready in {timeout}s:\n{self.log.read_text()[-3000:]}")


def gunicorn_argv(port: int, workers: int, extra: tuple[str, ...] = ()) -> list[str]:
    """The load harness's gunicorn command (also the scale drill's app servers)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "bench.load_wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--timeout",
        "30",
        "--graceful-timeout",
        "5",
        "--backlog",
        "256",
        *extra,
    ]


@contextlib.contextmanager
def gunicorn(env: dict, *, workers: int = 4, log_dir: Path, extra: tuple[str, ...] = ()):
    """`extra`: more gunicorn arguments, e.g. ("-c", "config/gunicorn.conf.py") for --preload."""
    collect_static(env)
    port = free_port()
    log = log_dir / "gunicorn.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            gunicorn_argv(port, workers, extra),
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(process, port, log)
    try:
        server.wait_ready(workers)
        yield server
    finally:
        _stop(process)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)  # the group we created: master and workers
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
