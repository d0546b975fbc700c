import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse

WEEKDAY_LABELS = ["월", "화", "수", "목", "금", "토", "일"]


class Center(models.TextChoices):
    MEISTER = "meister", "마이스터센터"
    STARTUP = "startup", "창업지원센터"


class FacilityKind(models.TextChoices):
    OFFICE = "office", "사무실"
    MEETING_ROOM = "meeting_room", "회의실"
    INVESTMENT_ROOM = "investment_room", "투자상담실"
    IR_MEDIA_ROOM = "ir_media_room", "IR 미디어룸"
    SEMINAR_HALL = "seminar_hall", "세미나홀"
    STARTUP_CAFE = "startup_cafe", "창업카페"
    MAKER_SPACE = "maker_space", "메이커스페이스"


class BookingPolicy(models.TextChoices):
    MEMBERS = "members", "로그인한 기업 회원 누구나"
    RESIDENTS = "residents", "입주기업만"
    STAFF = "staff", "운영자만"


class Facility(models.Model):
    """A room of one of the two centers that can be reserved."""

    center = models.CharField("센터", max_length=10, choices=Center.choices, db_index=True)
    kind = models.CharField("유형", max_length=20, choices=FacilityKind.choices, db_index=True)
    name = models.CharField("시설명", max_length=60)
    location = models.CharField("위치", max_length=100, blank=True)
    description = models.TextField("소개", blank=True)
    capacity = models.PositiveSmallIntegerField("수용 인원")
    equipment = models.JSONField("비품·장비", default=list, blank=True)
    # {"0": ["09:00", "18:00"], ...}: weekday (0=Mon) -> opening and closing time; absent = closed
    opening_hours = models.JSONField("운영 시간", default=dict, blank=True)
    booking_policy = models.CharField(
        "예약 가능 대상", max_length=10, choices=BookingPolicy.choices,
        default=BookingPolicy.MEMBERS,
    )
    approval_required = models.BooleanField("운영자 승인 필요", default=False)
    buffer_minutes = models.PositiveSmallIntegerField(
        "예약 간 정리 시간(분)", default=0, help_text="앞뒤 예약 사이에 비워 둘 시간"
    )
    is_active = models.BooleanField("운영 중", default=True, db_index=True)
    order = models.PositiveSmallIntegerField("순서", default=0)
    # Optimistic locking for the staff edit page (core/locking.py).
    version = models.PositiveIntegerField("버전", default=1, editable=False)

    class Meta:
        verbose_name = "시설"
        verbose_name_plural = "시설"
        ordering = ["center", "order", "name"]

    def __str__(self) -> str:
        return f"{self.get_center_display()} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("facilities:detail", args=[self.pk])

    def hours_on(self, weekday: int) -> tuple[str, str] | None:
        hours = (self.opening_hours or {}).get(str(weekday))
        return (hours[0], hours[1]) if hours else None

    @property
    def hours_display(self) -> list[dict]:
        return [
            {"label": WEEKDAY_LABELS[day], "hours": self.hours_on(day)} for day in range(7)
        ]


class FacilityPhoto(models.Model):
    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField("사진", upload_to="facilities/photos/")
    content_type = models.CharField(max_length=30, editable=False)
    caption = models.CharField("설명", max_length=100, blank=True)
    order = models.PositiveSmallIntegerField("순서", default=0)

    class Meta:
        verbose_name = "시설 사진"
        verbose_name_plural = "시설 사진"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.caption or f"{self.facility} 사진"


class ResidentCompany(models.Model):
    """A company housed in a center (입주기업) for a period; may book resident-only rooms."""

    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="residencies"
    )
    center = models.CharField("센터", max_length=10, choices=Center.choices)
    moved_in_on = models.DateField("입주일")
    moved_out_on = models.DateField("퇴거일", null=True, blank=True)
    room = models.CharField("입주 호실", max_length=30, blank=True)

    class Meta:
        verbose_name = "입주기업"
        verbose_name_plural = "입주기업"
        ordering = ["center", "company__name"]
        indexes = [models.Index(fields=["company", "center"])]

    def __str__(self) -> str:
        return f"{self.company} ({self.get_center_display()})"


class Reservation(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "승인 대기"
        CONFIRMED = "confirmed", "예약 확정"
        CANCELLED = "cancelled", "취소"
        REJECTED = "rejected", "반려"

    ACTIVE = (Status.PENDING, Status.CONFIRMED)

    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="reservations")
    company = models.ForeignKey(
        "companies.Company", null=True, blank=True, on_delete=models.PROTECT,
        related_name="reservations", verbose_name="기업",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reservations",
        verbose_name="예약자",
    )
    starts_at = models.DateTimeField("시작")
    ends_at = models.DateTimeField("종료")
    # The span the room is held, buffer included; written by the service, used by the constraint.
    blocked_from = models.DateTimeField(editable=False)
    blocked_until = models.DateTimeField(editable=False)
    headcount = models.PositiveSmallIntegerField("인원")
    purpose = models.CharField("사용 목적", max_length=200)
    status = models.CharField(
        "상태", max_length=10, choices=Status.choices, default=Status.PENDING
    )
    series_id = models.UUIDField("반복 예약 묶음", null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "시설 예약"
        verbose_name_plural = "시설 예약"
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["facility", "status", "blocked_from"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="reservation_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(blocked_from__lte=models.F("starts_at"))
                & models.Q(blocked_until__gte=models.F("ends_at")),
                name="reservation_block_covers_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.facility.name} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @staticmethod
    def new_series_id() -> uuid.UUID:
        return uuid.uuid4()
