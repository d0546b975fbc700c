"""The application's history reads in Korean for staff and for the applicant, never codes."""

import pytest
from django.urls import reverse

from .factories import make_call, make_submitted

pytestmark = pytest.mark.django_db


def test_staff_and_applicant_read_the_history_in_korean(client, staff_user, member_a, company_a):
    application = make_submitted(make_call(), member_a, company_a)
    client.force_login(staff_user)
    staff_page = client.get(reverse("programs:staff_application", args=[application.pk]))
    text = staff_page.content.decode()
    assert "변경 이력" in text and "제출" in text
    assert "programs.application" not in text
    client.force_login(member_a)
    mine = client.get(reverse("programs:application_detail", args=[application.pk]))
    text = mine.content.decode()
    assert "신청서 작성 시작" in text and "제출" in text
    assert "programs.application" not in text
