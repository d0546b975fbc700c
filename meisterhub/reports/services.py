"""Requesting and building the annual performance report (성과공유회 자료)."""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from meisterhub.accounts.roles import require_staff
from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.programs.models import Area

from . import conf
from .figures import annual_figures
from .models import ReportJob
from .pdf import render_pdf
from .xlsx import render_xlsx

logger = logging.getLogger(__name__)


def check_filters(year, area: str | None) -> tuple[int, str]:
    this_year = timezone.localdate().year
    if not isinstance(year, int) or not conf.FIRST_YEAR <= year <= this_year:
        raise DomainError(f"연도는 {conf.FIRST_YEAR}년부터 {this_year}년까지 고를 수 있습니다.",
                          field="year")
    area = area or ""
    if area and area not in Area.values:
        raise DomainError("알 수 없는 사업 분야입니다.", field="area")
    return year, area


@transaction.atomic
def request_annual_report(*, actor, year: int, area: str | None = None) -> ReportJob:
    """Queue a report; the build runs in the background once this transaction commits."""
    require_staff(actor, "운영자만 성과 보고서를 만들 수 있습니다.")
    year, area = check_filters(year, area)
    job = ReportJob.objects.create(year=year, area=area, requested_by=actor)
    history.record(actor=actor, action="reports.report_job.requested", instance=job,
                   changes={"year": [None, year], "area": [None, area]})
    from .tasks import build_report_task

    # robust: a queue that is down must not turn the saved request into an error page; the
    # clock's sweep (job_recovery.py) queues the job again.
    transaction.on_commit(lambda: build_report_task.enqueue(job.pk), robust=True)
    return job


def _set_progress(job: ReportJob, percent: int, **fields) -> None:
    # Plain updates outside any transaction, so the status page sees each step at once.
    ReportJob.objects.filter(pk=job.pk).update(progress=percent, **fields)
    job.progress = percent


def run_report_job(job_id: int, *, progress=None) -> ReportJob:
    """Build the PDF and XLSX of a queued job; a failure is recorded on the job, not raised."""
    # Claimed by a conditional update, so a job queued twice (or picked by two workers on
    # different machines) is built once.
    claimed = ReportJob.objects.filter(
        pk=job_id, status__in=[ReportJob.Status.QUEUED, ReportJob.Status.FAILED]
    ).update(status=ReportJob.Status.RUNNING, progress=0, error="")
    job = ReportJob.objects.get(pk=job_id)
    if not claimed:
        return job

    def step(percent):
        _set_progress(job, percent)
        if progress:
            progress(percent)

    _set_progress(job, 0, status=ReportJob.Status.RUNNING, error="")
    try:
        figures = annual_figures(job.year, job.area or None)
        step(20)
        pdf = render_pdf(figures, progress=lambda share: step(20 + int(share * 50)))
        xlsx = render_xlsx(figures)
        step(90)
        stem = f"annual-report-{job.year}-{job.area or 'all'}-{job.pk}"
        job.pdf_file.save(f"{stem}.pdf", ContentFile(pdf), save=False)
        job.xlsx_file.save(f"{stem}.xlsx", ContentFile(xlsx), save=False)
    except DomainError as exc:
        return _fail(job, exc.message)
    except Exception:
        logger.exception("annual report job %s failed", job.pk)
        return _fail(job, "보고서를 만드는 중 오류가 났습니다. 잠시 후 다시 시도해 주세요.")
    job.status, job.progress, job.finished_at = ReportJob.Status.DONE, 100, timezone.now()
    job.save(update_fields=["status", "progress", "finished_at", "pdf_file", "xlsx_file"])
    if progress:
        progress(100)
    return job


def _fail(job: ReportJob, message: str) -> ReportJob:
    job.status, job.error, job.finished_at = ReportJob.Status.FAILED, message, timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])
    return job
