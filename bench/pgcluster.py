"""A throwaway PostgreSQL cluster on a free loopback port, for load and fault runs.

The shared server on 5432 is never touched: faults are injected into this cluster only.
`with pg_cluster() as pg:` always stops the server and removes its directory, even on failure.
initdb refuses to run as root, so under root every server command runs as `postgres`.
"""

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def pg_bindir() -> Path | None:
    """The newest installed PostgreSQL's bin directory, or None without one."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    def __init__(self, bindir: Path, root: Path, port: int):
        self.bindir, self.root, self.port = bindir, root, port
        self.data, self.sockets = root / "data", root / "sockets"
        self.as_postgres = os.geteuid() == 0
        self.log = root / "server.log"

    def _cmd(self, *args: str, check=True, timeout=60) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        return subprocess.run(
            prefix + list(args),
            check=check,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.root,
        )

    def url(self, dbname: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{dbname}"

    def init(self) -> None:
        self.sockets.mkdir()
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
            shutil.chown(self.sockets, "postgres", "postgres")
        self._cmd(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 "
            "-c max_connections=60 -c logging_collector=off"
        )
        self._cmd(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )

    def restart(self, mode: str = "fast") -> None:
        """What an operator's `pg_ctl restart -m fast` does: every session is cut off."""
        self._cmd(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-m",
            mode,
            "-w",
            "-t",
            "60",
            "restart",
        )

    def is_ready(self) -> bool:
        done = subprocess.run(
            [str(self.bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port), "-q"],
            check=False,
            timeout=10,
        )
        return done.returncode == 0

    def create_database(self, name: str, template: str | None = None) -> str:
        """A new database; from a template (e.g. one already migrated) it is a fast file copy."""
        import psycopg

        clause = f' TEMPLATE "{template}"' if template else ""
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"{clause}')
        return self.url(name)

    def postmaster_pid(self) -> int | None:
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def stop(self) -> None:
        if not (self.data / "postmaster.pid").exists():
            return
        done = self._cmd(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-m",
            "immediate",
            "-w",
            "-t",
            "30",
            "stop",
            check=False,
        )
        pid = self.postmaster_pid()
        if done.returncode != 0 and pid:
            # Our own postmaster only, by the pid it wrote; never a broad kill.
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            time.sleep(0.5)


@contextlib.contextmanager
def pg_cluster(port: int | None = None):
    bindir = pg_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries are missing (/usr/lib/postgresql/*/bin)")
    root = Path(tempfile.mkdtemp(prefix="mh-pg-"))
    cluster = Cluster(bindir, root, port or free_port())
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        try:
            cluster.stop()
        finally:
            shutil.rmtree(root, ignore_errors=True)
