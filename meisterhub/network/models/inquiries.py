from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from meisterhub.companies.models import Company
from meisterhub.core.privacy import MaskedContactMixin
from meisterhub.meisters.models import Field, Meister


class Inquiry(MaskedContactMixin, models.Model):
    """A question to the one-stop desk, by web form, phone or at the desk."""

    class Channel(models.TextChoices):
        WEB = "web", "온라인"
        PHONE = "phone", "전화"
        WALK_IN = "walk_in", "방문"

    class Category(models.TextChoices):
        TECHNICAL = "technical", "기술"
        PROGRAM = "program", "지원사업"
        FACILITY = "facility", "시설·장비"
        STARTUP = "startup", "창업"
        FINANCE = "finance", "금융·자금"
        OTHER = "other", "기타"

    class Status(models.TextChoices):
        RECEIVED = "received", "접수"
        ROUTED = "routed", "담당 배정"
        ANSWERED = "answered", "답변 완료"
        CLOSED = "closed", "종결"

    OPEN = (Status.RECEIVED, Status.ROUTED)

    channel = models.CharField("접수 경로", max_length=8, choices=Channel.choices)
    category = models.CharField("분류", max_length=10, choices=Category.choices)
    field = models.ForeignKey(
        Field, verbose_name="전문분야", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    suggested_field = models.ForeignKey(
        Field, verbose_name="추천 분야", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField("제목", max_length=150)
    body = models.TextField("문의 내용")
    company = models.ForeignKey(
        Company, verbose_name="기업", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="inquiries",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="inquiries",
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField("문의자", max_length=50)
    organization = models.CharField("소속", max_length=100, blank=True)
    phone = models.CharField("전화", max_length=20, blank=True, help_text="E.164")
    email = models.EmailField("이메일", blank=True)
    status = models.CharField("상태", max_length=10, choices=Status.choices,
                              default=Status.RECEIVED)
    owner_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="담당 직원", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="owned_inquiries",
    )
    owner_meister = models.ForeignKey(
        Meister, verbose_name="담당 마이스터", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="inquiries",
    )
    deadline = models.DateField("답변 기한")
    answer = models.TextField("답변", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    received_at = models.DateTimeField("접수 일시", default=timezone.now)
    routed_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "원스톱 문의"
        verbose_name_plural = "원스톱 문의"
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["status", "deadline"], name="network_inq_status_deadline"),
            # the desk lists newest first
            models.Index(fields=["-received_at", "-id"], name="network_inq_received"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(phone="") | ~Q(email=""), name="network_inquiry_has_contact"
            ),
            models.CheckConstraint(
                condition=Q(owner_staff__isnull=True) | Q(owner_meister__isnull=True),
                name="network_inquiry_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"[{self.reference}] {self.title}"

    @property
    def reference(self) -> str:
        return f"Q{self.received_at:%y%m}-{self.pk:05d}" if self.pk else "-"

    @property
    def is_overdue(self) -> bool:
        return self.status in self.OPEN and self.deadline < timezone.localdate()

    @property
    def owner_display(self) -> str:
        if self.owner_meister_id:
            return f"{self.owner_meister.name} {self.owner_meister.title}"
        if self.owner_staff_id:
            return self.owner_staff.full_name or self.owner_staff.username
        return ""


