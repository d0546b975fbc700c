"""The whole loop in a real browser: book, confirm, record, read, survey."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.support.browser_testing import log_in_as

from ..models import Booking, BookingStatus, SatisfactionSurvey
from .factories import make_sitting_meister


def choose_and_wait(page, selector, value):
    """Pick an option, then wait until htmx has swapped in a fresh copy of the select."""
    page.eval_on_selector(selector, "el => el.setAttribute('data-old', '1')")
    page.select_option(selector, value)
    page.wait_for_selector(f"{selector}:not([data-old])", state="attached")
    page.wait_for_function(
        "() => !/htmx-(request|swapping|settling)/.test("
        "document.querySelector('#booking-choices').className)"
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_book_confirm_record_read_and_survey(page, taxonomy, member_a, company_a, staff_user):
    meister = make_sitting_meister(weekday=2, fields=("WELD", "NDT"))

    # A company member describes the problem, narrows by field, picks the meister and a slot.
    log_in_as(page, member_a)
    page.goto(f"{page.base_url}/consultations/new/")
    page.wait_for_function("() => window.htmx !== undefined")
    page.fill("#id_problem", "SUS304 배관 TIG 용접부에 기공과 균열이 반복됩니다.")
    page.set_input_files(
        "#id_attachments",
        files=[
            {
                "name": "배관도면.pdf",
                "mimeType": "application/pdf",
                "buffer": b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF",
            }
        ],
    )
    choose_and_wait(page, "#id_field", "NDT")
    choose_and_wait(page, "#id_meister", str(meister.pk))
    page.select_option("#id_slot", index=1)
    page.click("button:has-text('상담 신청하기')")
    expect(page.locator(".messages")).to_contain_text("상담 신청이 접수되었습니다")
    booking = Booking.objects.get()
    assert (booking.status, booking.meister_id) == (BookingStatus.REQUESTED, meister.pk)
    expect(page.locator("main")).to_contain_text("배관도면.pdf")

    # Staff confirm it from the list of requests.
    log_in_as(page, staff_user)
    page.goto(f"{page.base_url}/consultations/staff/")
    page.click("button:has-text('확정')")
    expect(page.locator(".messages")).to_contain_text("상담 예약을 확정했습니다.")
    assert Booking.objects.get().status == BookingStatus.CONFIRMED

    # The day comes (moved into the past here rather than waiting for it).
    now = timezone.now()
    Booking.objects.update(starts_at=now - timedelta(hours=2), ends_at=now - timedelta(hours=1))

    # The meister writes the record from the home page.
    log_in_as(page, meister.user)
    page.goto(f"{page.base_url}/consultations/meister/")
    page.locator("section, main").get_by_role(
        "link", name=re.compile(r"\d{4}-\d{2}-\d{2}")
    ).first.click()
    page.fill("#id_diagnosis", "보호가스 유량 부족과 루트 간격 과다")
    page.fill("#id_advice", "가스 유량 15L/min, 루트 간격 2mm 이하로 관리하고 퍼징하세요.")
    page.select_option("#id_follow_up", "testing")
    page.fill("#id_hours", "1.5")
    page.click("button:has-text('상담일지 저장')")
    expect(page.locator(".messages")).to_contain_text("상담일지를 저장했습니다.")

    # The company reads the advice and answers the survey.
    log_in_as(page, member_a)
    page.goto(f"{page.base_url}/consultations/my/")
    page.click("text=상담 만족도 조사")
    expect(page.locator("main")).to_contain_text("루트 간격 2mm 이하")
    page.get_by_text("5점", exact=True).click()
    expect(page.locator("input[name='score'][value='5']")).to_be_checked()
    page.fill("#id_comment", "바로 적용해 불량이 줄었습니다.")
    page.click("button:has-text('만족도 보내기')")
    expect(page.locator(".messages")).to_contain_text("만족도 조사에 답해 주셔서 고맙습니다.")
    survey = SatisfactionSurvey.objects.get()
    assert (survey.score, survey.booking.status) == (5, BookingStatus.COMPLETED)
