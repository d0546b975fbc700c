"""Staff run a call in the pages; a company finds it and starts an application."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meisterhub.programs.models import Application, Call, Program
from tests.support.browser_testing import log_in_as, open_as

FORM_TIME = "%Y-%m-%dT%H:%M"


def _when(**delta) -> str:
    return timezone.localtime(timezone.now() + timedelta(**delta)).strftime(FORM_TIME)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_staff_publish_a_call_and_a_company_applies(page, browser, staff_user, member_a,
                                                     company_a):
    base = page.base_url
    log_in_as(page, staff_user)
    page.goto(f"{base}/programs/manage/programs/new/")
    page.get_by_label("사업 분야").select_option(label="수출지원")
    page.get_by_label("사업명").fill("중소기업 수출 바우처")
    page.get_by_label("사업 연도").fill(str(timezone.localdate().year))
    page.get_by_role("button", name="저장", exact=True).click()
    page.get_by_text("지원사업 '중소기업 수출 바우처'을(를) 등록했습니다.").wait_for()

    page.get_by_label("공고명").fill("수출 바우처 1차 모집")
    page.get_by_label("접수 시작").fill(_when(hours=-1))
    page.get_by_label("접수 마감").fill(_when(days=14))
    page.get_by_label("사업 예산(원)").fill("300000000")
    page.get_by_role("button", name="신청 자격 미리보기").click()
    page.locator("#preview-counts").wait_for()
    assert "신청 가능 1곳" in page.locator("#preview-counts").inner_text()
    page.get_by_role("button", name="저장", exact=True).click()
    page.get_by_text("공고를 작성 중 상태로 저장했습니다.").wait_for()
    assert page.locator("#call-stage").inner_text() == "작성 중(미게시)"

    documents = page.locator("#call-documents")
    documents.get_by_label("서류명").fill("수출 계획서")
    documents.locator("label").filter(has_text="PDF").first.click()  # KRDS styles the box
    assert documents.get_by_label("PDF").is_checked()
    documents.get_by_role("button", name="서류 추가").click()
    page.get_by_text("'수출 계획서' 서류를 넣었습니다.").wait_for()
    page.get_by_role("button", name="게시", exact=True).click()
    page.get_by_text("공고를 게시했습니다.").wait_for()
    assert page.locator("#call-stage").inner_text() == "접수 중"

    company = open_as(browser, base, member_a)
    company.goto(f"{base}/programs/")
    company.get_by_role("link", name="수출 바우처 1차 모집").click()
    company.get_by_text("수출 계획서 (PDF)").wait_for()
    company.get_by_role("button", name="신청서 작성").click()
    company.get_by_role("heading", name="신청서 작성: 수출 바우처 1차 모집").wait_for()
    application = Application.objects.get()
    assert (application.company, application.status, application.call.title) == (
        company_a, "draft", "수출 바우처 1차 모집")
    company.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_deadline_before_opening_is_shown_and_nothing_saved(page, staff_user):
    Program.objects.create(area="export", name="수출 바우처", year=timezone.localdate().year)
    base = page.base_url
    log_in_as(page, staff_user)
    page.goto(f"{base}/programs/manage/calls/new/")
    page.get_by_label("지원사업").select_option(index=1)
    page.get_by_label("공고명").fill("날짜가 거꾸로인 공고")
    page.get_by_label("접수 시작").fill(_when(days=10))
    page.get_by_label("접수 마감").fill(_when(days=2))
    page.get_by_role("button", name="저장", exact=True).click()
    deadline = page.locator(".form-group", has=page.get_by_label("접수 마감"))
    deadline.get_by_text("접수 마감은 접수 시작보다 뒤여야 합니다.").wait_for()
    assert page.get_by_label("공고명").input_value() == "날짜가 거꾸로인 공고"
    assert not Call.objects.exists()
