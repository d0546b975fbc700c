"""The outbox: every message is a row before it is sent, and the row is the delivery log."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Channel(models.TextChoices):
    IN_APP = "inapp", "사이트 알림"
    EMAIL = "email", "이메일"
    SMS = "sms", "문자·알림톡"


class Status(models.TextChoices):
    QUEUED = "queued", "대기"
    SENDING = "sending", "발송 중"
    SENT = "sent", "발송 완료"
    FAILED = "failed", "실패"
    SKIPPED = "skipped", "보내지 않음"


class Kind(models.TextChoices):
    """What a message is about; people choose their channels per kind."""

    CONSULTATION = "consultation", "상담 예약"
    EVENT = "event", "행사 신청"
    FACILITY = "facility", "시설 예약"
    PROGRAM = "program", "지원사업"
    INQUIRY = "inquiry", "원스톱 문의"
    ACCOUNT = "account", "계정·보안"
    PROMOTION = "promotion", "행사·사업 안내(광고성)"


class Message(models.Model):
    """One message to one recipient over one channel, with its text fixed when the event happened.

    `key` is unique per record × event × recipient × channel, so the same business event can
    never produce a second message, whichever worker or retry runs.
    """

    key = models.CharField("중복 방지 키", max_length=200, unique=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="받는 사람", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="messages")
    address = models.CharField("주소·번호", max_length=254, blank=True)
    channel = models.CharField("채널", max_length=10, choices=Channel.choices)
    kind = models.CharField("종류", max_length=20, choices=Kind.choices)
    template = models.CharField("템플릿", max_length=60)
    subject = models.CharField("제목", max_length=200)
    body = models.TextField("본문")
    body_html = models.TextField("HTML 본문", blank=True)
    link = models.URLField("바로가기", max_length=500, blank=True)
    attachment_name = models.CharField("첨부 파일명", max_length=100, blank=True)
    attachment_type = models.CharField("첨부 형식", max_length=100, blank=True)
    attachment = models.TextField("첨부 내용", blank=True)
    sensitive = models.BooleanField("본문 비공개", default=False,
                                    help_text="비밀번호 재설정처럼 운영자에게도 본문을 보이지 않음")
    content_type = models.ForeignKey(ContentType, null=True, blank=True,
                                     on_delete=models.SET_NULL)
    object_id = models.CharField(max_length=40, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    status = models.CharField("상태", max_length=10, choices=Status.choices,
                              default=Status.QUEUED)
    reason = models.CharField("사유", max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField("시도 횟수", default=0)
    next_attempt_at = models.DateTimeField("다음 시도", null=True, blank=True)
    claimed_at = models.DateTimeField("발송 시작", null=True, blank=True)
    provider_id = models.CharField("발송사 메시지 ID", max_length=100, blank=True)
    sent_at = models.DateTimeField("발송 일시", null=True, blank=True)
    read_at = models.DateTimeField("읽은 일시", null=True, blank=True)
    created_at = models.DateTimeField("생성 일시", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "메시지"
        verbose_name_plural = "메시지 발송 기록"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "channel", "read_at"], name="msg_inbox_idx"),
            models.Index(fields=["status", "next_attempt_at"], name="msg_due_idx"),
            models.Index(fields=["channel", "status", "created_at"], name="msg_log_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} · {self.subject}"


class Preference(models.Model):
    """A person's channels for one kind of message. No row means the defaults (all on)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="notification_preferences")
    kind = models.CharField("종류", max_length=20, choices=Kind.choices)
    email = models.BooleanField("이메일", default=True)
    sms = models.BooleanField("문자·알림톡", default=True)
    in_app = models.BooleanField("사이트 알림", default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "알림 수신 설정"
        verbose_name_plural = "알림 수신 설정"
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="pref_user_kind")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_kind_display()}"
