"""Locks across machines (Redis) for the clock and the report builds, and the sweep that
recovers a report job whose worker died."""

import io
import time

import pytest
from django.core.management import call_command

from meisterhub.core.locks import exclusive, is_held
from meisterhub.reports.job_recovery import build_with_lease, lease_name, requeue_stalled_jobs
from meisterhub.reports.models import ReportJob

pytestmark = pytest.mark.django_db


def test_a_redis_lock_excludes_another_holder_and_frees_itself(settings, redis_url):
    settings.REDIS_URL = redis_url
    with exclusive("demo", timeout=0.5) as first:
        # Another client (its own token, as on another machine) cannot take it meanwhile.
        with exclusive("demo", timeout=0.5) as second:
            assert first and not second
        assert is_held("demo") is True
    assert is_held("demo") is False
    # A holder that dies without releasing blocks only until the timeout.
    with exclusive("dead", timeout=0.3, keep=True) as dead:
        assert dead
    assert is_held("dead") is True
    time.sleep(0.5)
    with exclusive("dead", timeout=0.3) as later:
        assert later


def test_without_redis_the_lock_is_this_process_only(settings):
    settings.REDIS_URL = ""
    with exclusive("demo", timeout=5) as first, exclusive("demo", timeout=5) as second:
        assert first and not second
    with exclusive("demo", timeout=5) as again:
        assert again
    assert is_held("demo") is None  # nobody can tell across processes


def test_two_clocks_run_the_daily_jobs_once(settings, redis_url):
    settings.REDIS_URL = redis_url
    outputs = []
    for _clock in range(2):
        out = io.StringIO()
        call_command("run_scheduler", "--once", stdout=out)
        outputs.append(out.getvalue())
    assert "전날 알림" in outputs[0]
    assert "전날 알림" not in outputs[1]


def test_a_report_job_whose_worker_died_is_built_again(settings, redis_url, staff_user):
    # given: one job left "running" by a worker that died (its lease gone), one job whose
    # worker is alive (lease held)
    settings.REDIS_URL = redis_url
    lost = ReportJob.objects.create(year=2024, status=ReportJob.Status.RUNNING, progress=40)
    alive = ReportJob.objects.create(year=2024, status=ReportJob.Status.RUNNING, progress=40)
    with exclusive(lease_name(alive.pk), timeout=30) as lease:
        assert lease
        # when: the clock sweeps (the test queue runs the task at once)
        requeue_stalled_jobs()
        alive.refresh_from_db()
        # then: the living worker's job is left alone
        assert alive.status == ReportJob.Status.RUNNING
    # and: the lost one was queued again and built
    lost.refresh_from_db()
    assert lost.status == ReportJob.Status.DONE and lost.pdf_file.name
    built = lost.pdf_file.name
    # when: the same job is delivered once more (queued twice): then it is not built again
    build_with_lease(lost.pk)
    lost.refresh_from_db()
    assert lost.pdf_file.name == built
