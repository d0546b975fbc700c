import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

# The agency's seven program areas (사업 분야) are defined once, by the programs app.
from meisterhub.programs.models.calls import Area as ProgramArea


class EventKind(models.TextChoices):
    BRIEFING = "briefing", "설명회"
    SEMINAR = "seminar", "세미나"
    TRAINING = "training", "교육"
    INVESTMENT_MART = "investment_mart", "투자마트·IR"
    CONTEST = "contest", "공모전"
    COUNCIL_MEETING = "council_meeting", "협의회 회의"


class Event(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "준비 중"
        PUBLISHED = "published", "공개"
        CANCELLED = "cancelled", "취소"

    title = models.CharField("행사명", max_length=120)
    kind = models.CharField("유형", max_length=20, choices=EventKind.choices, db_index=True)
    area = models.CharField("사업 분야", max_length=20, choices=ProgramArea.choices, db_index=True)
    description = models.TextField("소개", blank=True)
    starts_at = models.DateTimeField("시작", db_index=True)
    ends_at = models.DateTimeField("종료")
    place = models.CharField("장소", max_length=120, blank=True)
    facility = models.ForeignKey(
        "facilities.Facility",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name="시설",
    )
    capacity = models.PositiveIntegerField("정원")
    registration_opens_at = models.DateTimeField("신청 시작")
    registration_closes_at = models.DateTimeField("신청 마감")
    # Empty list: every organisation type may register.
    eligible_org_types = models.JSONField("참가 가능 기업 유형", default=list, blank=True)
    allow_individuals = models.BooleanField("개인 참가 허용", default=True)
    waitlist_enabled = models.BooleanField("대기자 접수", default=True)
    status = models.CharField(
        "상태", max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    cancel_reason = models.CharField("취소 사유", max_length=200, blank=True)
    # A copy must get its own dates before it is published (see manage_services.publish_event).
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies",
        verbose_name="원본 행사",
    )
    version = models.PositiveIntegerField("버전", default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "행사"
        verbose_name_plural = "행사"
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="event_registration_window_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    @property
    def is_registration_open(self) -> bool:
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.registration_opens_at <= now < self.registration_closes_at
        )

    @property
    def eligible_labels(self) -> list[str]:
        from meisterhub.companies.models import OrgType

        return [OrgType(value).label for value in self.eligible_org_types or []]

    @property
    def place_display(self) -> str:
        return str(self.facility) if self.facility_id and not self.place else self.place


def new_check_in_code() -> str:
    return secrets.token_urlsafe(18)


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", "참가 확정"
        WAITLISTED = "waitlisted", "대기"
        CANCELLED = "cancelled", "취소"
        ATTENDED = "attended", "참석"

    SEATED = (Status.REGISTERED, Status.ATTENDED)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    company = models.ForeignKey(
        "companies.Company",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
        verbose_name="소속 기업",
    )
    status = models.CharField("상태", max_length=12, choices=Status.choices, db_index=True)
    position = models.PositiveIntegerField("신청 순번")
    code = models.CharField("체크인 코드", max_length=40, unique=True, default=new_check_in_code)
    created_at = models.DateTimeField(auto_now_add=True)
    checked_in_at = models.DateTimeField("체크인 시각", null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "참가 신청"
        verbose_name_plural = "참가 신청"
        ordering = ["event", "position"]
        indexes = [models.Index(fields=["event", "status", "position"])]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~models.Q(status="cancelled"),
                name="registration_one_active_per_user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} · {self.user}"
