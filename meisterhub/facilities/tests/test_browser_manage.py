import pytest

from meisterhub.facilities.models import Facility, Reservation
from tests.support.browser_testing import log_in_as, open_as

from .factories import next_monday

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_add_a_room_with_hours_and_a_member_reserves_it(
        page, browser, live_server, staff_user, member_a, company_a):
    log_in_as(page, staff_user)
    page.goto(f"{page.base_url}/facilities/manage/new/")
    page.select_option("#id_center", label="마이스터센터")
    page.select_option("#id_kind", label="투자상담실")
    page.fill("#id_name", "투자상담실 2")
    page.fill("#id_location", "본관 2층")
    page.fill("#id_capacity", "6")
    page.fill("#id_equipment", "모니터\n화상회의 카메라")
    page.fill("#id_buffer_minutes", "600")
    for day in range(5):
        page.fill(f"#id_opens_{day}", "09:00")
        page.fill(f"#id_closes_{day}", "18:00")
    page.fill("#id_opens_5", "12:00")
    page.fill("#id_closes_5", "10:00")  # Saturday closes before it opens
    page.click("form.facility-form button[type=submit]")
    # Refused beside the weekday's row; nothing is saved and the input stays.
    saturday = page.locator("tr[data-weekday='5']")
    assert "토요일: 닫는 시간은 여는 시간보다 늦어야 합니다." in saturday.inner_text()
    assert page.input_value("#id_name") == "투자상담실 2"
    assert not Facility.objects.exists()
    page.fill("#id_opens_5", "")
    page.fill("#id_closes_5", "")
    page.click("form.facility-form button[type=submit]")
    buffer = page.locator(".form-group.is-error")
    assert buffer.locator("#id_buffer_minutes").count() == 1
    assert "정리 시간은 0분에서 240분 사이로 입력하세요." in buffer.inner_text()
    assert not Facility.objects.exists()
    page.fill("#id_buffer_minutes", "10")
    page.click("form.facility-form button[type=submit]")
    page.wait_for_url("**/facilities/manage/*/")
    room = Facility.objects.get()
    assert room.opening_hours == {str(d): ["09:00", "18:00"] for d in range(5)}
    assert "시설 등록" in page.inner_text("section.history")

    page.goto(f"{page.base_url}/facilities/manage/")
    assert "투자상담실 2" in page.inner_text("#facility-rows")

    member = open_as(browser, live_server.url, member_a)
    member.goto(f"{live_server.url}/facilities/")
    member.get_by_role("link", name="투자상담실 2").click()
    member.wait_for_url(f"**/facilities/{room.pk}/")
    day = next_monday(1)
    member.goto(f"{live_server.url}/facilities/{room.pk}/reserve/"
                f"?day={day.isoformat()}&start=10:00&end=11:00")
    member.fill("#id_purpose", "투자 유치 상담")
    member.fill("#id_headcount", "3")
    member.click("form.form-card button[type=submit]")
    member.wait_for_url("**/facilities/my/")
    assert "투자 유치 상담" in member.inner_text("main")
    reservation = Reservation.objects.get()
    assert (reservation.facility_id, reservation.company_id, reservation.status) == (
        room.pk, company_a.pk, "confirmed")
    member.context.close()
