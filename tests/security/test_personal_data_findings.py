"""Regression tests for the three findings of the second security pass: staff saw personal data
in full without a log on the inquiry page, the admin's user change form, and a company's page
and admin. Now masked by default; the full value only with a reason, and every view logged."""

import pytest
from django.urls import reverse

from meisterhub.companies.models import Company
from meisterhub.core.models import PersonalDataAccess
from meisterhub.network.services import submit_inquiry

pytestmark = pytest.mark.django_db

PHONE, PHONE_SHOWN, PHONE_MASKED = "+821056781234", "010-5678-1234", "010-****-1234"
EMAIL, EMAIL_MASKED = "hong.gildong@example.kr", "ho**********@example.kr"


def _shows_full(html: str, *values) -> bool:
    return any(v in html for v in values)


@pytest.fixture
def inquiry(db):
    return submit_inquiry(actor=None, channel="web", category="program", title="수출 바우처",
                          body="신청 자격이 궁금합니다.", name="홍길동", phone=PHONE_SHOWN,
                          email=EMAIL)


def test_the_inquiry_page_masks_the_inquirers_contact_for_staff(client, staff_user, inquiry):
    client.force_login(staff_user)
    html = client.get(reverse("network:inquiry_detail", args=[inquiry.pk])).content.decode()
    assert not _shows_full(html, PHONE, PHONE_SHOWN, EMAIL)
    assert PHONE_MASKED in html and EMAIL_MASKED in html
    # The reveal form of the record is there, and using it logs the view.
    reveal = reverse("reveal_personal_data", args=["network.inquiry", inquiry.pk])
    assert reveal in html
    shown = client.post(reveal, {"reason": "회신 전화"}).content.decode()
    assert PHONE in shown and EMAIL in shown
    access = PersonalDataAccess.objects.get()
    assert (access.object_id, access.fields, access.reason) == (
        str(inquiry.pk), ["phone", "email"], "회신 전화")


def test_a_blank_reason_reveals_nothing(client, staff_user, inquiry):
    client.force_login(staff_user)
    reveal = reverse("reveal_personal_data", args=["network.inquiry", inquiry.pk])
    refused = client.post(reveal, {"reason": " "})
    assert refused.status_code == 400
    assert "열람 사유를 입력해 주세요" in refused.content.decode()
    assert EMAIL not in refused.content.decode()
    assert not PersonalDataAccess.objects.exists()


def test_the_admin_user_form_masks_email_and_phone_until_a_reason_is_given(
    client, staff_user, member_a
):
    member_a.email, member_a.phone = EMAIL, PHONE
    member_a.save()
    client.force_login(staff_user)
    change = reverse("admin:accounts_user_change", args=[member_a.pk])
    html = client.get(change).content.decode()
    assert not _shows_full(html, PHONE, PHONE_SHOWN, EMAIL)
    assert EMAIL_MASKED in html and PHONE_MASKED in html
    assert not PersonalDataAccess.objects.exists()

    reveal = reverse("admin:accounts_user_reveal", args=[member_a.pk])
    assert reveal in html
    blank = client.post(reveal, {"reason": ""})
    assert blank.status_code == 200
    assert "열람 사유를 입력해 주세요" in blank.content.decode()
    assert EMAIL not in client.get(change).content.decode()

    assert client.post(reveal, {"reason": "연락처 정정 요청"})["Location"] == change
    full = client.get(change).content.decode()
    assert EMAIL in full and PHONE in full
    access = PersonalDataAccess.objects.get()
    assert (access.object_id, access.fields, access.reason) == (
        str(member_a.pk), ["email", "phone"], "[관리 화면] 연락처 정정 요청")
    client.get(change)
    assert PersonalDataAccess.objects.count() == 2  # every full view is one more row


def test_the_admin_user_list_masks_email(client, staff_user, member_a):
    member_a.email = EMAIL
    member_a.save()
    client.force_login(staff_user)
    html = client.get(reverse("admin:accounts_user_changelist") + "?q=hong").content.decode()
    assert "김" in html or member_a.username in html
    assert EMAIL not in html.replace('value="hong"', "")


def test_saving_a_masked_admin_form_keeps_the_hidden_values(client, staff_user, member_a):
    member_a.email, member_a.phone = EMAIL, PHONE
    member_a.save()
    client.force_login(staff_user)
    change = reverse("admin:accounts_user_change", args=[member_a.pk])
    response = client.post(change, {
        "username": member_a.username, "full_name": "김가나 수정", "role": member_a.role,
        "is_active": "on", "date_joined_0": "2025-01-01", "date_joined_1": "09:00:00",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    member_a.refresh_from_db()
    assert (member_a.full_name, member_a.email, member_a.phone) == ("김가나 수정", EMAIL, PHONE)


def test_the_company_page_masks_the_phone_for_staff(client, staff_user, member_a, company_a):
    Company.objects.filter(pk=company_a.pk).update(phone="+82552704321")
    client.force_login(staff_user)
    html = client.get(reverse("companies:detail", args=[company_a.pk])).content.decode()
    assert not _shows_full(html, "+82552704321", "055-270-4321")
    assert "055-***-4321" in html
    assert reverse("reveal_personal_data", args=["companies.company", company_a.pk]) in html
    # The company's own member still sees its own number.
    client.force_login(member_a)
    own = client.get(reverse("companies:detail", args=[company_a.pk])).content.decode()
    assert "055-270-4321" in own


def test_the_company_admin_masks_the_phone_and_a_save_keeps_it(client, staff_user, company_a):
    Company.objects.filter(pk=company_a.pk).update(phone="+82552704321")
    client.force_login(staff_user)
    change = reverse("admin:companies_company_change", args=[company_a.pk])
    html = client.get(change).content.decode()
    assert not _shows_full(html, "+82552704321", "055-270-4321")
    assert "055-***-4321" in html
    company_a.refresh_from_db()
    data = {
        "name": "가나정밀 수정", "brn": company_a.brn, "representative": company_a.representative,
        "industry": company_a.industry_id, "size_class": company_a.size_class,
        "org_type": company_a.org_type, "district": company_a.district,
        "address": company_a.address, "employees": company_a.employees,
        "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0",
    }
    response = client.post(change, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    company_a.refresh_from_db()
    assert (company_a.name, company_a.phone) == ("가나정밀 수정", "+82552704321")
