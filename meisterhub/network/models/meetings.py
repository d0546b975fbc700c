from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .institutions import Council, Institution


class Meeting(models.Model):
    class Kind(models.TextChoices):
        PLENARY = "plenary", "정기회의(전체)"
        WORKING = "working", "실무회의"

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField("회의 구분", max_length=10, choices=Kind.choices)
    title = models.CharField("회의명", max_length=150)
    held_on = models.DateField("개최일")
    place = models.CharField("장소", max_length=100, blank=True)
    minutes_text = models.TextField("회의록", blank=True)
    minutes_file = models.FileField("회의록 파일", upload_to="network/minutes/%Y/", blank=True)
    minutes_file_kind = models.CharField(max_length=5, blank=True, editable=False)
    minutes_file_name = models.CharField(max_length=200, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "협의회 회의"
        verbose_name_plural = "협의회 회의"
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["council", "held_on"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%Y-%m-%d})"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveSmallIntegerField("순서")
    title = models.CharField("안건", max_length=200)

    class Meta:
        verbose_name = "안건"
        verbose_name_plural = "안건"
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "order"], name="network_agenda_order")
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="+")
    attendee = models.CharField("참석자", max_length=100, blank=True)

    class Meta:
        verbose_name = "참석"
        verbose_name_plural = "참석"
        ordering = ["institution__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "institution"], name="network_attendance_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.institution} {self.attendee}".strip()


class Decision(models.Model):
    """A decision of a meeting; someone (an institution or a named person) must own it."""

    class Status(models.TextChoices):
        OPEN = "open", "미착수"
        IN_PROGRESS = "in_progress", "진행 중"
        DONE = "done", "완료"

    FOLLOW_UP_LABELS = {**dict(Status.choices), "overdue": "기한 경과"}

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField("결정사항")
    owner_institution = models.ForeignKey(
        Institution, verbose_name="담당 기관", null=True, blank=True,
        on_delete=models.PROTECT, related_name="decisions",
    )
    owner_person = models.CharField("담당자", max_length=100, blank=True)
    due_on = models.DateField("기한")
    status = models.CharField(
        "이행 상태", max_length=12, choices=Status.choices, default=Status.OPEN
    )
    done_on = models.DateField("완료일", null=True, blank=True)

    class Meta:
        verbose_name = "결정사항"
        verbose_name_plural = "결정사항"
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_institution__isnull=False) | ~Q(owner_person=""),
                name="network_decision_has_owner",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def owner_display(self) -> str:
        parts = [str(self.owner_institution) if self.owner_institution_id else "", self.owner_person]
        return " ".join(p for p in parts if p)

    def follow_up_status(self, today=None) -> str:
        today = today or timezone.localdate()
        if self.status != self.Status.DONE and self.due_on < today:
            return "overdue"
        return self.status

    @property
    def follow_up(self) -> str:
        return self.follow_up_status()

    @property
    def follow_up_label(self) -> str:
        return self.FOLLOW_UP_LABELS[self.follow_up]
