import re

import pytest
from django.core import mail

from meisterhub.meisters.models import Meister
from tests.support.browser_testing import log_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_onboard_and_invite_a_meister_who_sets_a_password_and_logs_in(
        page, browser, live_server, staff_user, taxonomy, settings):
    log_in_as(page, staff_user)
    page.goto(f"{page.base_url}/meisters/manage/new/")
    page.fill("#id_name", "한주조")
    page.fill("#id_title", "명장")
    page.fill("#id_career", "주물공장 품질팀장 25년")
    page.fill("#id_email", "han@example.kr")
    page.click("form.form-card button[type=submit]")
    # No field chosen: the message is beside the field and nothing is saved.
    assert "전문분야를 하나 이상 고르세요." in page.inner_text(".form-group.is-error")
    assert not Meister.objects.exists() and not mail.outbox
    page.select_option("#id_field_1", label="주조")
    page.click("label[for=id_weekdays_2]")  # 수요일
    assert page.is_checked("#id_weekdays_2")
    page.click("form.form-card button[type=submit]")
    page.wait_for_url("**/meisters/manage/*/")
    assert page.inner_text("[data-invitation]") == "초대됨"

    # The worker (the immediate backend here) has delivered the invitation.
    assert [m.to for m in mail.outbox] == [["han@example.kr"]]
    path = re.search(r"https?://[^/\s]+(/accounts/password-reset/\S+/\S+/)", mail.outbox[0].body)[1]

    guest = browser.new_context(locale="ko-KR").new_page()
    guest.goto(live_server.url + path)
    guest.fill("#id_new_password1", "Casting-master-2026")
    guest.fill("#id_new_password2", "Casting-master-2026")
    guest.click("form.form-card button[type=submit]")
    guest.wait_for_url("**/accounts/password-reset/complete/")
    guest.goto(f"{live_server.url}/accounts/login/")
    guest.fill("#id_username", "han@example.kr")
    guest.fill("#id_password", "Casting-master-2026")
    guest.click("form.form-card button[type=submit]")
    guest.wait_for_url("**/accounts/me/")
    guest.goto(f"{live_server.url}/consultations/meister/")
    assert guest.get_by_role("heading", level=1).inner_text().startswith("한주조 명장")

    page.reload()
    assert page.inner_text("[data-invitation]") == "계정 활성"
    guest.context.close()
