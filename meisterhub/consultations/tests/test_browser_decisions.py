"""In a real browser: a meister proposes another time, the company accepts it, then moves it."""

from datetime import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.support.browser_testing import log_in_as, open_as

from ..models import Booking, BookingStatus
from ..services import book_consultation
from ..slots import aware
from .factories import bookable_day, field, make_sitting_meister


def shown(moment) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_propose_accept_and_reschedule(page, browser, live_server, taxonomy, member_a, company_a):
    meister = make_sitting_meister(weekday=2, end_time=time(14))
    day = bookable_day(2)
    booking = book_consultation(
        actor=member_a,
        company=company_a,
        field=field(),
        meister=meister,
        starts_at=aware(day, time(10)),
        problem="알루미늄 다이캐스팅 기공",
    )
    proposed, moved = aware(day, time(12)), aware(day, time(13))

    # The meister opens "다른 시간 제안" on the requested booking and picks 12:00.
    log_in_as(page, meister.user)
    page.goto(f"{page.base_url}/consultations/meister/")
    row = page.locator(f"#pending-{booking.pk}")
    row.get_by_text("다른 시간 제안").click()
    row.get_by_label("제안할 시간").select_option(proposed.isoformat())
    row.get_by_label("제안 사유").fill("오전에는 현장 방문이 있습니다.")
    row.get_by_role("button", name="제안하기").click()
    expect(page.locator(".messages")).to_contain_text("다른 시간을 제안했습니다.")
    expect(page.locator("#open-proposals")).to_contain_text(shown(proposed))

    # The company, at another computer, sees the proposal and accepts it.
    company = open_as(browser, live_server.url, member_a)
    company.goto(f"{company.base_url}/consultations/my/")
    company.locator("#awaiting-bookings").get_by_role("link").first.click()
    expect(company.locator("#proposal")).to_contain_text("오전에는 현장 방문이 있습니다.")
    company.get_by_role("button", name="제안 수락").click()
    expect(company.locator(".messages")).to_contain_text("제안된 시간으로 상담이 확정되었습니다.")
    expect(company.locator("main h1")).to_contain_text("확정")
    expect(company.locator("main")).to_contain_text(shown(proposed))
    booking.refresh_from_db()
    assert (booking.status, booking.starts_at) == (BookingStatus.CONFIRMED, proposed)

    # Then it moves the booking to 13:00 from the same page.
    company.get_by_label("상담 일시").select_option(moved.isoformat())
    company.get_by_role("button", name="이 시간으로 변경").click()
    expect(company.locator(".messages")).to_contain_text("상담 일정을 바꾸었습니다.")
    expect(company.locator("main")).to_contain_text(shown(moved))
    booking.refresh_from_db()
    assert (booking.status, booking.starts_at) == (BookingStatus.REQUESTED, moved)
    assert Booking.objects.filter(meister=meister).count() == 1
    company.context.close()
