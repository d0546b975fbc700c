from datetime import timedelta

import pytest
from django.utils import timezone

from meisterhub.events.models import Event, Registration
from tests.support.browser_testing import log_in_as, open_as

LOCAL = "%Y-%m-%dT%H:%M"


def fill_event_form(page, *, title: str, capacity: str) -> None:
    now = timezone.localtime()
    page.fill("#id_title", title)
    page.select_option("#id_kind", "seminar")
    page.select_option("#id_area", "enterprise")
    page.fill("#id_description", "스마트공장 도입 사례를 나눕니다.")
    page.fill("#id_starts_at", (now + timedelta(days=20)).strftime(LOCAL))
    page.fill("#id_ends_at", (now + timedelta(days=20, hours=2)).strftime(LOCAL))
    page.fill("#id_place", "창원컨벤션센터 301호")
    page.fill("#id_capacity", capacity)
    page.fill("#id_registration_opens_at", (now - timedelta(hours=1)).strftime(LOCAL))
    page.fill("#id_registration_closes_at", (now + timedelta(days=19)).strftime(LOCAL))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_staff_create_and_publish_then_a_member_registers(page, browser, staff_user, member_a):
    base = page.base_url
    log_in_as(page, staff_user)
    page.goto(f"{base}/events/manage/new/")
    fill_event_form(page, title="스마트공장 도입 세미나", capacity="30")
    page.click("#event-form button[type=submit]")
    page.wait_for_selector("#event-status")
    assert page.inner_text("#event-status") == "준비 중"
    assert "행사를 준비 중 상태로 등록했습니다" in page.inner_text("main")

    member = open_as(browser, base, member_a)
    member.goto(f"{base}/events/")
    assert "스마트공장 도입 세미나" not in member.inner_text("#event-rows")  # a draft

    page.click("#publish")
    page.wait_for_selector("text=행사를 게시했습니다")
    assert page.inner_text("#event-status") == "공개"
    assert "행사 게시: 상태(준비 중 → 공개)" in page.inner_text("section.history")

    member.reload()
    member.click("#event-rows >> text=스마트공장 도입 세미나")
    member.click("form[action$='/register/'] button[type=submit]")
    assert "참가 확정" in member.inner_text("#registration-status")
    event = Event.objects.get(title="스마트공장 도입 세미나")
    assert Registration.objects.get(event=event).user == member_a
    page.reload()
    assert page.inner_text("#seat-count").startswith("1 / 30")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_capacity_zero_shows_the_korean_message_beside_capacity(page, staff_user):
    log_in_as(page, staff_user)
    page.goto(f"{page.base_url}/events/manage/new/")
    fill_event_form(page, title="정원 없는 교육", capacity="0")
    page.click("#event-form button[type=submit]")
    group = page.locator(".form-group.is-error", has=page.locator("#id_capacity"))
    assert group.locator(".form-hint-invalid").inner_text() == "정원은 1명 이상이어야 합니다."
    assert page.input_value("#id_title") == "정원 없는 교육"  # the input stays
    assert page.locator(".form-group.is-error").count() == 1
    assert not Event.objects.exists()
