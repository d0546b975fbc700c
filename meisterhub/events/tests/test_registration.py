from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.errors import DomainError
from meisterhub.core.models import History
from meisterhub.events.models import Registration
from meisterhub.events.services import cancel_registration, check_in, register_for_event

from .factories import make_event

pytestmark = pytest.mark.django_db


def test_fill_waitlist_and_promotion_with_mail(member_a, member_b, company_a,
                                               django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    third = UserFactory(username="third")
    with django_capture_on_commit_callbacks(execute=True):
        first = register_for_event(actor=member_a, event=event, company=company_a)
        second = register_for_event(actor=member_b, event=event)
        waiting = register_for_event(actor=third, event=event)
    assert (first.status, second.status, waiting.status) == (
        "registered", "waitlisted", "waitlisted")
    assert [m.subject for m in mail.outbox] == [
        f"[마이스터 허브] 참가 확정: {event.title}",
        f"[마이스터 허브] 대기 접수: {event.title}",
        f"[마이스터 허브] 대기 접수: {event.title}",
    ]
    assert "대기 2번" in mail.outbox[2].body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel_registration(actor=member_a, registration=first)
    assert promoted.pk == second.pk
    statuses = dict(Registration.objects.values_list("user__username", "status"))
    assert statuses == {"member_a": "cancelled", "member_b": "registered", "third": "waitlisted"}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [member_b.email]
    assert "대기에서 참가 확정" in mail.outbox[0].subject
    assert History.objects.filter(action="events.registration.promoted").count() == 1


def test_cancelling_a_waitlisted_registration_promotes_nobody(member_a, member_b):
    event = make_event(capacity=1)
    register_for_event(actor=member_a, event=event)
    waiting = register_for_event(actor=member_b, event=event)
    assert cancel_registration(actor=member_b, registration=waiting) is None
    assert Registration.objects.filter(status="registered").count() == 1


def test_full_event_without_waitlist_refuses(member_a, member_b):
    event = make_event(capacity=1, waitlist_enabled=False)
    register_for_event(actor=member_a, event=event)
    with pytest.raises(DomainError, match="정원이 마감되었습니다"):
        register_for_event(actor=member_b, event=event)
    assert Registration.objects.count() == 1


def test_window_eligibility_and_duplicates_are_refused_without_changes(member_a, company_a):
    now = timezone.now()
    closed = make_event(registration_closes_at=now - timedelta(hours=1),
                        registration_opens_at=now - timedelta(days=3))
    with pytest.raises(DomainError, match="신청 기간이 지났습니다"):
        register_for_event(actor=member_a, event=closed)
    early = make_event(registration_opens_at=now + timedelta(days=1))
    with pytest.raises(DomainError, match="부터 받습니다"):
        register_for_event(actor=member_a, event=early)
    startups = make_event(eligible_org_types=["startup", "pre_founder"], allow_individuals=False)
    with pytest.raises(DomainError) as caught:
        register_for_event(actor=member_a, event=startups, company=company_a)
    assert caught.value.message == (
        "참가 대상이 아닙니다. 이 행사는 스타트업, 예비창업자만 신청할 수 있습니다.")
    with pytest.raises(DomainError, match="기업 소속으로만"):
        register_for_event(actor=member_a, event=startups)
    open_event = make_event()
    register_for_event(actor=member_a, event=open_event)
    with pytest.raises(DomainError, match="이미 신청한 행사입니다"):
        register_for_event(actor=member_a, event=open_event)
    assert Registration.objects.count() == 1
    assert History.objects.filter(action__startswith="events.").count() == 1


def test_other_people_cannot_cancel(member_a, member_b):
    event = make_event()
    mine = register_for_event(actor=member_a, event=event)
    with pytest.raises(DomainError, match="권한이 없습니다"):
        cancel_registration(actor=member_b, registration=mine)
    mine.refresh_from_db()
    assert mine.status == "registered"


def test_check_in_forged_reused_and_waitlisted_codes(member_a, member_b, staff_user):
    event = make_event(capacity=1)
    seated = register_for_event(actor=member_a, event=event)
    waiting = register_for_event(actor=member_b, event=event)
    assert len(seated.code) >= 24 and seated.code != waiting.code
    with pytest.raises(DomainError, match="운영자만"):
        check_in(actor=member_a, event=event, code=seated.code)
    with pytest.raises(DomainError, match="유효하지 않은 체크인 코드입니다"):
        check_in(actor=staff_user, event=event, code=seated.code[:-1] + "x")
    other = make_event(title="다른 행사")
    with pytest.raises(DomainError, match="유효하지 않은 체크인 코드입니다"):
        check_in(actor=staff_user, event=other, code=seated.code)
    with pytest.raises(DomainError, match="참가 확정된 신청이 아닙니다"):
        check_in(actor=staff_user, event=event, code=waiting.code)
    assert check_in(actor=staff_user, event=event, code=seated.code).status == "attended"
    with pytest.raises(DomainError) as caught:
        check_in(actor=staff_user, event=event, code=seated.code)
    assert caught.value.message == "이미 체크인되었습니다."
    assert Registration.objects.filter(status="attended").count() == 1
