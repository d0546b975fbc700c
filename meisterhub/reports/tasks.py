from django_tasks import task


@task()
def build_report_task(job_id: int) -> None:
    from .services import run_report_job

    run_report_job(job_id)
