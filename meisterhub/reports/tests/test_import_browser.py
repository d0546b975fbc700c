"""Staff upload a company file with '있으면 고친다', read the preview and confirm it."""

import pytest

from meisterhub.companies.models import Company
from meisterhub.companies.tests.factories import CompanyFactory, valid_brn
from meisterhub.core.history import history_of
from tests.a11y.axe import FAILING_IMPACTS, violations
from tests.support.browser_testing import log_in_as

from .test_import_update import HEADER, company_row
from .test_transfer import xlsx_upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_preview_then_confirm(page, tmp_path, staff_user):
    company = CompanyFactory(
        name="옛이름정공",
        brn=valid_brn(7101),
        employees=10,
        address="창원시 성산구 1",
        district="seongsan",
    )
    path = tmp_path / "기업.xlsx"
    path.write_bytes(
        xlsx_upload(
            HEADER,
            [
                company_row(company.brn, "새이름정공"),
                company_row(valid_brn(7102), "새기업"),
                company_row("123", "틀린번호"),
            ],
        ).read()
    )
    log_in_as(page, staff_user)

    page.goto(page.base_url + "/reports/transfer/")
    serious = [
        v for v in violations(page, role="staff", url="transfer") if v.impact in FAILING_IMPACTS
    ]
    assert serious == [], "\n".join(v.describe() for v in serious)
    page.get_by_label("가져올 자료").select_option("companies")
    page.locator("label", has_text="있으면 고친다").click()  # as KRDS draws it: by its label
    assert page.get_by_label("있으면 고친다").is_checked()
    page.get_by_label("파일 (CSV 또는 XLSX)").set_input_files(str(path))
    page.get_by_role("button", name="미리보기").click()

    page.get_by_role("heading", name="가져오기 미리보기").wait_for()
    rows = page.locator("#import-rows tbody tr")
    assert rows.count() == 3
    assert rows.nth(0).locator("td").nth(1).inner_text() == "변경"
    assert "기업명: 옛이름정공 → 새이름정공" in rows.nth(0).inner_text()
    assert rows.nth(1).locator("td").nth(1).inner_text() == "추가"
    assert rows.nth(2).locator("td").nth(1).inner_text() == "오류"
    assert page.locator("#import-errors tbody tr").inner_text().split("\t")[:2] == [
        "4행",
        "사업자등록번호",
    ]
    serious = [
        v for v in violations(page, role="staff", url="preview") if v.impact in FAILING_IMPACTS
    ]
    assert serious == [], "\n".join(v.describe() for v in serious)
    company.refresh_from_db()
    assert company.name == "옛이름정공"  # the preview saved nothing

    # All or nothing by default: the bad row stops the save, the person may then choose.
    page.get_by_role("button", name="확인하고 저장").click()
    page.get_by_text("잘못된 행이 있어 아무것도 저장하지 않았습니다").wait_for()
    assert not Company.objects.filter(name="새기업").exists()
    # By its label: the box itself is the KRDS checkbox another change of issue 17 redraws.
    page.locator("label", has_text="잘못된 행은 건너뛰고 올바른 행만 가져오기").click()
    assert page.get_by_label("잘못된 행은 건너뛰고 올바른 행만 가져오기").is_checked()
    page.get_by_role("button", name="확인하고 저장").click()

    page.get_by_role("heading", name="가져오기 결과").wait_for()
    assert "추가 1, 변경 1" in page.get_by_role("status").first.inner_text()
    company.refresh_from_db()
    assert company.name == "새이름정공"
    assert Company.objects.filter(name="새기업").exists()
    assert history_of(company).filter(action="companies.company.updated").count() == 1
