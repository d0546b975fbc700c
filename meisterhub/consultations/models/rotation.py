"""The weekly rotation (요일별 상담 일정) and what interrupts it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from meisterhub.meisters.models import WEEKDAY_CHOICES, Meister

WEEKDAY_INT_CHOICES = [(int(value), label) for value, label in WEEKDAY_CHOICES]
DEFAULT_PLACE = "기술인 카페"


class WeekPattern(models.TextChoices):
    WEEKLY = "weekly", "매주"
    EVERY_N_WEEKS = "every_n", "N주마다"
    AB = "ab", "A/B주 교대"


class RotationBlock(models.Model):
    """A meister sits at a place on a weekday, from start to end, in slots of slot_minutes."""

    meister = models.ForeignKey(
        Meister, on_delete=models.CASCADE, related_name="rotation_blocks", verbose_name="마이스터"
    )
    weekday = models.PositiveSmallIntegerField("요일", choices=WEEKDAY_INT_CHOICES)
    start_time = models.TimeField("시작")
    end_time = models.TimeField("종료")
    place = models.CharField("장소", max_length=50, default=DEFAULT_PLACE)
    slot_minutes = models.PositiveSmallIntegerField("상담 단위(분)", default=60)
    pattern = models.CharField(
        "주기", max_length=10, choices=WeekPattern.choices, default=WeekPattern.WEEKLY
    )
    interval_weeks = models.PositiveSmallIntegerField("N주마다의 N", default=1)
    anchor_date = models.DateField("기준일", null=True, blank=True, help_text="N주 주기의 첫 주")
    ab_week = models.CharField(
        "A/B주", max_length=1, blank=True, choices=[("A", "A주"), ("B", "B주")]
    )
    valid_from = models.DateField("적용 시작일", null=True, blank=True)
    valid_until = models.DateField("적용 종료일", null=True, blank=True)

    class Meta:
        verbose_name = "요일별 상담 일정"
        verbose_name_plural = "요일별 상담 일정"
        ordering = ["weekday", "start_time"]
        indexes = [models.Index(fields=["meister", "weekday"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="rotationblock_end_after_start"
            ),
            models.CheckConstraint(
                condition=Q(weekday__lte=4), name="rotationblock_weekday_mon_fri"
            ),
            models.CheckConstraint(
                condition=Q(slot_minutes__gte=15, slot_minutes__lte=240),
                name="rotationblock_slot_15_240",
            ),
            models.CheckConstraint(
                condition=Q(interval_weeks__gte=1), name="rotationblock_interval_positive"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.meister.name} {self.get_weekday_display()} "
            f"{self.start_time:%H:%M}-{self.end_time:%H:%M} {self.place}"
        )

    def clean(self):
        if self.pattern == WeekPattern.EVERY_N_WEEKS and not self.anchor_date:
            raise ValidationError({"anchor_date": "N주 주기에는 기준일이 필요합니다."})
        if self.pattern == WeekPattern.AB and self.ab_week not in {"A", "B"}:
            raise ValidationError({"ab_week": "A주 또는 B주를 고르세요."})
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": "적용 종료일이 시작일보다 빠릅니다."})


class MeisterLeave(models.Model):
    """A meister is away for a date range (one entry, inclusive)."""

    meister = models.ForeignKey(
        Meister, on_delete=models.CASCADE, related_name="leaves", verbose_name="마이스터"
    )
    starts_on = models.DateField("시작일")
    ends_on = models.DateField("종료일")
    reason = models.CharField("사유", max_length=100, blank=True)

    class Meta:
        verbose_name = "마이스터 휴가"
        verbose_name_plural = "마이스터 휴가"
        indexes = [models.Index(fields=["meister", "starts_on", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="meisterleave_range_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meister.name} {self.starts_on}~{self.ends_on}"


class ChangeKind(models.TextChoices):
    CANCEL = "cancel", "휴무(취소)"
    CHANGE = "change", "시간·장소 변경"
    EXTRA = "extra", "추가 상담"


class RotationChange(models.Model):
    """A one-off: on one date a block is cancelled or changed, or an extra sitting is added."""

    meister = models.ForeignKey(
        Meister, on_delete=models.CASCADE, related_name="rotation_changes", verbose_name="마이스터"
    )
    date = models.DateField("날짜")
    kind = models.CharField("종류", max_length=10, choices=ChangeKind.choices)
    block = models.ForeignKey(
        RotationBlock,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="changes",
        verbose_name="대상 일정",
        help_text="비우면 그날의 모든 일정이 대상입니다 (휴무·변경).",
    )
    start_time = models.TimeField("시작", null=True, blank=True)
    end_time = models.TimeField("종료", null=True, blank=True)
    place = models.CharField("장소", max_length=50, blank=True)
    slot_minutes = models.PositiveSmallIntegerField("상담 단위(분)", default=60)
    reason = models.CharField("사유", max_length=100, blank=True)

    class Meta:
        verbose_name = "일정 변경"
        verbose_name_plural = "일정 변경"
        indexes = [models.Index(fields=["meister", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="cancel")
                | Q(start_time__isnull=False, end_time__gt=F("start_time")),
                name="rotationchange_times_for_change_extra",
            )
        ]

    def __str__(self) -> str:
        return f"{self.meister.name} {self.date} {self.get_kind_display()}"


class Closure(models.Model):
    """The center is closed (임시공휴일, 센터 휴관) for a date range, set by staff."""

    starts_on = models.DateField("시작일")
    ends_on = models.DateField("종료일")
    reason = models.CharField("사유", max_length=100)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "센터 휴무"
        verbose_name_plural = "센터 휴무"
        ordering = ["-starts_on"]
        indexes = [models.Index(fields=["starts_on", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="closure_range_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.starts_on}~{self.ends_on} {self.reason}"
