"""Reads of the reports app, scoped to the actor."""

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from meisterhub.accounts.roles import is_staff
from meisterhub.meisters.selectors import list_fields

from .models import ReportJob, SkilledWorker


def skilled_workers_visible_to(user, *, today=None) -> QuerySet[SkilledWorker]:
    """Staff only; a worker whose consent has expired is no longer searchable."""
    if not is_staff(user):
        return SkilledWorker.objects.none()
    today = today or timezone.localdate()
    return SkilledWorker.objects.filter(consent_given_on__lte=today, consent_expires_on__gt=today)


def search_skilled_workers(
    user, *, field: str = "", level: str = "", district: str = "", query: str = "",
    mentor: bool = False, teach: bool = False, today=None,
) -> QuerySet[SkilledWorker]:
    workers = skilled_workers_visible_to(user, today=today)
    if field:
        workers = workers.filter(fields__code=field)
    if level:
        workers = workers.filter(certificates__level=level)
    if district:
        workers = workers.filter(district=district)
    if query:
        workers = workers.filter(name__icontains=query.strip()[:50])
    if mentor:
        workers = workers.filter(willing_to_mentor=True)
    if teach:
        workers = workers.filter(willing_to_teach=True)
    if field or level:
        workers = workers.distinct()
    return workers.prefetch_related(
        Prefetch("fields", queryset=list_fields()), "certificates"
    ).order_by("name", "id")


def recent_report_jobs(user, limit: int = 10) -> QuerySet[ReportJob]:
    if not is_staff(user):
        return ReportJob.objects.none()
    return ReportJob.objects.select_related("requested_by")[:limit]
