"""The annual report is built by a real `db_worker` process, not by the web process.

The test settings run tasks immediately; here the test switches to the database backend the
production default uses, requests the report in the browser, sees it wait in the queue, then
starts `manage.py db_worker` as a separate process against the same test database and media
directory, and downloads the PDF and XLSX the worker wrote.
"""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from meisterhub.reports.models import ReportJob
from meisterhub.reports.tests.factories import seed_year
from meisterhub.reports.tests.test_figures import YEAR

pytestmark = [
    pytest.mark.browser,
    pytest.mark.every_database,  # the worker process reads the queue of the database under test
    pytest.mark.django_db(transaction=True),
]

BASE_DIR = Path(django_settings.BASE_DIR)
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
WORKER_TIMEOUT_MS = 90_000


def _database_url() -> str:
    """A URL for the test database this process (and its live server) is using right now."""
    params = connection.settings_dict
    if connection.vendor == "sqlite":
        name = str(params["NAME"])
        assert name and ":memory:" not in name and "mode=memory" not in name, (
            "the worker needs a file database it can open from another process")
        return f"sqlite:///{Path(name).resolve()}"
    assert connection.vendor == "postgresql", connection.vendor
    auth = quote(params.get("USER") or "", safe="")
    if params.get("PASSWORD"):
        auth += ":" + quote(params["PASSWORD"], safe="")
    host = params.get("HOST") or "localhost"
    port = f":{params['PORT']}" if params.get("PORT") else ""
    return f"postgres://{auth}{'@' if auth else ''}{host}{port}/{quote(params['NAME'], safe='')}"


@pytest.fixture
def database_tasks(settings):
    """The database backend for this test; django_tasks drops its cached backends on the
    setting_changed signal the settings fixture sends (and again when it restores)."""
    from django_tasks import task_backends

    settings.TASKS = DATABASE_TASKS
    backend = task_backends["default"]
    assert type(backend).__module__ == "django_tasks_db.backend", type(backend)
    return backend


@pytest.fixture
def db_worker(transactional_db, settings, tmp_path):
    """start() launches `manage.py db_worker`; it is stopped before the database is flushed."""
    processes = []
    log_path = tmp_path / "db_worker.log"

    def start() -> subprocess.Popen:
        env = {key: value for key, value in os.environ.items()
               if key not in {"TASKS_BACKEND", "TEST_DB_SUFFIX"}}
        env.update({
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": _database_url(),
            "MEDIA_ROOT": str(Path(settings.MEDIA_ROOT).resolve()),
            "DEBUG": "false",
            "PYTHONUNBUFFERED": "1",
        })
        log = open(log_path, "wb")  # noqa: SIM115 - closed in teardown
        process = subprocess.Popen(
            [sys.executable, str(BASE_DIR / "manage.py"), "db_worker", "--queue-name", "default",
             "--interval", "0.2", "--no-startup-delay", "--no-reload", "-v", "2"],
            cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        processes.append((process, log))
        return process

    start.log = lambda: log_path.read_text(errors="replace") if log_path.exists() else ""
    yield start
    for process, log in processes:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        log.close()


def _log_in(page, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": django_settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                               "url": page.base_url}])


def _download(page, name: str) -> bytes:
    link = page.get_by_role("link", name=name)
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.failure() is None, download.failure()
    return Path(download.path()).read_bytes()


def test_a_real_db_worker_builds_the_annual_report(
    database_tasks, db_worker, page, taxonomy, staff_user
):
    seed_year(YEAR, staff_user)
    _log_in(page, staff_user)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(page.base_url + f"/reports/?year={YEAR}")
    page.get_by_role("button", name="성과 보고서 만들기 (PDF·XLSX)").click()
    page.wait_for_url("**/reports/annual/*/")

    # No worker yet: the job waits in the queue, and nothing has built it in the web process.
    status = page.locator("#job-status")
    assert status.locator("strong").inner_text() == "대기"
    assert "자동으로 갱신" in status.inner_text()
    assert page.get_by_role("link", name="PDF 내려받기").count() == 0
    job = ReportJob.objects.get()
    assert (job.status, job.pdf_file.name) == (ReportJob.Status.QUEUED, "")
    task_row = DBTaskResult.objects.get()
    assert task_row.task_path == "meisterhub.reports.tasks.build_report_task"
    assert task_row.args_kwargs == {"args": [job.pk], "kwargs": {}}
    assert (task_row.status, task_row.worker_ids) == (TaskResultStatus.READY, [])
    time.sleep(2.5)  # a full htmx polling round: still queued, no one else is working on it
    assert status.locator("strong").inner_text() == "대기"

    worker = db_worker()
    started = time.monotonic()
    try:
        # The page's own htmx polling (every 2 s) swaps in the finished state.
        page.get_by_role("link", name="PDF 내려받기").wait_for(timeout=WORKER_TIMEOUT_MS)
    except Exception:
        pytest.fail(f"no finished report after {time.monotonic() - started:.0f}s; "
                    f"worker exit code {worker.poll()}; job {ReportJob.objects.get().status}; "
                    f"worker log:\n{db_worker.log()}")
    assert status.locator("strong").inner_text() == "완료"
    assert worker.poll() is None, f"the worker died:\n{db_worker.log()}"

    pdf = _download(page, "PDF 내려받기")
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5_000, (pdf[:20], len(pdf))
    xlsx = _download(page, "XLSX 내려받기")
    assert xlsx.startswith(b"PK\x03\x04") and len(xlsx) > 2_000, (xlsx[:20], len(xlsx))
    assert errors == []

    # The worker process ran the task: the row it claimed and finished, with its worker id.
    task_row.refresh_from_db()
    assert task_row.status == TaskResultStatus.SUCCESSFUL, (task_row.status, db_worker.log())
    assert len(task_row.worker_ids) == 1 and task_row.started_at and task_row.finished_at
    assert task_row.exception_class_path == ""
    job.refresh_from_db()
    assert (job.status, job.progress) == (ReportJob.Status.DONE, 100)
    media = Path(django_settings.MEDIA_ROOT)
    assert (media / job.pdf_file.name).read_bytes() == pdf
    assert (media / job.xlsx_file.name).read_bytes() == xlsx
