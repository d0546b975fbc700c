"""The drill's faults: SIGKILL to an app server, and to the RQ worker in the middle of a
report build (found through RQ's own registry), each started again later."""

import re
import time

import psycopg

from bench.scale import processes


class WorkerProc(processes.Proc):
    """An RQ worker named `<name>.<start number>`: RQ keeps a dead worker's name for minutes,
    so a restarted one needs a new name, and the drill can still tell whose job is whose."""

    def start(self) -> None:
        self.base_argv = getattr(self, "base_argv", self.argv)
        self.argv = [*self.base_argv, "--name", f"{self.name}.{self.starts + 1}"]
        super().start()


def report_job_worker(redis_port: int) -> tuple[str, str] | None:
    """(worker name, job description) of a report build running right now, read from RQ's
    started registry: the victim must be the worker that holds the job, not just any."""
    for entry in processes.redis_command(redis_port, "ZRANGE", "rq:wip:default", "0", "-1"):
        job_id = entry.split(":", 1)[0]
        description, worker, status = processes.redis_command(
            redis_port, "HMGET", f"rq:job:{job_id}", "description", "worker_name", "status"
        )
        if description and "build_report_task" in description and worker and status == "started":
            return worker, description
    return None


def report_status(url: str, description: str) -> str:
    found = re.search(r"build_report_task\((\d+)\)", description)
    if not found:
        return "unknown"
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT status, progress FROM reports_reportjob WHERE id = %s", [int(found.group(1))]
        ).fetchone()
    return f"{row[0]} {row[1]}%" if row else "missing"


def kill_app_server(app, port, workers, began, args, marks) -> None:
    time.sleep(max(0.0, began + args.seconds * 0.25 - time.monotonic()))
    app.kill()
    marks["app_killed_at"] = round(time.monotonic() - began, 1)
    time.sleep(max(0.0, began + args.seconds * 0.45 - time.monotonic()))
    app.start()
    try:
        processes.wait_app(app, port, workers)
        marks["app_restarted_at"] = round(time.monotonic() - began, 1)
    except RuntimeError as error:
        marks["app_restart_error"] = str(error)[-500:]


def kill_worker_mid_job(workers, redis_port, url, began, args, marks) -> None:
    """Wait for a report build to be running, then SIGKILL the worker (and its work horse)
    that runs it; start it again 10 s later."""
    time.sleep(max(0.0, began + args.seconds * 0.15 - time.monotonic()))
    by_name = {w.name: w for w in workers}
    victim, job = None, None
    while time.monotonic() < began + args.seconds - 10:
        found = report_job_worker(redis_port)
        if found and found[0].split(".")[0] in by_name:
            victim, job = by_name[found[0].split(".")[0]], found[1]
            break
        time.sleep(0.05)
    if victim is None:  # no build seen running: kill one anyway, and say so
        victim = workers[0]
        marks["worker_killed_idle"] = True
    victim.kill()
    if job:  # what the database says about the job the moment its worker died
        marks["report_job_status_at_kill"] = report_status(url, job)
    marks.update(
        worker_killed=victim.name,
        worker_killed_at=round(time.monotonic() - began, 1),
        job_running_at_kill=job,
    )
    time.sleep(10)
    victim.start()
    marks["worker_restarted_at"] = round(time.monotonic() - began, 1)
