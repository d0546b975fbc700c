"""Creating messages when a business event happens, and delivering them afterwards.

`notify` runs inside the business transaction: the rows (and so the text) are fixed with the
event itself, and delivery is queued only once that transaction commits. `deliver` claims a row
with a conditional update, so a retry or a second worker never sends the same row twice.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone

from meisterhub.accounts.roles import require_staff
from meisterhub.core import history
from meisterhub.core.errors import DomainError

from . import conf
from .addresses import email_problem, mobile_problem
from .models import Channel, Kind, Message, Preference, Status

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attachment:
    name: str
    content: str
    mimetype: str


@dataclass(frozen=True)
class Recipient:
    """A user, or only an address (an anonymous inquirer)."""

    user: object | None = None
    email: str = ""
    phone: str = ""

    @classmethod
    def of(cls, user) -> "Recipient":
        return cls(user=user, email=user.email or "", phone=user.phone or "")

    @property
    def ident(self) -> str:
        return f"u{self.user.pk}" if self.user is not None else f"a:{self.email or self.phone}"


def absolute(path: str) -> str:
    if not path or path.startswith(("http://", "https://")):
        return path
    return f"{conf.site_url()}{path}"


def channels_for(user, kind: str) -> dict[str, bool]:
    """The person's choice for a kind of message. Service messages always reach the inbox."""
    return channels_of([user] if user is not None else [], kind).get(
        getattr(user, "pk", None), _chosen(None, kind))


def channels_of(users, kind: str) -> dict[int, dict[str, bool]]:
    """channels_for of many people at once, in one query: {user pk: choice}."""
    prefs = {p.user_id: p for p in Preference.objects.filter(
        user__in=[u.pk for u in users], kind=kind)} if users else {}
    return {u.pk: _chosen(prefs.get(u.pk), kind) for u in users}


def _chosen(pref, kind: str) -> dict[str, bool]:
    chosen = {
        Channel.IN_APP: pref.in_app if pref else True,
        Channel.EMAIL: pref.email if pref else True,
        Channel.SMS: pref.sms if pref else True,
    }
    if kind != Kind.PROMOTION:
        chosen[Channel.IN_APP] = True
    return chosen


def has_marketing_consent(user) -> bool:
    return user is not None and user.pk in marketing_consented([user])


def marketing_consented(users) -> set[int]:
    """Of these people, the pks of those whose consent to advertising stands (one query)."""
    from meisterhub.accounts.models import Consent

    if not users:
        return set()
    return set(Consent.objects.filter(
        user__in=[u.pk for u in users], purpose=Consent.Purpose.MARKETING,
        withdrawn_at__isnull=True).values_list("user_id", flat=True))


def next_allowed_send(now: datetime) -> datetime | None:
    """For advertising by text: the next 08:00 KST when `now` is in the quiet hours."""
    local = timezone.localtime(now)
    if conf.QUIET_END <= local.time() < conf.QUIET_START:
        return None
    day = local.date() if local.time() < conf.QUIET_END else local.date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, conf.QUIET_END), local.tzinfo)


def _skip_reason(channel: str, recipient: Recipient, kind: str, chosen: dict,
                 consented: bool) -> str:
    if kind == Kind.PROMOTION and not consented:
        return "광고성 정보 수신 동의가 없습니다."
    if recipient.user is not None and not chosen[channel]:
        return "받는 사람이 이 채널을 수신 설정에서 껐습니다."
    if channel == Channel.EMAIL:
        return email_problem(recipient.email)
    if channel == Channel.SMS:
        return mobile_problem(recipient.phone)
    return ""


def notify(
    *,
    recipients,
    kind: str,
    template: str,
    record: models.Model,
    event: str,
    subject: str,
    text: str,
    link: str = "",
    sms_text: str = "",
    attachment: Attachment | None = None,
    sensitive: bool = False,
    fresh: bool = False,
) -> list[Message]:
    """Write one row per recipient and channel; queue the sendable ones after commit.

    `sms_text` is the short text for SMS/AlimTalk; without it the message goes by mail and
    in-app only. Calling again for the same record and event changes nothing. `fresh` says
    the record was inserted in this same transaction, so that no row of it can exist yet:
    the rows are inserted without looking first.
    """
    content_type = ContentType.objects.get_for_model(record)
    url = absolute(link)
    now = timezone.now()
    rows: dict[str, dict] = {}
    unique, seen = [], set()
    for recipient in recipients:  # the first of each person
        if recipient.ident not in seen:
            seen.add(recipient.ident)
            unique.append(recipient)
    # One query each for everybody's choices and consents, however many recipients.
    users = [r.user for r in unique if r.user is not None]
    choices = channels_of(users, kind)
    consented = marketing_consented(users) if kind == Kind.PROMOTION else set()
    for recipient in unique:
        user_pk = getattr(recipient.user, "pk", None)
        chosen = choices.get(user_pk) or _chosen(None, kind)
        wanted = [Channel.EMAIL] + ([Channel.SMS] if sms_text else [])
        if recipient.user is not None:
            wanted.insert(0, Channel.IN_APP)
        for channel in wanted:
            reason = _skip_reason(channel, recipient, kind, chosen, user_pk in consented)
            fields = {
                "recipient": recipient.user,
                "channel": channel,
                "kind": kind,
                "template": template,
                "subject": subject,
                "body": sms_text if channel == Channel.SMS else text,
                "link": url,
                "sensitive": sensitive,
                "content_type": content_type,
                "object_id": str(record.pk),
                "status": Status.SKIPPED if reason else Status.QUEUED,
                "reason": reason,
            }
            if channel == Channel.IN_APP and not reason:
                fields.update(status=Status.SENT, sent_at=now)
            elif channel == Channel.EMAIL:
                fields.update(address=recipient.email,
                              body_html=_html(subject, text, url))
                if attachment is not None:
                    fields.update(attachment_name=attachment.name,
                                  attachment_type=attachment.mimetype,
                                  attachment=attachment.content)
            elif channel == Channel.SMS:
                fields["address"] = recipient.phone
                if kind == Kind.PROMOTION and not reason:
                    fields["next_attempt_at"] = next_allowed_send(now)
            key = f"{content_type.app_label}.{content_type.model}:{record.pk}:{event}:{recipient.ident}:{channel}"
            rows[key[:200]] = fields
    if fresh:
        created = Message.objects.bulk_create([Message(key=k, **f) for k, f in rows.items()])
    else:
        created = _create_new(rows)
    _enqueue_on_commit([m for m in created if m.status == Status.QUEUED])
    return created


def _create_new(rows: dict[str, dict]) -> list[Message]:
    """Insert the rows whose key is new in one statement (a booking writes five; one by one
    they cost four queries each). A parallel writer of the same key makes the insert fail
    inside its savepoint; then each row is got or created on its own, as before."""
    if not rows:
        return []
    existing = set(Message.objects.filter(key__in=list(rows)).values_list("key", flat=True))
    return _insert([Message(key=key, **fields) for key, fields in rows.items()
                    if key not in existing])


def _insert(new: list[Message]) -> list[Message]:
    if not new:
        return []
    try:
        with transaction.atomic():
            return Message.objects.bulk_create(new)
    except IntegrityError:
        created = []
        for message in new:
            fields = {f.attname: getattr(message, f.attname)
                      for f in Message._meta.concrete_fields if f.attname not in ("id", "key")}
            row, was_created = Message.objects.get_or_create(key=message.key, defaults=fields)
            if was_created:
                created.append(row)
        return created


def _html(subject: str, text: str, url: str) -> str:
    return render_to_string("notifications/email.html", {
        "subject": subject, "text": text, "url": url,
        "settings_url": absolute("/notifications/settings/"),
    })


def _enqueue_on_commit(messages: list[Message]) -> None:
    """One job per send time for the rows of one event (a job is a row or a Redis entry)."""
    batches: dict[datetime | None, list[int]] = {}
    for message in messages:
        batches.setdefault(message.next_attempt_at, []).append(message.pk)
    for run_after, pks in batches.items():
        transaction.on_commit(lambda pks=pks, run_after=run_after: enqueue_all(pks, run_after))


def enqueue(pk: int, run_after: datetime | None = None) -> bool:
    """Hand a row to the queue. If the queue is down the row stays queued for the sweeper."""
    return enqueue_all([pk], run_after)


def enqueue_all(pks: list[int], run_after: datetime | None = None) -> bool:
    """Hand rows to the queue as one job; if the queue is down they stay for the sweeper."""
    from .tasks import deliver_messages

    try:
        task = deliver_messages.using(run_after=run_after) if run_after else deliver_messages
        task.enqueue(list(pks))
    except Exception:
        logger.exception("could not queue messages %s; the outbox sweeper will send them", pks)
        return False
    return True


def deliver(pk: int) -> str:
    """Send one queued row once. Returns the status it ends in."""
    now = timezone.now()
    claimed = Message.objects.filter(pk=pk, status=Status.QUEUED).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    ).update(status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    message = Message.objects.filter(pk=pk).first()
    if message is None:
        return "missing"
    if not claimed:
        return message.status
    from .delivery import DeliveryError, send

    try:
        provider_id, note = send(message)
    except DeliveryError as error:
        return _failed(message, error.reason, retryable=error.retryable)
    Message.objects.filter(pk=pk).update(
        status=Status.SENT, sent_at=timezone.now(), provider_id=provider_id[:100],
        reason=note[:300])
    return Status.SENT


def _failed(message: Message, reason: str, *, retryable: bool) -> str:
    if retryable and message.attempts < conf.max_attempts():
        retry_at = timezone.now() + conf.backoff(message.attempts)
        Message.objects.filter(pk=message.pk).update(
            status=Status.QUEUED, next_attempt_at=retry_at, reason=reason[:300])
        enqueue(message.pk, retry_at)
        return Status.QUEUED
    Message.objects.filter(pk=message.pk).update(status=Status.FAILED, reason=reason[:300])
    logger.warning("message %s failed after %s attempts: %s", message.pk, message.attempts, reason)
    return Status.FAILED


def requeue_due(now: datetime | None = None) -> int:
    """The sweeper: rows whose queueing was lost, and rows claimed by a worker that died."""
    now = now or timezone.now()
    stale = now - conf.sending_lease()
    Message.objects.filter(status=Status.SENDING, claimed_at__lt=stale).update(
        status=Status.QUEUED, reason="작업자가 발송 중 멈춰 다시 보냅니다.")
    due = Message.objects.filter(status=Status.QUEUED, created_at__lt=now - timedelta(minutes=1)
                                 ).filter(Q(next_attempt_at__isnull=True) |
                                          Q(next_attempt_at__lte=now - timedelta(minutes=1)))
    count = 0
    for pk in due.values_list("pk", flat=True)[:500]:
        count += enqueue(pk)
    return count


@transaction.atomic
def resend(*, actor, message: Message) -> Message:
    require_staff(actor, "운영자만 다시 보낼 수 있습니다.")
    locked = Message.objects.select_for_update().get(pk=message.pk)
    if locked.status != Status.FAILED:
        raise DomainError("실패한 메시지만 다시 보낼 수 있습니다.")
    locked.status, locked.attempts, locked.next_attempt_at = Status.QUEUED, 0, None
    locked.reason = "운영자가 다시 보내기를 요청했습니다."
    locked.save(update_fields=["status", "attempts", "next_attempt_at", "reason"])
    history.record(actor=actor, action="notifications.message.resent", instance=locked,
                   changes={"status": [Status.FAILED, Status.QUEUED]})
    _enqueue_on_commit([locked])
    return locked


def inbox(user):
    return Message.objects.filter(recipient=user, channel=Channel.IN_APP, status=Status.SENT)


def unread_count(user) -> int:
    return inbox(user).filter(read_at__isnull=True).count()


def mark_read(*, user, pk: int | None = None) -> int:
    rows = inbox(user).filter(read_at__isnull=True)
    if pk is not None:
        rows = rows.filter(pk=pk)
    return rows.update(read_at=timezone.now())


@transaction.atomic
def save_preferences(*, user, choices: dict[str, dict[str, bool]], marketing: bool) -> None:
    """`choices` maps kind → {"email", "sms", "in_app"}; in-app stays on for service kinds."""
    from meisterhub.accounts.models import Consent

    for kind in Kind.values:
        chosen = choices.get(kind, {})
        Preference.objects.update_or_create(user=user, kind=kind, defaults={
            "email": bool(chosen.get("email")),
            "sms": bool(chosen.get("sms")),
            "in_app": True if kind != Kind.PROMOTION else bool(chosen.get("in_app")),
        })
    consented = has_marketing_consent(user)
    if marketing and not consented:
        Consent.objects.create(user=user, purpose=Consent.Purpose.MARKETING,
                               items="이메일, 휴대전화", retention="동의 철회 시까지")
        history.record(actor=user, action="accounts.consent.granted", instance=user,
                       changes={"marketing": [False, True]})
    elif not marketing and consented:
        Consent.objects.filter(user=user, purpose=Consent.Purpose.MARKETING,
                               withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
        history.record(actor=user, action="accounts.consent.withdrawn", instance=user,
                       changes={"marketing": [True, False]})
