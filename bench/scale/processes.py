"""The drill's own processes on loopback: Redis, HAProxy, gunicorn app servers, RQ workers.

Each runs in its own session (process group), so a kill or a stop reaches the process and its
children (gunicorn workers, an RQ work horse) and nothing else on the machine.
"""

import contextlib
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from bench.ops.client import Session
from bench.ops.server import ROOT, children_of, gunicorn_argv
from bench.pgcluster import free_port


class Proc:
    """One started command with a log file; stop() ends its whole process group."""

    def __init__(self, name: str, argv: list[str], *, env: dict, log_dir: Path):
        self.name, self.argv, self.env = name, argv, env
        self.log = log_dir / f"{name}.log"
        self.process: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        with self.log.open("a") as out:
            out.write(f"--- start {self.starts} at {time.time():.1f}\n")
            out.flush()
            self.process = subprocess.Popen(
                self.argv,
                env=self.env,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    @property
    def pid(self) -> int:
        return self.process.pid if self.process else 0

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def children(self) -> list[int]:
        return children_of(self.pid) if self.alive() else []

    def descendants(self) -> list[int]:
        found, todo = [], [self.pid] if self.alive() else []
        while todo:
            children = children_of(todo.pop())
            found += children
            todo += children
        return found

    def kill(self) -> None:
        """SIGKILL to the group and to every descendant (an RQ work horse runs in a process
        group of its own): no clean-up anywhere, as when a machine loses power."""
        if self.alive():
            below = self.descendants()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pid, signal.SIGKILL)
            for pid in below:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self, grace: float = 10) -> None:
        if not self.alive():
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self.kill()

    def tail(self, size: int = 3000) -> str:
        try:
            return self.log.read_text(errors="replace")[-size:]
        except OSError:
            return ""


def wait_port(port: int, proc: Proc, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not proc.alive():
            raise RuntimeError(f"{proc.name} exited:\n{proc.tail()}")
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"{proc.name} not listening on {port} in {timeout}s:\n{proc.tail()}")


def redis_server(workdir: Path) -> tuple[Proc, int]:
    port = free_port()
    proc = Proc(
        "redis",
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
            "--dir",
            str(workdir),
            "--protected-mode",
            "yes",
        ],
        env=dict(os.environ),
        log_dir=workdir,
    )
    proc.start()
    wait_port(port, proc)
    return proc, port


def redis_command(port: int, *args: str) -> object:
    """One command over RESP, enough for the audit's LLEN/ZCARD/KEYS (no client library)."""
    payload = f"*{len(args)}\r\n" + "".join(f"${len(a.encode())}\r\n{a}\r\n" for a in args)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(payload.encode())
        reader = sock.makefile("rb")
        return _resp(reader)


def _resp(reader):
    line = reader.readline().rstrip(b"\r\n")
    kind, rest = line[:1], line[1:]
    if kind in (b"+", b"-"):
        return rest.decode()
    if kind == b":":
        return int(rest)
    if kind == b"$":
        size = int(rest)
        return None if size < 0 else reader.read(size + 2)[:-2].decode(errors="replace")
    if kind == b"*":
        size = int(rest)
        return [] if size < 0 else [_resp(reader) for _ in range(size)]
    raise RuntimeError(f"unexpected Redis reply {line!r}")


HAPROXY_CONFIG = """\
global
    maxconn 512
    stats socket {socket} mode 600 level admin

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout queue 10s
    # Only a connection that was refused is tried on the other server: a request that
    # reached an app server is never sent twice (a booking POST must not be replayed).
    retries 2
    retry-on conn-failure
    option redispatch

frontend web
    bind 127.0.0.1:{port}
    default_backend app

backend app
    balance roundrobin
    option httpchk
    http-check send meth GET uri /__bare__/ ver HTTP/1.1 hdr Host 127.0.0.1 hdr X-Forwarded-Proto https
    http-check expect status 200
    # A check waits behind busy sync workers: it must not mark a slow server dead.
    timeout check 5s
    default-server inter 1s fastinter 500ms downinter 500ms fall 3 rise 2
{servers}
"""


def haproxy(workdir: Path, app_ports: list[int]) -> tuple[Proc, int, Path]:
    port = free_port()
    sock = workdir / "haproxy.sock"
    servers = "\n".join(
        f"    server app{n} 127.0.0.1:{p} check" for n, p in enumerate(app_ports, start=1)
    )
    config = workdir / "haproxy.cfg"
    config.write_text(HAPROXY_CONFIG.format(socket=sock, port=port, servers=servers))
    proc = Proc(
        "haproxy", ["haproxy", "-db", "-f", str(config)], env=dict(os.environ), log_dir=workdir
    )
    proc.start()
    wait_port(port, proc)
    return proc, port, sock


def haproxy_servers(sock: Path) -> dict:
    """Per app server: state, requests sent, health-check downs (HAProxy's `show stat`)."""
    with socket.socket(socket.AF_UNIX) as conn:
        conn.settimeout(5)
        conn.connect(str(sock))
        conn.sendall(b"show stat\n")
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    lines = data.decode().splitlines()
    header = lines[0].lstrip("# ").split(",")
    found = {}
    for line in lines[1:]:
        row = dict(zip(header, line.split(","), strict=False))
        if row.get("pxname") == "app" and row.get("svname", "").startswith("app"):
            found[row["svname"]] = {
                "status": row.get("status"),
                "requests": int(row.get("stot") or 0),
                "times_down": int(row.get("chkdown") or 0),
                "seconds_down": int(row.get("downtime") or 0),
                "http_5xx": int(row.get("hrsp_5xx") or 0),
            }
    return found


def app_server(name: str, port: int, env: dict, workdir: Path, workers: int) -> Proc:
    return Proc(name, gunicorn_argv(port, workers), env=env, log_dir=workdir)


def wait_app(proc: Proc, port: int, workers: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not proc.alive():
            raise RuntimeError(f"{proc.name} exited:\n{proc.tail()}")
        status, _, _ = Session(port, timeout=5).request("GET", "/__bare__/")
        if status == 200 and len(proc.children()) >= workers:
            return
        time.sleep(0.3)
    raise RuntimeError(f"{proc.name} not ready in {timeout}s:\n{proc.tail()}")
