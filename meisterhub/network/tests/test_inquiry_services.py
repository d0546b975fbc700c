from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.errors import DomainError
from meisterhub.core.history import history_of
from meisterhub.core.models import History
from meisterhub.meisters.models import Field
from meisterhub.meisters.tests.factories import make_meister
from meisterhub.network.business_days import add_business_days
from meisterhub.network.models import Inquiry
from meisterhub.network.services import (
    answer_inquiry,
    close_inquiry,
    route_inquiry,
    submit_inquiry,
)
from meisterhub.network.services.inquiries import CONTACT_MISSING, NAME_MISSING

from .factories import make_meister_user

pytestmark = pytest.mark.django_db


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def web(actor, **extra):
    data = {"channel": "web", "category": "program", "title": "수출바우처 문의",
            "body": "올해 공고 일정이 궁금합니다."}
    data.update(extra)
    return submit_inquiry(actor=actor, **data)


@pytest.mark.parametrize(("extra", "message"), [
    ({"name": "김민수"}, CONTACT_MISSING),
    ({"name": "", "phone": "010-1234-5678"}, NAME_MISSING),
])
def test_anonymous_inquiry_needs_name_and_contact_and_saves_nothing(extra, message):
    with pytest.raises(DomainError) as refused:
        web(_anonymous(), **extra)
    assert refused.value.message == message
    assert Inquiry.objects.count() == 0
    assert History.objects.count() == 0


def test_bad_phone_is_refused_in_korean():
    with pytest.raises(DomainError, match="전화번호"):
        web(_anonymous(), name="김민수", phone="12")
    assert Inquiry.objects.count() == 0


def test_anonymous_inquiry_with_phone_gets_e164_deadline_and_history():
    inquiry = web(_anonymous(), name="김민수", phone="010-1234-5678", organization="예비창업자")
    assert inquiry.phone == "+821012345678"
    assert inquiry.phone_masked == "010-****-5678"
    assert inquiry.status == "received" and inquiry.submitted_by is None
    assert inquiry.deadline == add_business_days(timezone.localdate(), 3)
    entry = History.objects.get(action="network.inquiry.received")
    assert entry.actor is None and entry.changes["channel"] == "web"


def test_company_member_inquiry_is_tied_to_their_company(member_a, company_a):
    inquiry = web(member_a)
    assert inquiry.company == company_a
    assert (inquiry.name, inquiry.email) == (member_a.full_name, member_a.email)
    assert inquiry.submitted_by == member_a and inquiry.organization == company_a.name


def test_member_cannot_file_for_another_company(member_a, company_b):
    with pytest.raises(DomainError, match="소속된 기업으로만"):
        web(member_a, company=company_b)
    assert Inquiry.objects.count() == 0


def test_phone_and_walk_in_logs_are_staff_only(member_a, staff_user, company_b):
    with pytest.raises(DomainError, match="운영자만"):
        web(member_a, channel="phone")
    logged = web(staff_user, channel="walk_in", name="이영희", email="lee@corp.kr",
                 company=company_b)
    assert (logged.logged_by, logged.submitted_by, logged.company) == (staff_user, None,
                                                                       company_b)


def test_technical_inquiry_gets_the_matchers_field_as_a_hint(
        taxonomy, member_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = web(member_a, category="technical", title="용접 균열",
                      body="SM490 용접 부위에 균열이 생깁니다. 원인을 알고 싶습니다.")
    inquiry.refresh_from_db()
    assert inquiry.suggested_field_id == "WELD"
    assert inquiry.field is None  # routing stays a staff decision


def test_route_answer_close_flow_with_mail(
        taxonomy, staff_user, member_a, django_capture_on_commit_callbacks):
    meister, meister_user = make_meister_user("weld_meister")
    inquiry = web(member_a, category="technical", title="용접 균열", body="균열이 납니다.")
    with pytest.raises(DomainError, match="전문분야를 지정"):
        route_inquiry(actor=staff_user, inquiry=inquiry, owner_meister=meister)
    with pytest.raises(DomainError, match="운영자만"):
        route_inquiry(actor=member_a, inquiry=inquiry, owner_meister=meister,
                      field=Field.objects.get(code="WELD"))
    with django_capture_on_commit_callbacks(execute=True):
        route_inquiry(actor=staff_user, inquiry=inquiry, owner_meister=meister,
                      field=Field.objects.get(code="WELD"))
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.field_id, inquiry.owner_meister) == ("routed", "WELD",
                                                                         meister)
    assert mail.outbox[-1].to == [meister_user.email]
    other = UserFactory(role="meister", username="other_meister")
    with pytest.raises(DomainError, match="권한이 없습니다"):
        answer_inquiry(actor=other, inquiry=inquiry, answer="아무 답")
    with pytest.raises(DomainError, match="권한이 없습니다"):
        answer_inquiry(actor=member_a, inquiry=inquiry, answer="자문자답")
    with django_capture_on_commit_callbacks(execute=True):
        answer_inquiry(actor=meister_user, inquiry=inquiry, answer="예열 온도를 150도로 올리세요.")
    inquiry.refresh_from_db()
    assert inquiry.status == "answered" and inquiry.answered_by == meister_user
    assert mail.outbox[-1].to == [member_a.email]
    assert "예열 온도를 150도로" in mail.outbox[-1].body
    close_inquiry(actor=member_a, inquiry=inquiry)
    inquiry.refresh_from_db()
    assert inquiry.status == "closed"
    actions = list(history_of(inquiry).order_by("id").values_list("action", flat=True))
    assert actions == ["network.inquiry.received", "network.inquiry.routed",
                       "network.inquiry.answered", "network.inquiry.closed"]


def test_routing_needs_exactly_one_owner_with_a_login(taxonomy, staff_user, member_a):
    inquiry = web(member_a)
    no_login = make_meister(fields=("WELD",))
    with pytest.raises(DomainError, match="로그인 계정이 없거나"):
        route_inquiry(actor=staff_user, inquiry=inquiry, owner_meister=no_login)
    with pytest.raises(DomainError, match="한 명을 지정"):
        route_inquiry(actor=staff_user, inquiry=inquiry)
    with pytest.raises(DomainError, match="운영자 계정"):
        route_inquiry(actor=staff_user, inquiry=inquiry, owner_staff=member_a)
    inquiry.refresh_from_db()
    assert inquiry.status == "received" and inquiry.owner_display == ""
    route_inquiry(actor=staff_user, inquiry=inquiry, owner_staff=staff_user)
    inquiry.refresh_from_db()
    assert inquiry.owner_staff == staff_user and inquiry.field is None


def test_overdue_is_open_past_its_deadline(member_a, staff_user):
    inquiry = web(member_a)
    Inquiry.objects.filter(pk=inquiry.pk).update(deadline=timezone.localdate() - timedelta(1))
    inquiry.refresh_from_db()
    assert inquiry.is_overdue
    answer_inquiry(actor=staff_user, inquiry=inquiry, answer="공고는 3월에 나옵니다.")
    inquiry.refresh_from_db()
    assert not inquiry.is_overdue


def test_answered_inquiry_cannot_be_answered_again(member_a, staff_user):
    inquiry = web(member_a)
    answer_inquiry(actor=staff_user, inquiry=inquiry, answer="첫 답변")
    with pytest.raises(DomainError, match="이미 답변했거나"):
        answer_inquiry(actor=staff_user, inquiry=inquiry, answer="둘째 답변")
    inquiry.refresh_from_db()
    assert inquiry.answer == "첫 답변"
