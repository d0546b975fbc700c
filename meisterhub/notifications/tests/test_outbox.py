"""The outbox: text fixed at the event, one row per key, retries, skips with reasons."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from meisterhub.accounts.models import Consent
from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.events.services import cancel_registration, register_for_event
from meisterhub.events.tests.factories import make_event
from meisterhub.notifications import services
from meisterhub.notifications.models import Channel, Message, Preference, Status
from meisterhub.notifications.providers import ProviderError, SendResult
from meisterhub.notifications.services import Recipient, notify

pytestmark = pytest.mark.django_db
KST = ZoneInfo("Asia/Seoul")


class FlakyProvider:
    """Fails the first `failures` sends with the given retryability, then accepts."""

    calls = 0
    failures = 0
    retryable = True

    def send(self, message):
        type(self).calls += 1
        if type(self).calls <= type(self).failures:
            raise ProviderError("발송사 응답 없음 (HTTP 503)", retryable=type(self).retryable)
        return SendResult(provider_id=f"P{type(self).calls}", channel="sms")


@pytest.fixture
def flaky(settings):
    settings.SMS_BACKEND = f"{__name__}.FlakyProvider"
    FlakyProvider.calls, FlakyProvider.failures, FlakyProvider.retryable = 0, 0, True
    return FlakyProvider


def _notice(user, record, event="created", **extra):
    values = {"kind": "event", "template": "t", "record": record, "event": event,
              "subject": "제목", "text": "본문", "link": "/events/", "sms_text": "문자"}
    values.update(extra)
    return notify(recipients=[Recipient.of(user)], **values)


def test_waitlist_then_promotion_gives_two_messages_with_the_text_of_their_moment(
        django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    first, second = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        seated = register_for_event(actor=first, event=event)
        waiting = register_for_event(actor=second, event=event)
    waitlisted = Message.objects.get(recipient=second, channel=Channel.EMAIL)
    assert "대기 접수" in waitlisted.subject and "대기 1번" in waitlisted.body
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(actor=first, registration=seated)
    subjects = sorted(Message.objects.filter(recipient=second, channel=Channel.EMAIL)
                      .values_list("subject", flat=True))
    assert [s.split(":")[0] for s in subjects] == ["[마이스터 허브] 대기 접수",
                                                   "[마이스터 허브] 대기에서 참가 확정"]
    waitlisted.refresh_from_db()
    assert "대기 1번" in waitlisted.body  # never rewritten at send time
    to_second = [m.subject for m in mail.outbox if m.to == [second.email]]
    assert len(to_second) == 2 and not any("참가 확정: " in s and "대기" not in s for s in to_second)
    assert waiting.pk


def test_the_same_event_twice_makes_one_row_per_channel_and_one_mail(
        django_capture_on_commit_callbacks):
    user = UserFactory(phone="+821012345678")
    with django_capture_on_commit_callbacks(execute=True):
        _notice(user, user)
        assert _notice(user, user) == []
    assert sorted(Message.objects.values_list("channel", flat=True)) == ["email", "inapp", "sms"]
    email = Message.objects.get(channel=Channel.EMAIL)
    assert services.deliver(email.pk) == Status.SENT  # a second worker: nothing more
    assert len(mail.outbox) == 1
    assert Message.objects.get(pk=email.pk).attempts == 1


def test_mail_has_absolute_link_text_and_html_parts(settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://hub.example.kr"
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _notice(user, user, link="/events/3/")
    sent = mail.outbox[0]
    assert "바로가기: https://hub.example.kr/events/3/" in sent.body
    html, mimetype = sent.alternatives[0]
    assert mimetype == "text/html" and 'href="https://hub.example.kr/events/3/"' in html
    row = Message.objects.get(channel=Channel.EMAIL)
    assert row.provider_id == sent.extra_headers["Message-ID"]


def test_retryable_failure_backs_off_then_fails_and_shows_the_reason(
        flaky, settings, django_capture_on_commit_callbacks):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    flaky.failures = 10
    user = UserFactory(phone="+821012345678")
    with django_capture_on_commit_callbacks(execute=False):
        _notice(user, user)
    sms = Message.objects.get(channel=Channel.SMS)
    before = timezone.now()
    assert services.deliver(sms.pk) == Status.QUEUED
    sms.refresh_from_db()
    assert sms.attempts == 1 and "503" in sms.reason
    assert sms.next_attempt_at >= before + timedelta(seconds=59)
    assert services.deliver(sms.pk) == Status.QUEUED  # not due yet: not claimed
    assert flaky.calls == 1
    for _ in range(2):
        Message.objects.filter(pk=sms.pk).update(next_attempt_at=timezone.now())
        services.deliver(sms.pk)
    sms.refresh_from_db()
    assert (sms.status, sms.attempts, flaky.calls) == (Status.FAILED, 3, 3)
    assert User_still_there(user)


def User_still_there(user):
    return type(user).objects.filter(pk=user.pk).exists()


def test_a_refusal_is_not_retried(flaky, django_capture_on_commit_callbacks):
    flaky.failures, flaky.retryable = 1, False
    user = UserFactory(phone="+821012345678")
    with django_capture_on_commit_callbacks(execute=True):
        _notice(user, user)
    sms = Message.objects.get(channel=Channel.SMS)
    assert (sms.status, sms.attempts) == (Status.FAILED, 1)


def test_staff_resend_sends_a_failed_message(flaky, staff_user, django_capture_on_commit_callbacks):
    flaky.failures, flaky.retryable = 1, False
    user = UserFactory(phone="+821012345678")
    with django_capture_on_commit_callbacks(execute=True):
        _notice(user, user)
    sms = Message.objects.get(channel=Channel.SMS)
    with django_capture_on_commit_callbacks(execute=True):
        services.resend(actor=staff_user, message=sms)
    sms.refresh_from_db()
    assert (sms.status, sms.provider_id) == (Status.SENT, "P2")


@pytest.mark.parametrize(("phone", "email", "reasons"), [
    ("+82552120000", "no-at-sign", {"sms": "한국 휴대전화 번호가 아닙니다.",
                                    "email": "이메일 주소 형식이 올바르지 않습니다."}),
    ("", "", {"sms": "휴대전화 번호가 없습니다.", "email": "이메일 주소가 없습니다."}),
])
def test_unusable_addresses_are_skipped_with_a_reason(phone, email, reasons):
    user = UserFactory(phone=phone, email=email)
    _notice(user, user)
    skipped = dict(Message.objects.filter(status=Status.SKIPPED).values_list("channel", "reason"))
    assert skipped == reasons
    assert Message.objects.get(channel=Channel.IN_APP).status == Status.SENT


def test_switched_off_channels_are_skipped_but_service_messages_stay_in_the_inbox():
    user = UserFactory(phone="+821012345678")
    services.save_preferences(user=user, marketing=False, choices={
        "event": {"email": False, "sms": False, "in_app": False}})
    _notice(user, user)
    rows = dict(Message.objects.values_list("channel", "status"))
    assert rows == {"inapp": Status.SENT, "email": Status.SKIPPED, "sms": Status.SKIPPED}
    assert Preference.objects.get(user=user, kind="event").in_app is True


def test_promotion_needs_consent_and_waits_for_the_morning_by_text():
    user = UserFactory(phone="+821012345678")
    _notice(user, user, kind="promotion", event="announce.1")
    assert set(Message.objects.values_list("status", flat=True)) == {Status.SKIPPED}
    services.save_preferences(user=user, marketing=True, choices={
        "promotion": {"email": True, "sms": True, "in_app": True}})
    assert Consent.objects.filter(user=user, purpose="marketing", withdrawn_at=None).exists()
    night = datetime(2026, 12, 3, 22, 30, tzinfo=KST)
    assert services.next_allowed_send(night) == datetime(2026, 12, 4, 8, 0, tzinfo=KST)
    early = datetime(2026, 12, 4, 7, 59, tzinfo=KST)
    assert services.next_allowed_send(early) == datetime(2026, 12, 4, 8, 0, tzinfo=KST)
    assert services.next_allowed_send(datetime(2026, 12, 4, 8, 0, tzinfo=KST)) is None
    assert services.next_allowed_send(datetime(2026, 12, 4, 20, 59, tzinfo=KST)) is None


def test_a_queue_that_is_down_loses_nothing(monkeypatch, django_capture_on_commit_callbacks):
    from meisterhub.notifications import tasks

    class DownQueue:
        def enqueue(self, *args):
            raise ConnectionError("queue down")

    monkeypatch.setattr(tasks, "deliver_messages", DownQueue())
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _notice(user, user, sms_text="")
    email = Message.objects.get(channel=Channel.EMAIL)
    assert email.status == Status.QUEUED and mail.outbox == []
    monkeypatch.undo()
    Message.objects.filter(pk=email.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    assert services.requeue_due() == 1
    assert Message.objects.get(pk=email.pk).status == Status.SENT and len(mail.outbox) == 1


def test_a_row_left_sending_by_a_dead_worker_is_sent_again_once():
    user = UserFactory()
    _notice(user, user, sms_text="")
    email = Message.objects.get(channel=Channel.EMAIL)
    old = timezone.now() - timedelta(minutes=10)
    Message.objects.filter(pk=email.pk).update(status=Status.SENDING, claimed_at=old,
                                               created_at=old, attempts=1)
    assert services.requeue_due() == 1
    assert services.requeue_due() == 0
    assert len(mail.outbox) == 1 and Message.objects.get(pk=email.pk).attempts == 2


def test_the_clock_requeues_lost_rows_and_runs_the_daily_jobs(capsys):
    from django.core.management import call_command

    user = UserFactory()
    _notice(user, user, sms_text="")  # never handed to the queue: no commit callback ran
    Message.objects.update(created_at=timezone.now() - timedelta(minutes=5))
    call_command("run_scheduler", "--once")
    out = capsys.readouterr().out
    assert "다시 대기열에 넣은 메시지 1건" in out and "전날 알림 0건" in out
    assert Message.objects.get(channel=Channel.EMAIL).status == Status.SENT


def test_a_key_written_by_a_parallel_sender_is_not_written_twice(django_capture_on_commit_callbacks):
    """One insert for all new rows; when another writer stored one of the keys between the
    check and the insert, the rows are written one by one and the stored one is kept."""
    user, record = UserFactory(), make_event()
    first = _notice(user, record)
    race = [Message(key=first[0].key, **{"channel": Channel.EMAIL, "kind": "event",
                                         "template": "t", "subject": "다른 제목"}),
            Message(key="race:new", channel=Channel.EMAIL, kind="event", template="t")]
    created = services._insert(race)
    assert [m.key for m in created] == ["race:new"]
    assert Message.objects.get(key=first[0].key).subject == "제목"
    assert Message.objects.filter(key__in=[first[0].key, "race:new"]).count() == 2


def test_a_notice_to_many_reads_their_choices_and_consents_in_one_query_each():
    """An announcement to a whole list: the same reads for 30 people as for 3 (SQLite splits
    the one insert into batches), and each person's choice and consent still decide their rows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def announce(people, event):
        with CaptureQueriesContext(connection) as done:
            notify(recipients=[Recipient.of(u) for u in people], kind="promotion",
                   template="t", record=make_event(), event=event, subject="안내", text="본문")
        reads = [q["sql"] for q in done.captured_queries if q["sql"].startswith("SELECT")]
        assert sum('FROM "notifications_preference"' in q for q in reads) == 1
        assert sum('FROM "accounts_consent"' in q for q in reads) == 1
        return len(reads)

    few, many = UserFactory.create_batch(3), UserFactory.create_batch(30)
    consenting, silent = many[0], many[1]
    Consent.objects.create(user=consenting, purpose=Consent.Purpose.MARKETING, items="이메일",
                           retention="철회 시까지")
    Consent.objects.create(user=silent, purpose=Consent.Purpose.MARKETING, items="이메일",
                           retention="철회 시까지")
    Preference.objects.create(user=silent, kind="promotion", email=False, sms=False, in_app=True)
    announce(few[:1], "warm")  # the content types are cached after the first notice
    assert announce(many, "many") == announce(few, "few")
    mails = {m.recipient_id: m for m in Message.objects.filter(
        channel=Channel.EMAIL, object_id__isnull=False, recipient__in=many)}
    assert mails[consenting.pk].status == Status.QUEUED
    assert mails[silent.pk].reason == "받는 사람이 이 채널을 수신 설정에서 껐습니다."
    assert mails[many[2].pk].reason == "광고성 정보 수신 동의가 없습니다."
