"""Staff open the dashboard, filter a year, build the report and open the downloaded PDF."""

import io

import pytest
from django.conf import settings
from django.test import Client
from pypdf import PdfReader

from meisterhub.reports.models import ReportJob

from .factories import seed_year
from .test_figures import YEAR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_filter_the_dashboard_and_download_the_report(page, taxonomy, staff_user):
    seed_year(YEAR, staff_user)
    client = Client()
    client.force_login(staff_user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                               "url": page.base_url}])
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))  # JavaScript errors

    page.goto(page.base_url + "/reports/")
    page.get_by_label("연도", exact=True).select_option(str(YEAR))
    page.get_by_role("button", name="조회").click()
    page.wait_for_url(f"**/reports/?year={YEAR}*")
    table = page.locator("#table-consultations-month")
    assert table.locator("caption").inner_text() == "월별 상담 건수"
    assert table.locator("tbody tr").nth(2).inner_text().split() == ["3월", "2", "0", "2"]
    # Chart.js drew into the canvas beside the table (no inline script needed).
    page.wait_for_function(
        "document.querySelector('canvas[data-chart=\"consultations-month\"]').dataset.drawn")
    assert page.evaluate("typeof Chart") == "function"
    assert errors == []
    # The measures are defined in words on the page, and the link to them works.
    page.get_by_role("link", name="지표 정의").click()
    definitions = page.get_by_role("region", name="지표 정의")
    assert definitions.is_visible()
    assert "‘완료’(상담 완료)인 건수" in definitions.locator(
        '[data-measure="consultations.completed"]').inner_text()
    status = page.locator("#table-consultations-status tbody tr").last.inner_text().split()
    assert status == ["합계", "4", "0", "0", "0", "1", "0"]
    # With a year of data (charts, status tables, definitions) axe finds nothing serious.
    from tests.a11y.axe import violations

    failing = [v.describe() for v in violations(page, role="staff", url=page.url) if v.failing]
    assert failing == []

    page.get_by_role("button", name="성과 보고서 만들기 (PDF·XLSX)").click()
    page.wait_for_url("**/reports/annual/*/")
    link = page.get_by_role("link", name="PDF 내려받기")
    link.wait_for()
    with page.expect_download() as info:
        link.click()
    pdf = info.value.path().read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert f"{YEAR}년 성과 보고" in text and "마이스터 기술상담" in text
    assert ReportJob.objects.get().status == "done"
