"""After the load: wait for the queue, the outbox and the report jobs to settle."""

import subprocess
import sys
import time

from bench.ops.server import ROOT
from bench.scale import audit, processes


def workers_busy(workers, redis_port: int) -> bool:
    """Whether a live worker is running a job (RQ's own record of its state)."""
    return any(
        processes.redis_command(redis_port, "HGET", f"rq:worker:{w.name}.{w.starts}", "state")
        == "busy"
        for w in workers
        if w.alive()
    )


def drain(env, url, since, redis_port, workers, timeout: float = 150) -> dict:
    """Wait until the outbox and the report jobs are settled. The clock requeues a report job
    whose build lease (120 s, reports/job_recovery.py) has gone; the outbox's sending lease is
    300 s, so once the queue is idle and a message is still pending, the outbox sweep runs
    with the clock moved past that lease (bench/scale/sweep.py) and the drain waits again."""
    started = time.monotonic()
    sweeps = []
    while time.monotonic() - started < timeout:
        pending = audit.pending_work(url, since)
        queue = processes.redis_command(redis_port, "LLEN", "rq:queue:default")
        busy = workers_busy(workers, redis_port)
        if not any(pending.values()) and not queue:
            break
        if (
            pending["messages"]
            and not queue
            and not busy
            and len(sweeps) < 3
            and (not sweeps or time.monotonic() - sweeps[-1]["at"] > 10)
        ):
            done = subprocess.run(
                [sys.executable, "-m", "bench.scale.sweep"],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            sweeps.append({"at": time.monotonic(), "output": done.stdout.strip()[-200:]})
        time.sleep(1)
    return {
        "seconds": round(time.monotonic() - started, 1),
        "still_pending": audit.pending_work(url, since),
        "sweeps": [s["output"] for s in sweeps],
        "rq": {
            "queued": processes.redis_command(redis_port, "LLEN", "rq:queue:default"),
            "started": processes.redis_command(redis_port, "ZCARD", "rq:wip:default"),
            "failed": processes.redis_command(redis_port, "ZCARD", "rq:failed:default"),
        },
    }
