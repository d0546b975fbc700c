"""In a real browser: staff see an inquirer's contact masked, give a reason and see it in full
(htmx, logged); in the admin a user's e-mail is masked until a reason unlocks the form."""

import pytest

from meisterhub.accounts.models import User
from meisterhub.core.models import PersonalDataAccess
from meisterhub.network.services import submit_inquiry
from tests.support.browser_testing import log_in_as

EMAIL = "hong.gildong@example.kr"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_staff_reveal_an_inquirers_contact_with_a_reason(page, staff_user):
    inquiry = submit_inquiry(actor=None, channel="web", category="program", title="수출 바우처",
                             body="신청 자격이 궁금합니다.", name="홍길동",
                             phone="010-5678-1234", email=EMAIL)
    log_in_as(page, staff_user)
    page.goto(f"{page.base_url}/network/inquiries/{inquiry.pk}/")
    body = page.inner_text("body")
    assert "010-****-1234" in body and EMAIL not in body

    page.get_by_role("button", name="전체 보기").click()  # no reason: the browser refuses
    assert not PersonalDataAccess.objects.exists()
    page.get_by_label("열람 사유").fill("회신 전화")
    page.get_by_role("button", name="전체 보기").click()
    page.get_by_text("열람 기록이 남았습니다.").wait_for()
    assert EMAIL in page.inner_text("body")
    assert PersonalDataAccess.objects.get().reason == "회신 전화"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_admin_unlocks_a_users_contact_for_editing(page, staff_user, member_a):
    User.objects.filter(pk=member_a.pk).update(email=EMAIL)
    log_in_as(page, staff_user)
    page.goto(f"{page.base_url}/manage/accounts/user/{member_a.pk}/change/")
    assert "ho**********@example.kr" in page.inner_text("body")
    assert page.locator("input[name=email]").count() == 0

    page.get_by_role("link", name="전체 보기·수정").first.click()
    page.get_by_role("button", name="전체 보기").click()
    page.get_by_text("열람 사유를 입력해 주세요.").wait_for()
    page.get_by_label("열람 사유").fill("연락처 정정 요청")
    page.get_by_role("button", name="전체 보기").click()
    page.locator("input[name=email]").wait_for()
    assert page.locator("input[name=email]").input_value() == EMAIL
    page.locator("input[name=email]").fill("new.address@example.kr")
    page.locator("input[name=_save]").click()
    page.get_by_text("성공적으로").first.wait_for()
    member_a.refresh_from_db()
    assert member_a.email == "new.address@example.kr"
    assert PersonalDataAccess.objects.get().reason == "[관리 화면] 연락처 정정 요청"
