from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meisterhub.network.models import Inquiry
from meisterhub.network.services import route_inquiry, submit_inquiry

from .factories import make_meister_user

pytestmark = pytest.mark.django_db


def _file(actor, title="자금 문의", company=None, **contact):
    return submit_inquiry(actor=actor, channel="web", category="finance", title=title,
                          body="운전자금 대출이 가능한지요?", company=company, **contact)


def test_menu_points_at_the_inquiry_form_and_anonymous_post_without_contact_is_refused(client):
    home = client.get("/").content.decode()
    assert reverse("network:inquiry_new") in home
    response = client.post(reverse("network:inquiry_new"), {
        "category": "program", "title": "공고 문의", "body": "언제 나오나요?",
        "name": "김민수", "consent": "on"})
    assert response.status_code == 200
    assert "답변받을 연락처를 남겨 주세요" in response.content.decode()
    assert Inquiry.objects.count() == 0


def test_anonymous_web_form_saves_and_shows_the_reference(client):
    response = client.post(reverse("network:inquiry_new"), {
        "category": "startup", "title": "예비창업 상담", "body": "사무실 입주 조건이 궁금합니다.",
        "name": "박지훈", "email": "park@example.kr", "consent": "on"})
    inquiry = Inquiry.objects.get()
    assert inquiry.reference in response.content.decode()
    assert (inquiry.channel, inquiry.email, inquiry.company) == ("web", "park@example.kr", None)


def test_member_sees_own_inquiries_only_and_others_get_404(client, member_a, member_b):
    mine = _file(member_a, title="우리 회사 문의")
    theirs = _file(member_b, title="다른 회사 문의")
    client.force_login(member_a)
    listing = client.get(reverse("network:my_inquiries")).content.decode()
    assert "우리 회사 문의" in listing and "다른 회사 문의" not in listing
    assert client.get(reverse("network:inquiry_detail", args=[mine.pk])).status_code == 200
    assert client.get(reverse("network:inquiry_detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("network:desk")).status_code == 403
    response = client.post(reverse("network:inquiry_answer", args=[mine.pk]), {"answer": "x"})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.answer == ""


def test_meister_sees_only_inquiries_routed_to_them(client, staff_user, member_a, taxonomy):
    meister, meister_user = make_meister_user("m1")
    routed = _file(member_a, title="배정된 문의")
    other = _file(member_a, title="배정 안 된 문의")
    route_inquiry(actor=staff_user, inquiry=routed, owner_meister=meister)
    client.force_login(meister_user)
    listing = client.get(reverse("network:my_inquiries")).content.decode()
    assert "배정된 문의" in listing and "배정 안 된 문의" not in listing
    assert client.get(reverse("network:inquiry_detail", args=[other.pk])).status_code == 404
    client.post(reverse("network:inquiry_answer", args=[routed.pk]), {"answer": "가능합니다."})
    routed.refresh_from_db()
    assert routed.status == "answered"


def test_desk_flags_overdue_in_fixed_queries(client, staff_user, member_a, member_b,
                                             django_assert_num_queries, taxonomy):
    meister, _ = make_meister_user("m2")
    for n in range(6):
        inquiry = _file(member_a if n % 2 else member_b, title=f"문의{n}")
        if n % 3 == 0:
            route_inquiry(actor=staff_user, inquiry=inquiry, owner_meister=meister)
    late = Inquiry.objects.filter(title__in=["문의1", "문의3"])
    late.update(deadline=timezone.localdate() - timedelta(days=2))
    client.force_login(staff_user)
    url = reverse("network:desk")
    client.get(url)
    # session, user, summary, count, page rows
    with django_assert_num_queries(5):
        body = client.get(url).content.decode()
    assert body.count('class="is-overdue"') == 2
    assert body.count("기한 경과</span>") == 2
    overdue = client.get(url, {"overdue": "1"}).content.decode()
    assert "문의1" in overdue and "문의3" in overdue and "문의2" not in overdue


def test_staff_logs_a_phone_inquiry_and_routes_it(client, staff_user, company_a, taxonomy):
    client.force_login(staff_user)
    response = client.post(reverse("network:desk_log"), {
        "channel": "phone", "category": "facility", "title": "3D프린터 사용", "body": "장비 예약",
        "company": company_a.pk, "name": "최대리", "phone": "055-212-1000"})
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302 and inquiry.channel == "phone"
    assert inquiry.phone == "+82552121000" and inquiry.logged_by == staff_user
    client.post(reverse("network:inquiry_route", args=[inquiry.pk]),
                {"owner_staff": staff_user.pk})
    inquiry.refresh_from_db()
    assert inquiry.status == "routed" and inquiry.owner_staff == staff_user
