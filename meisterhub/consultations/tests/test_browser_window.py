"""In a real browser: the month calendar's link opens the form on that day's slot, and a slot
taken meanwhile is answered with the nearest free ones, which fill the form on a click."""

from datetime import timedelta

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.support.browser_testing import log_in_as

from ..models import Booking
from ..services import book_consultation
from .factories import field
from .test_browser import choose_and_wait
from .window_helpers import at, open_run, weekday_meister, window_ending_on


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_calendar_link_opens_the_form_and_a_taken_slot_offers_the_nearest(
    page, settings, taxonomy, member_a, company_a, member_b, company_b
):
    meister = weekday_meister()
    _before, day, last, beyond = open_run(4, after_days=8)
    days = window_ending_on(settings, last)
    opens = beyond - timedelta(days=days)

    # The calendar links the open day, and says when the day after the window opens.
    log_in_as(page, member_a)
    month = reverse("consultations:meister_month", args=[meister.pk])
    page.goto(f"{page.base_url}{month}?month={beyond:%Y-%m}")
    expect(page.locator(".month-table")).to_contain_text(f"{opens.month}월 {opens.day}일부터 신청")
    page.goto(f"{page.base_url}{month}?month={day:%Y-%m}")
    cell = page.locator(".month-table td", has=page.locator(f"a[href*='{day:%Y-%m-%d}T10']"))
    expect(cell).to_have_count(1)
    cell.get_by_role("link", name="빈 시간 2개").click()

    # The form opens on that meister and that day's first slot, and offers the whole window.
    expect(page.locator("#id_meister")).to_have_value(str(meister.pk))
    expect(page.locator("#id_slot")).to_have_value(at(day, 10).isoformat())
    offered = page.locator("#id_slot option").evaluate_all("os => os.map(o => o.value)")
    assert offered[-1] == at(last, 11).isoformat()
    assert at(beyond, 10).isoformat() not in offered

    # The person fills in the form; another company takes the slot before it is sent.
    page.select_option("#id_company", str(company_a.pk))
    page.fill("#id_problem", "프레스 금형 펀치가 자주 깨집니다.")
    choose_and_wait(page, "#id_field", "WELD")
    page.select_option("#id_slot", at(day, 10).isoformat())
    book_consultation(
        actor=member_b,
        company=company_b,
        field=field(),
        meister=meister,
        starts_at=at(day, 10),
        problem="먼저 신청",
    )
    page.click("button:has-text('상담 신청하기')")

    expect(page.locator("#booking-choices")).to_contain_text("이미 예약된 시간입니다.")
    expect(page.locator("main")).not_to_contain_text("선택가능항목")
    expect(page.locator("#id_problem")).to_have_value("프레스 금형 펀치가 자주 깨집니다.")
    buttons = page.locator("#slot-alternatives button")
    expect(buttons).to_have_count(3)
    buttons.nth(2).click()  # the latest of the three: 11:00 the same day
    expect(page.locator("#id_slot")).to_have_value(at(day, 11).isoformat())
    expect(page.locator("#id_slot")).to_be_focused()
    page.click("button:has-text('상담 신청하기')")
    expect(page.locator(".messages")).to_contain_text("상담 신청이 접수되었습니다")
    mine = Booking.objects.get(company=company_a)
    assert (mine.starts_at, mine.request.problem) == (
        at(day, 11),
        "프레스 금형 펀치가 자주 깨집니다.",
    )
