from django_tasks import task


@task()
def build_report_task(job_id: int) -> None:
    from .job_recovery import build_with_lease

    build_with_lease(job_id)
