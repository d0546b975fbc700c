"""Who may see what in reports: everything here is for staff (운영자) only."""

from django.http import Http404

from .models import ReportJob, SkilledWorker


def is_staff_user(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_operator)


def can_use_reports(user) -> bool:
    return is_staff_user(user)


def access_skilled_worker(user, pk) -> SkilledWorker:
    """404 for missing and for hidden alike."""
    if not is_staff_user(user):
        raise Http404
    worker = SkilledWorker.objects.filter(pk=pk).prefetch_related("fields", "certificates").first()
    if worker is None:
        raise Http404
    return worker


def access_report_job(user, pk) -> ReportJob:
    if not is_staff_user(user):
        raise Http404
    job = ReportJob.objects.filter(pk=pk).first()
    if job is None:
        raise Http404
    return job
