import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from meisterhub.accounts.models import Consent
from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.errors import DomainError
from meisterhub.events.services import announce_event
from meisterhub.notifications.models import Channel, Message
from meisterhub.notifications.services import next_allowed_send

from .factories import make_event

pytestmark = pytest.mark.django_db


def test_staff_announce_an_event_only_to_people_who_agreed(
        client, staff_user, django_capture_on_commit_callbacks):
    agreed = UserFactory(email="yes@example.kr", phone="+821012345678")
    Consent.objects.create(user=agreed, purpose="marketing", items="이메일", retention="철회 시")
    withdrawn = UserFactory(email="was@example.kr")
    Consent.objects.create(user=withdrawn, purpose="marketing", items="이메일", retention="철회 시",
                           withdrawn_at=timezone.now())
    UserFactory(email="no@example.kr")
    event = make_event()
    client.force_login(staff_user)
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:announce", args=[event.pk]), follow=True)
    assert "수신 동의한 1명에게 행사 안내를 보냈습니다" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["yes@example.kr"]]
    sms = Message.objects.get(channel=Channel.SMS)
    assert sms.body.startswith("(광고)")
    wait_until = next_allowed_send(before)
    if wait_until is None:
        assert sms.status == "sent"
    else:
        assert sms.status == "queued" and sms.next_attempt_at == wait_until
    with django_capture_on_commit_callbacks(execute=True):
        announce_event(actor=staff_user, event=event)  # a second click sends nothing new
    assert len(mail.outbox) == 1


def test_only_staff_announce_and_only_published_events(member_a, staff_user):
    with pytest.raises(DomainError):
        announce_event(actor=member_a, event=make_event())
    with pytest.raises(DomainError, match="게시된 행사만"):
        announce_event(actor=staff_user, event=make_event(status="draft"))
