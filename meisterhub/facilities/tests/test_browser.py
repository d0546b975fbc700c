import pytest

from meisterhub.facilities.models import Reservation
from tests.support.browser_testing import log_in_as as login

from .factories import make_facility, next_monday


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_reserve_a_room_through_the_week_calendar(page, member_a, company_a):
    room = make_facility(name="투자상담실", kind="investment_room", capacity=6)
    login(page, member_a)
    this_week = next_monday(0)
    target = next_monday(1)
    page.goto(f"{page.base_url}/facilities/{room.pk}/?day={this_week.isoformat()}")
    page.click("a[data-nav=next]")  # htmx swaps the calendar to next week
    page.wait_for_selector(f"td[data-start^='{target.isoformat()}T09:00']")
    assert page.url.endswith(f"day={target.isoformat()}")
    page.get_by_role("link", name=f"예약 가능 {target.month}월 {target.day}일 14:00").click()
    assert page.input_value("#id_start") == "14:00"
    assert page.input_value("#id_day") == target.isoformat()
    page.fill("#id_purpose", "시리즈A 투자자 미팅")
    page.fill("#id_headcount", "4")
    page.click("form.form-card button[type=submit]")
    page.wait_for_url("**/facilities/my/")
    assert "시리즈A 투자자 미팅" in page.inner_text("main")
    reservation = Reservation.objects.get()
    assert (reservation.status, reservation.company_id, reservation.headcount) == (
        "confirmed", company_a.pk, 4)
    page.goto(f"{page.base_url}/facilities/{room.pk}/?day={target.isoformat()}")
    mine = page.locator(f"td[data-start^='{target.isoformat()}T14:00']")
    assert mine.inner_text().strip() == "내 예약"
