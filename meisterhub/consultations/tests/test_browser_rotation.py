"""In a real browser: a meister's leave takes that day's slots off the booking form, and
staff edit a block in place on the rotation board."""

from datetime import time

import pytest
from playwright.sync_api import expect

from tests.support.browser_testing import log_in_as, open_as

from ..models import RotationBlock
from .factories import bookable_day, make_sitting_meister


def offered_days(page) -> set[str]:
    values = page.eval_on_selector_all("#id_slot option", "els => els.map(e => e.value)")
    return {v[:10] for v in values if v}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_leave_on_my_schedule_removes_the_days_slots_from_the_booking_form(
    page, browser, live_server, taxonomy, member_a
):
    meister = make_sitting_meister(weekday=2)
    day = bookable_day(2)
    booking_form = f"{live_server.url}/consultations/new/?field=WELD&meister={meister.pk}"

    company = open_as(browser, live_server.url, member_a)
    company.goto(booking_form)
    assert day.isoformat() in offered_days(company)

    log_in_as(page, meister.user)
    page.goto(f"{page.base_url}/consultations/meister/schedule/")
    expect(page.locator("#my-slots")).to_contain_text(day.isoformat())
    form = page.locator("#leave-form")
    form.locator("#id_starts_on").fill(day.isoformat())
    form.locator("#id_ends_on").fill(day.isoformat())
    form.locator("#id_reason").fill("기술 세미나 발표")
    form.locator("button:has-text('휴가 등록')").click()
    expect(page.locator(".messages")).to_contain_text("휴가를 등록했습니다")
    expect(page.locator("#my-leaves")).to_contain_text("기술 세미나 발표")
    expect(page.locator("#my-slots")).not_to_contain_text(day.isoformat())

    company.goto(booking_form)
    days = offered_days(company)
    assert day.isoformat() not in days and days  # other weeks are still offered
    company.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_staff_edit_a_block_in_place_on_the_board(page, taxonomy, staff_user):
    meister = make_sitting_meister(weekday=1)
    day = bookable_day(1)
    cell = f"#cell-{meister.pk}-{day:%Y%m%d}"

    log_in_as(page, staff_user)
    page.goto(f"{page.base_url}/consultations/staff/rotation/?week={day.isoformat()}")
    page.wait_for_function("() => window.htmx !== undefined")
    expect(page.locator(cell)).to_contain_text("10:00–12:00")
    page.locator(cell).get_by_role("link", name="수정").click()
    expect(page.locator(f"{cell} form").first).to_be_visible()
    page.locator(f"{cell} #id_end_time").fill("13:00")
    page.locator(f"{cell} #id_place").fill("세미나실")
    page.locator(cell).get_by_role("button", name="저장").click()
    expect(page.locator(cell)).to_contain_text("10:00–13:00")
    expect(page.locator(cell)).to_contain_text("세미나실")
    expect(page.locator(f"{cell} form")).to_have_count(0)
    block = RotationBlock.objects.get(meister=meister)
    assert (block.end_time, block.place) == (time(13), "세미나실")

    # A bad time stays in the cell with the message beside the field, nothing saved.
    page.locator(cell).get_by_role("link", name="수정").click()
    page.locator(f"{cell} #id_start_time").fill("14:00")
    page.locator(cell).get_by_role("button", name="저장").click()
    expect(page.locator(f"{cell} .is-error")).to_contain_text("종료 시각이 시작 시각보다")
    assert RotationBlock.objects.get(meister=meister).start_time == time(10)
