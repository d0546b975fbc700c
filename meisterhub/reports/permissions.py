"""Who may see what in reports: everything here is for staff (운영자) only."""

from django.http import Http404

from meisterhub.accounts.roles import is_staff

from .models import ReportJob, SkilledWorker


def access_skilled_worker(user, pk) -> SkilledWorker:
    """404 for missing and for hidden alike."""
    if not is_staff(user):
        raise Http404
    worker = SkilledWorker.objects.filter(pk=pk).prefetch_related("fields", "certificates").first()
    if worker is None:
        raise Http404
    return worker


def access_report_job(user, pk) -> ReportJob:
    if not is_staff(user):
        raise Http404
    job = ReportJob.objects.filter(pk=pk).first()
    if job is None:
        raise Http404
    return job
