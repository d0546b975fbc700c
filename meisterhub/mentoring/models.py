from django.conf import settings
from django.db import models
from django.db.models import F, Q

from meisterhub.companies.models import Company
from meisterhub.meisters.models import Meister


class MentoringEngagement(models.Model):
    """A startup paired with a mentor (a Meister) for a period, with goals and sessions."""

    class Status(models.TextChoices):
        ACTIVE = "active", "진행 중"
        COMPLETED = "completed", "종료"

    company = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        related_name="mentoring_engagements",
        verbose_name="창업기업",
    )
    mentor = models.ForeignKey(
        Meister,
        on_delete=models.PROTECT,
        related_name="mentoring_engagements",
        verbose_name="멘토",
    )
    starts_on = models.DateField("시작일")
    ends_on = models.DateField("종료일")
    status = models.CharField(
        "상태", max_length=10, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "멘토링"
        verbose_name_plural = "멘토링"
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="mentoring_period_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} · {self.mentor.name}"


class MentoringGoal(models.Model):
    class Status(models.TextChoices):
        TODO = "todo", "시작 전"
        DOING = "doing", "진행 중"
        DONE = "done", "달성"

    engagement = models.ForeignKey(
        MentoringEngagement, on_delete=models.CASCADE, related_name="goals"
    )
    title = models.CharField("목표", max_length=200)
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.TODO)
    order = models.PositiveSmallIntegerField("순서", default=1)

    class Meta:
        verbose_name = "멘토링 목표"
        verbose_name_plural = "멘토링 목표"
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class MentoringSession(models.Model):
    engagement = models.ForeignKey(
        MentoringEngagement, on_delete=models.CASCADE, related_name="sessions"
    )
    held_on = models.DateField("멘토링 일자")
    notes = models.TextField("멘토링 내용")
    next_steps = models.TextField("다음 할 일", blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "멘토링 세션"
        verbose_name_plural = "멘토링 세션"
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.engagement} · {self.held_on}"
