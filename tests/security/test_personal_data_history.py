"""History sentences ("변경 이력") on staff pages quote old and new values: for a personal field
(a company's phone) that would be the full number, unlogged."""

import pytest
from django.urls import reverse

from meisterhub.companies.services import update_company

pytestmark = pytest.mark.django_db


def test_a_phone_change_in_the_company_history_is_masked(client, staff_user, member_a, company_a):
    update_company(actor=member_a, company=company_a, phone="+82552704321")
    update_company(actor=member_a, company=company_a, phone="+82552709876")
    client.force_login(staff_user)
    html = client.get(reverse("companies:detail", args=[company_a.pk])).content.decode()
    assert "대표 전화" in html
    assert "4321" not in html.replace("055-***-4321", "")
