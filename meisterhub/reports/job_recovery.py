"""Report jobs that a worker lost: its machine died mid-build, or the queue was down.

A worker builds a job while holding a lease (a Redis lock with REDIS_URL, extended at each
progress step). The clock's sweep puts a "running" job whose lease has gone back in the queue,
and queues again a job that has waited too long (its enqueue failed). The build itself claims
the job by a conditional update, so a job queued twice is still built once.
"""

import logging
from datetime import timedelta

from django.utils import timezone

from meisterhub.core.locks import exclusive, is_held

from .models import ReportJob

logger = logging.getLogger(__name__)

LEASE_SECONDS = 120
QUEUED_GRACE = timedelta(minutes=5)


def lease_name(job_id: int) -> str:
    return f"reports.job:{job_id}"


def build_with_lease(job_id: int) -> None:
    from .services import run_report_job

    with exclusive(lease_name(job_id), timeout=LEASE_SECONDS) as lease:
        if not lease:
            return  # another worker is building it
        run_report_job(job_id, progress=lambda _percent: lease.extend())


def requeue_stalled_jobs(now=None) -> int:
    from .tasks import build_report_task

    now = now or timezone.now()
    due = list(
        ReportJob.objects.filter(
            status=ReportJob.Status.QUEUED, created_at__lt=now - QUEUED_GRACE
        ).values_list("pk", flat=True)[:50]
    )
    for pk in ReportJob.objects.filter(status=ReportJob.Status.RUNNING).values_list(
        "pk", flat=True
    ):
        # Only a lease known to be gone counts; without Redis nobody can tell (None).
        if is_held(lease_name(pk)) is False and ReportJob.objects.filter(
            pk=pk, status=ReportJob.Status.RUNNING
        ).update(status=ReportJob.Status.QUEUED, progress=0):
            logger.warning("report job %s lost its worker; queued again", pk)
            due.append(pk)
    count = 0
    for pk in due:
        try:
            build_report_task.enqueue(pk)
            count += 1
        except Exception:
            logger.exception("could not queue report job %s; the next sweep tries again", pk)
    return count
