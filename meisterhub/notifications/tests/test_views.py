import pytest
from django.urls import reverse

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.models import History
from meisterhub.notifications import services
from meisterhub.notifications.models import Channel, Message, Status
from meisterhub.notifications.services import Recipient, notify

pytestmark = pytest.mark.django_db


def _notice(user, event="e1", link="/events/"):
    notify(recipients=[Recipient.of(user)], kind="event", template="t", record=user,
           event=event, subject=f"제목 {event}", text="본문", link=link,
           sms_text="문자")


def test_inbox_badge_and_open_marks_read_and_goes_to_the_record(client):
    user = UserFactory()
    _notice(user, "e1", "/events/")
    _notice(user, "e2", "/facilities/my/")
    client.force_login(user)
    assert 'badge">2</span><span class="sr-only"> (안 읽음)' in client.get(
        reverse("notifications:badge")
    ).content.decode()
    page = client.get(reverse("notifications:inbox")).content.decode()
    assert "제목 e1" in page and "제목 e2" in page and "읽지 않은 알림 2건" in page
    message = Message.objects.get(channel=Channel.IN_APP, subject="제목 e2")
    response = client.post(reverse("notifications:open", args=[message.pk]))
    assert response.status_code == 302 and response["Location"] == "/facilities/my/"
    assert 'badge">1</span><span class="sr-only"> (안 읽음)' in client.get(
        reverse("notifications:badge")
    ).content.decode()
    client.post(reverse("notifications:mark_all_read"))
    assert services.unread_count(user) == 0


def test_nobody_opens_another_persons_notification(client):
    owner, other = UserFactory(), UserFactory()
    _notice(owner)
    message = Message.objects.get(channel=Channel.IN_APP)
    client.force_login(other)
    assert client.post(reverse("notifications:open", args=[message.pk])).status_code == 404
    assert Message.objects.get(pk=message.pk).read_at is None


def test_preferences_page_saves_channels_and_keeps_service_inbox_on(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "알림 수신 설정" in page and "광고성 정보 수신 동의" in page
    client.post(reverse("notifications:preferences"), {"event.sms": "1", "marketing": "1"})
    chosen = services.channels_for(user, "event")
    assert chosen == {"inapp": True, "email": False, "sms": True}
    assert services.has_marketing_consent(user)


def test_delivery_log_is_staff_only_masks_addresses_and_filters(client, staff_user):
    user = UserFactory(email="hong.gildong@example.kr", phone="+821012345678")
    _notice(user)
    Message.objects.filter(channel=Channel.SMS).update(status=Status.FAILED, reason="번호 거부")
    client.force_login(user)
    assert client.get(reverse("notifications:deliveries")).status_code == 403
    client.force_login(staff_user)
    page = client.get(reverse("notifications:deliveries")).content.decode()
    assert "hong.gildong@example.kr" not in page and "ho**********@example.kr" in page
    assert "+821012345678" not in page and "번호 거부" in page and "다시 보내기" in page
    failed = client.get(reverse("notifications:deliveries"), {"status": "failed"}).content.decode()
    assert "번호 거부" in failed and "ho**********@example.kr" not in failed


def test_staff_resend_from_the_log(client, staff_user, settings,
                                  django_capture_on_commit_callbacks):
    settings.SMS_BACKEND = "meisterhub.notifications.providers.console.InMemoryBackend"
    user = UserFactory(phone="+821012345678")
    _notice(user)
    sms = Message.objects.get(channel=Channel.SMS)
    Message.objects.filter(pk=sms.pk).update(status=Status.FAILED, attempts=5)
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("notifications:resend", args=[sms.pk]))
    sms.refresh_from_db()
    assert sms.status == Status.SENT and sms.attempts == 1
    assert History.objects.filter(action="notifications.message.resent").count() == 1
    response = client.post(reverse("notifications:resend", args=[sms.pk]), follow=True)
    assert "실패한 메시지만 다시 보낼 수 있습니다." in response.content.decode()


def test_every_role_sees_the_inbox_on_the_my_page(client):
    for role in ["company_member", "meister", "evaluator", "council_member", "staff"]:
        user = UserFactory(role=role, is_staff=role == "staff")
        client.force_login(user)
        page = client.get(reverse("accounts:mypage")).content.decode()
        assert reverse("notifications:inbox") in page, role
        assert client.get(reverse("notifications:inbox")).status_code == 200
