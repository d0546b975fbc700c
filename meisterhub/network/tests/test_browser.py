"""A company member asks, staff route to a meister, the meister answers, the company reads it."""

import pytest

from meisterhub.network.models import Inquiry
from meisterhub.network.services.inquiries import suggest_field
from tests.support.browser_testing import open_as as _logged_in_page

from .factories import make_meister_user


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_inquiry_submitted_routed_answered_and_seen(page, browser, taxonomy, member_a, company_a,
                                                    staff_user):
    meister, meister_user = make_meister_user("weld_master", fields=("WELD",))
    suggest_field("용접")  # load the matcher once, as a running server already has
    base = page.base_url

    company = _logged_in_page(browser, base, member_a)
    company.goto(f"{base}/")
    company.get_by_role("link", name="원스톱 문의").click()
    company.get_by_label("문의 분류").select_option(label="기술")
    company.get_by_label("제목").fill("용접부 균열 문의")
    company.get_by_label("문의 내용").fill("SM490 맞대기 용접 후 비드에 균열이 생깁니다.")
    company.get_by_role("button", name="문의 접수").click()
    company.get_by_text("문의가 접수되었습니다").wait_for()
    inquiry = Inquiry.objects.get()
    assert inquiry.company == company_a and inquiry.status == "received"

    staff = _logged_in_page(browser, base, staff_user)
    staff.goto(f"{base}/network/desk/")
    staff.get_by_role("link", name="용접부 균열 문의").click()
    staff.get_by_label("전문분야").select_option(label="용접")
    # The meister list is a lookup: type part of the name, then pick from what it found.
    staff.locator("#id_owner_meister_lookup").fill(meister.name)
    staff.locator("#id_owner_meister option", has_text=meister.name).wait_for(state="attached")
    staff.get_by_label("담당 마이스터").select_option(value=str(meister.pk))
    staff.get_by_role("button", name="배정").click()
    staff.get_by_text("담당자를 배정했습니다.").wait_for()

    expert = _logged_in_page(browser, base, meister_user)
    expert.goto(f"{base}/network/inquiries/mine/")
    expert.get_by_role("link", name="용접부 균열 문의").click()
    expert.get_by_label("답변").fill("예열 온도를 150℃로 올리고 저수소계 용접봉을 쓰세요.")
    expert.get_by_role("button", name="답변 등록").click()
    expert.get_by_text("답변을 등록했습니다.").wait_for()

    company.goto(f"{base}/network/inquiries/mine/")
    row = company.get_by_role("row", name="용접부 균열 문의")
    assert "답변 완료" in row.inner_text() and meister.name in row.inner_text()
    company.get_by_role("link", name="용접부 균열 문의").click()
    assert "저수소계 용접봉" in company.locator("#answer").inner_text()
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.answered_by, inquiry.field_id, inquiry.suggested_field_id) \
        == ("answered", meister_user, "WELD", "WELD")
