"""A company's consultation request and the booking of a meister's time."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from meisterhub.companies.models import Company
from meisterhub.core.uploads import stored_name
from meisterhub.meisters.models import Field, Meister


class ConsultationRequest(models.Model):
    """What the company wants help with: the problem, a field and attachments."""

    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, related_name="consultation_requests", verbose_name="기업"
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="consultation_requests",
        verbose_name="신청자",
    )
    field = models.ForeignKey(
        Field, on_delete=models.PROTECT, related_name="+", verbose_name="분야"
    )
    problem = models.TextField("기술 애로 내용")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "상담 신청"
        verbose_name_plural = "상담 신청"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.company} · {self.field} ({self.created_at:%Y-%m-%d})"


def attachment_path(instance, filename: str) -> str:
    # Neither the name nor the extension comes from the user: the extension is that of the
    # detected content type (set before saving); the original name is kept in a column.
    return f"consultations/attachments/{stored_name(instance.content_type)}"


class RequestAttachment(models.Model):
    request = models.ForeignKey(
        ConsultationRequest, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField("파일", upload_to=attachment_path)
    original_name = models.CharField("원래 파일명", max_length=200)
    content_type = models.CharField("형식", max_length=60)
    size = models.PositiveIntegerField("크기(바이트)")

    class Meta:
        verbose_name = "첨부파일"
        verbose_name_plural = "첨부파일"

    def __str__(self) -> str:
        return self.original_name


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", "신청"
    CONFIRMED = "confirmed", "확정"
    COMPLETED = "completed", "완료"
    CANCELLED = "cancelled", "취소"
    NO_SHOW = "no_show", "불참"
    DECLINED = "declined", "거절"
    # The meister offered another time; the company accepts it or picks another slot.
    PROPOSED = "proposed", "다른 시간 제안"
    # The meister's rotation or leave removed the booked time: it must be moved.
    NEEDS_CHANGE = "needs_change", "변경 필요"


# A slot held by one of these cannot be booked again (the database enforces it).
ACTIVE_STATUSES = [BookingStatus.REQUESTED, BookingStatus.CONFIRMED, BookingStatus.COMPLETED]


class Channel(models.TextChoices):
    RESERVATION = "reservation", "사전 예약"
    WALK_IN = "walk_in", "현장 방문"


class Booking(models.Model):
    """A meister's time: a reserved slot, or a walk-in logged by staff (channel walk_in).

    Walk-ins carry company/visitor, field and summary themselves and hold no slot.
    """

    request = models.OneToOneField(
        ConsultationRequest,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="booking",
    )
    channel = models.CharField(
        "경로", max_length=12, choices=Channel.choices, default=Channel.RESERVATION
    )
    meister = models.ForeignKey(
        Meister, on_delete=models.PROTECT, related_name="bookings", verbose_name="마이스터"
    )
    company = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation_bookings",
        verbose_name="기업",
    )
    field = models.ForeignKey(
        Field, on_delete=models.PROTECT, null=True, related_name="+", verbose_name="분야"
    )
    visitor_name = models.CharField("방문자", max_length=50, blank=True)
    summary = models.TextField("상담 요지", blank=True)
    starts_at = models.DateTimeField("시작")
    ends_at = models.DateTimeField("종료")
    place = models.CharField("장소", max_length=50)
    status = models.CharField(
        "상태", max_length=16, choices=BookingStatus.choices, default=BookingStatus.REQUESTED
    )
    proposed_starts_at = models.DateTimeField("제안 시작", null=True, blank=True)
    proposed_ends_at = models.DateTimeField("제안 종료", null=True, blank=True)
    decision_reason = models.CharField("거절·변경 사유", max_length=200, blank=True)
    sequence = models.PositiveIntegerField("iCalendar SEQUENCE", default=0)
    cancel_reason = models.CharField("취소 사유", max_length=200, blank=True)
    reminder_sent_at = models.DateTimeField("전날 알림 발송", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "상담 예약"
        verbose_name_plural = "상담 예약"
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["meister", "starts_at"]),
            models.Index(fields=["status", "starts_at"]),
            models.Index(fields=["company", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="booking_end_after_start"
            ),
            # SQLite's guard (PostgreSQL adds an exclusion constraint on overlapping ranges).
            models.UniqueConstraint(
                fields=["meister", "starts_at"],
                condition=Q(status__in=ACTIVE_STATUSES, channel="reservation"),
                name="booking_unique_active_slot",
            ),
        ]

    def __str__(self) -> str:
        local = self.starts_at.astimezone() if self.starts_at else None
        return f"{self.meister.name} {local:%Y-%m-%d %H:%M} ({self.get_status_display()})"

    @property
    def who(self) -> str:
        return self.company.name if self.company_id else self.visitor_name

    @property
    def problem(self) -> str:
        return self.request.problem if self.request_id else self.summary
