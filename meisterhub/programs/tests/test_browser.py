"""A company applies, three evaluators score, staff select, the company sees the result."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from meisterhub.programs.models import Application, Call

from .factories import make_call, make_evaluator, pdf, xlsx


def _logged_in_page(browser, base_url, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="ko-KR")
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                          "url": base_url}])
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def _file(upload):
    return {"name": upload.name, "mimeType": "application/octet-stream", "buffer": upload.read()}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_apply_score_select_and_see_result(page, browser, member_a, company_a, staff_user):
    call = make_call(title="스마트공장 고도화 공고", selection_count=1)
    evaluators = [make_evaluator(f"judge{n}") for n in range(3)]
    base = page.base_url
    company = _logged_in_page(browser, base, member_a)

    company.goto(f"{base}/programs/?status=open")
    company.get_by_role("link", name="스마트공장 고도화 공고").click()
    company.get_by_role("button", name="신청서 작성").click()
    company.get_by_label("사업계획 요약").fill("용접 라인 자동화로 불량률을 절반으로 줄입니다.")
    company.get_by_label("신청 금액(원)").fill("50000000")
    company.get_by_role("button", name="임시 저장").click()
    company.get_by_text("임시 저장했습니다.").wait_for()
    company.get_by_label("사업계획서 파일").set_input_files(_file(pdf()))
    company.get_by_role("row", name="사업계획서").get_by_role("button", name="올리기").click()
    company.get_by_label("재무제표 파일").set_input_files(_file(xlsx()))
    company.get_by_role("row", name="재무제표").get_by_role("button", name="올리기").click()
    company.get_by_role("button", name="신청서 제출").click()
    company.get_by_text("신청서를 제출했습니다.").wait_for()
    assert company.locator("[aria-current=step]").inner_text() == "3. 서류검토"

    application = Application.objects.get()
    staff = _logged_in_page(browser, base, staff_user)
    staff.goto(f"{base}/programs/manage/applications/{application.pk}/")
    staff.get_by_role("button", name="서류검토 통과 → 평가").click()
    for evaluator in evaluators:
        staff.get_by_label("평가위원").select_option(label=str(evaluator))
        staff.get_by_role("button", name="배정", exact=True).click()
        staff.get_by_text("처리했습니다.").wait_for()

    for evaluator, scores in zip(evaluators, (["9", "8", "7"], ["8", "8", "8"], ["10", "9", "9"]),
                                 strict=True):
        judge = _logged_in_page(browser, base, evaluator)
        judge.goto(f"{base}/programs/evaluations/")
        judge.get_by_role("link", name=company_a.name).click()
        for label, value in zip(("기술성", "사업성", "수행역량"), scores, strict=True):
            judge.get_by_label(label).fill(value)
        judge.get_by_role("button", name="평가 제출").click()
        judge.get_by_text("평가를 제출했습니다.").wait_for()
        judge.context.close()

    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    staff.goto(f"{base}/programs/manage/calls/{call.pk}/")
    staff.get_by_role("button", name="상위 1개사 선정 확정 및 결과 통보").click()
    staff.get_by_text("1개 기업을 선정하고 결과를 알렸습니다.").wait_for()

    company.goto(f"{base}{application.get_absolute_url()}")
    assert company.locator("#application-status").inner_text() == "선정"
    company.get_by_text("축하합니다. 선정되었습니다.").wait_for()
    assert "최종 점수: 85.17점" in company.content()
