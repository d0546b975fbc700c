import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from meisterhub.core.models import History
from meisterhub.reports.figures import annual_figures, fmt
from meisterhub.reports.models import ReportJob
from meisterhub.reports.services import request_annual_report, run_report_job

from .factories import seed_year
from .test_figures import YEAR


def pdf_text(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", text)


def xlsx_values(data: bytes) -> dict:
    book = load_workbook(io.BytesIO(data), read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets}


@pytest.fixture
def seeded(taxonomy, staff_user):
    return seed_year(YEAR, staff_user)


def dashboard_context(client, staff_user, **params):
    client.force_login(staff_user)
    response = client.get(reverse("reports:dashboard"), params)
    assert response.status_code == 200
    return response


def test_pdf_and_xlsx_show_the_dashboards_figures(client, seeded, staff_user,
                                                  django_capture_on_commit_callbacks):
    response = dashboard_context(client, staff_user, year=YEAR)
    figures = response.context["figures"]
    assert figures == annual_figures(YEAR)
    with django_capture_on_commit_callbacks(execute=True):  # the task runs immediately
        job = request_annual_report(actor=staff_user, year=YEAR)
    job.refresh_from_db()
    assert (job.status, job.progress) == (ReportJob.Status.DONE, 100)
    text = pdf_text(job.pdf_file.read())
    sheets = xlsx_values(job.xlsx_file.read())
    html = response.content.decode()
    summary = sheets["요약"]
    for number, section in enumerate(figures["sections"], start=1):
        assert section["title"] in text
        sheet = next(rows for name, rows in sheets.items() if name.startswith(f"{number}."))
        for kpi in section["kpis"]:
            shown = fmt(kpi["value"])
            assert f"{kpi['label']} {shown}" in text, kpi
            assert f"{shown}</strong>" in html
            assert [section["title"], kpi["label"], kpi["value"]] in summary
            assert [kpi["label"], kpi["value"]] in [row[:2] for row in sheet]
        for table in section["tables"]:
            for row in table["rows"]:
                line = " ".join(fmt(cell) for cell in row)
                assert line in text, line
                assert row in [r[:len(row)] for r in sheet], row
    assert "2,2,4.5" not in text  # numbers are printed with the shared formatter only
    assert History.objects.filter(action="reports.report_job.requested").count() == 1


def test_empty_year_gives_an_empty_report_not_an_error(db, staff_user,
                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = request_annual_report(actor=staff_user, year=2016)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.DONE
    text = pdf_text(job.pdf_file.read())
    assert "2016년: 해당 연도의 실적이 없습니다" in text
    assert text.count("해당 연도의 실적이 없습니다") == 8  # the notice and each of 7 sections
    sheets = xlsx_values(job.xlsx_file.read())
    assert ["2016년: 해당 연도의 실적이 없습니다"] in [row[:1] for row in sheets["요약"]]


def test_missing_korean_font_fails_the_job_with_a_korean_message(db, staff_user, settings,
                                                                   monkeypatch):
    from meisterhub.reports import conf, pdf

    monkeypatch.setattr(conf, "KOREAN_FONT", "/nonexistent/NanumGothic.ttf")
    monkeypatch.setattr(pdf, "FONT", "NanumGothicMissing")  # force a fresh registration
    job = ReportJob.objects.create(year=2020, requested_by=staff_user)
    job = run_report_job(job.pk)
    assert job.status == ReportJob.Status.FAILED
    assert "fonts-nanum" in job.error and "한글 글꼴" in job.error
    assert not job.pdf_file


def test_only_staff_may_request_or_download(client, db, staff_user, member_a,
                                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = request_annual_report(actor=staff_user, year=2020)
    client.force_login(member_a)
    assert client.get(reverse("reports:dashboard")).status_code == 403
    assert client.get(reverse("reports:report_job", args=[job.pk])).status_code == 404
    assert client.get(reverse("reports:report_file", args=[job.pk, "pdf"])).status_code == 404
    response = client.post(reverse("reports:report_new"), {"year": 2020})
    assert response.status_code == 403
    assert ReportJob.objects.count() == 1
    client.force_login(staff_user)
    response = client.get(reverse("reports:report_file", args=[job.pk, "pdf"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    downloaded = b"".join(response.streaming_content)
    assert downloaded.startswith(b"%PDF")
    # The file handed out is the job's report, whole, not any PDF.
    job.refresh_from_db()
    assert downloaded == job.pdf_file.read()
    assert "2020년 성과 보고 (성과공유회 자료)" in pdf_text(downloaded)
    assert client.get(reverse("reports:report_file", args=[job.pk, "exe"])).status_code == 404


def test_button_queues_a_job_and_the_status_page_polls_until_done(
        client, db, staff_user, django_capture_on_commit_callbacks):
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:report_new"), {"year": 2021, "area": "export"})
    job = ReportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:report_job", args=[job.pk])
    assert (job.year, job.area, job.status, job.requested_by) == (2021, "export", "done",
                                                                   staff_user)
    page = client.get(response["Location"]).content.decode()
    assert "PDF 내려받기" in page and 'hx-trigger="every 2s"' not in page
    ReportJob.objects.filter(pk=job.pk).update(status="running", progress=40)
    fragment = client.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 2s"' in fragment and 'value="40"' in fragment
    assert "<html" not in fragment


def test_bad_year_is_refused_and_nothing_queued(client, db, staff_user):
    client.force_login(staff_user)
    response = client.post(reverse("reports:report_new"), {"year": 1999})
    assert response.status_code == 400
    assert ReportJob.objects.count() == 0


def test_command_builds_both_files(db, capsys):
    call_command("build_annual_report", "--year", "2019")
    job = ReportJob.objects.get()
    assert job.status == "done"
    data = job.pdf_file.read()
    assert data.startswith(b"%PDF")
    # A readable report of that year: every section and the definitions, and both files.
    text = pdf_text(data)
    figures = annual_figures(2019)
    assert "2019년 성과 보고 (성과공유회 자료)" in text
    for number, section in enumerate(figures["sections"], start=1):
        assert f"{number}. {section['title']}" in text
    assert "지표 정의" in text and "상담 건수" in text
    sheets = xlsx_values(job.xlsx_file.read())
    assert list(sheets)[:2] == ["요약", "지표 정의"] and len(sheets) == 2 + len(figures["sections"])
    out = capsys.readouterr()
    assert "완료" in out.out and "보고서 생성" in out.err
