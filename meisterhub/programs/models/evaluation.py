"""Rubric, conflicts of interest, evaluator assignments and their scores."""

from django.conf import settings
from django.db import models

from .applications import Application
from .calls import Call


class Criterion(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField("평가 항목", max_length=100)
    weight = models.PositiveSmallIntegerField("가중치(%)")
    max_score = models.PositiveSmallIntegerField("만점", default=10)
    order = models.PositiveSmallIntegerField("순서", default=0)

    class Meta:
        verbose_name = "평가 항목"
        verbose_name_plural = "평가 항목"
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(max_score__gt=0),
                                   name="criterion_max_score_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.weight}%)"


class ConflictDeclaration(models.Model):
    """An evaluator declares a tie to a company; they are never assigned its applications."""

    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="conflict_declarations")
    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE,
                                related_name="+", verbose_name="기업")
    reason = models.CharField("사유", max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "이해충돌 신고"
        verbose_name_plural = "이해충돌 신고"
        constraints = [
            models.UniqueConstraint(fields=["evaluator", "company"],
                                    name="conflict_one_per_evaluator_company"),
        ]

    def __str__(self) -> str:
        return f"{self.evaluator} ↔ {self.company}"


class Assignment(models.Model):
    """One evaluator's evaluation of one application; locked once submitted."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="assignments")
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="evaluation_assignments")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField("제출 일시", null=True, blank=True)
    total = models.DecimalField("가중 합계(100점)", max_digits=6, decimal_places=2,
                                null=True, blank=True)
    comment = models.TextField("평가 의견", blank=True)

    class Meta:
        verbose_name = "평가 배정"
        verbose_name_plural = "평가 배정"
        constraints = [
            models.UniqueConstraint(fields=["application", "evaluator"],
                                    name="assignment_one_per_evaluator"),
        ]

    def __str__(self) -> str:
        return f"{self.evaluator} → {self.application}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Score(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.DecimalField("점수", max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = "항목 점수"
        verbose_name_plural = "항목 점수"
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"],
                                    name="score_one_per_criterion"),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="score_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion.name}: {self.value}"
