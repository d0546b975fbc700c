import pytest
from django.core import mail

from meisterhub.events.models import Registration
from tests.support.browser_testing import open_as

from .factories import make_event


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_fill_waitlist_promote_and_check_in(page, browser, member_a, member_b, staff_user):
    event = make_event(title="메이커스페이스 3D프린터 교육", kind="training", capacity=1)
    base = page.base_url
    first = open_as(browser, base, member_a)
    first.goto(f"{base}/events/{event.pk}/")
    first.click("form[action$='/register/'] button[type=submit]")
    assert "참가 확정" in first.inner_text("#registration-status")
    assert first.locator("figure.event-qr svg").count() == 1

    second = open_as(browser, base, member_b)
    second.goto(f"{base}/events/{event.pk}/")
    assert second.inner_text("form[action$='/register/'] button") == "대기 신청"
    second.click("form[action$='/register/'] button[type=submit]")
    assert "대기 (대기 1번)" in second.inner_text("#registration-status")

    first.goto(f"{base}/events/my/")
    first.click("form[action$='/cancel/'] button")
    assert "참가 신청을 취소했습니다." in first.inner_text("main")
    second.reload()
    assert "참가 확정" in second.inner_text("#registration-status")
    code = second.inner_text("#checkin-code")
    assert any("대기에서 참가 확정" in m.subject and m.to == [member_b.email]
               for m in mail.outbox)

    page.context.add_cookies(open_as(browser, base, staff_user).context.cookies())
    page.goto(f"{base}/events/{event.pk}/checkin/")
    page.fill("#id_code", code)
    page.press("#id_code", "Enter")
    page.wait_for_selector("#checkin-message.success")
    assert "체크인되었습니다" in page.inner_text("#checkin-message")
    assert "참석 1명" in page.inner_text("#attendance")
    page.fill("#id_code", code)
    page.press("#id_code", "Enter")
    page.wait_for_selector("#checkin-message.error")
    assert page.inner_text("#checkin-message") == "이미 체크인되었습니다."
    assert Registration.objects.get(user=member_b).status == "attended"
