"""The task queue on Redis through django-tasks' RQ backend, and the outbox when it is down."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from django.conf import settings as django_settings
from django.db import transaction
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.notifications.models import Channel, Kind, Message, Status
from meisterhub.notifications.services import Recipient, notify, requeue_due

from .conftest import CLOSED_REDIS_URL, database_url

BASE_DIR = Path(django_settings.BASE_DIR)
RQ_TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}

pytestmark = pytest.mark.django_db(transaction=True)


def _queue_on(settings, url: str) -> None:
    settings.TASKS = RQ_TASKS
    settings.RQ_QUEUES = {
        "default": {
            "URL": url,
            "DEFAULT_TIMEOUT": 60,
            "REDIS_CLIENT_KWARGS": {"socket_connect_timeout": 0.5},
        }
    }


def _notify(user) -> Message:
    with transaction.atomic():
        notify(
            recipients=[Recipient.of(user)],
            kind=Kind.ACCOUNT,
            template="scale_test",
            record=user,
            event="scale-test",
            subject="대기열 점검 메일",
            text="작업자가 보낸 메일입니다.",
        )
    return Message.objects.get(recipient=user, channel=Channel.EMAIL)


def run_burst_worker(redis_url: str, media_root: Path) -> subprocess.CompletedProcess:
    """The documented worker command, once over what is queued (--burst)."""
    env = {key: value for key, value in os.environ.items() if key != "TEST_DB_SUFFIX"}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": database_url(),
            "REDIS_URL": redis_url,
            "TASKS_BACKEND": "rq",
            "MEDIA_ROOT": str(media_root),
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return subprocess.run(
        [
            sys.executable,
            str(BASE_DIR / "manage.py"),
            "rqworker",
            "default",
            "--burst",
            "--with-scheduler",
            "--job-class",
            "django_tasks_rq.Job",
        ],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_message_queued_while_redis_is_down_stays_in_the_outbox_and_is_sent_later(
    settings, redis_url, caplog
):
    # given: the queue on a Redis that is down
    _queue_on(settings, CLOSED_REDIS_URL)
    user = UserFactory(username="queued-member")
    # when: a business action writes a message and its commit tries to queue the delivery
    message = _notify(user)
    # then: the producer failed loudly, and the message waits in the outbox
    assert "could not queue message" in caplog.text
    assert any(r.levelname == "ERROR" for r in caplog.records)
    message.refresh_from_db()
    assert message.status == Status.QUEUED and message.sent_at is None

    # when: Redis is back and the clock's sweep runs (the message is over a minute old)
    _queue_on(settings, redis_url)
    assert requeue_due(now=timezone.now() + timedelta(minutes=2)) == 1
    assert redis.Redis.from_url(redis_url).llen("rq:queue:default") == 1
    # and: a worker on another process takes the queue
    result = run_burst_worker(redis_url, Path(settings.MEDIA_ROOT).resolve())
    # then: the mail is sent once and the row says so
    assert result.returncode == 0, result.stderr[-3000:]
    message.refresh_from_db()
    assert message.status == Status.SENT and message.attempts == 1


def test_a_worker_runs_a_task_queued_through_the_rq_backend(settings, redis_url):
    # given: the queue on Redis, and a message queued by a business action's commit
    _queue_on(settings, redis_url)
    user = UserFactory(username="rq-member")
    with transaction.atomic():
        message = _notify(user)
        assert redis.Redis.from_url(redis_url).llen("rq:queue:default") == 0  # not before commit
    assert redis.Redis.from_url(redis_url).llen("rq:queue:default") == 1
    message.refresh_from_db()
    assert message.status == Status.QUEUED
    # when: the worker command runs once over the queue
    result = run_burst_worker(redis_url, Path(settings.MEDIA_ROOT).resolve())
    # then: the task ran in the worker: the message is sent, the queue is empty
    assert result.returncode == 0, result.stderr[-3000:]
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert redis.Redis.from_url(redis_url).llen("rq:queue:default") == 0


def test_a_report_requested_while_redis_is_down_is_kept_and_built_by_the_sweep(
    settings, staff_user, caplog
):
    from meisterhub.reports.job_recovery import requeue_stalled_jobs
    from meisterhub.reports.models import ReportJob
    from meisterhub.reports.services import request_annual_report

    # given: the queue on a Redis that is down
    _queue_on(settings, CLOSED_REDIS_URL)
    # when: staff request a report: the request itself succeeds
    job = request_annual_report(actor=staff_user, year=2024)
    # then: the failed enqueue is logged, and the job waits
    assert "Error calling" in caplog.text and "on_commit" in caplog.text
    job.refresh_from_db()
    assert job.status == ReportJob.Status.QUEUED
    # when: the queue works again and the clock sweeps after the grace period
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert requeue_stalled_jobs(now=timezone.now() + timedelta(minutes=6)) == 1
    # then: the job is built
    job.refresh_from_db()
    assert job.status == ReportJob.Status.DONE
