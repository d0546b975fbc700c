from django.conf import settings
from django.db import models

from meisterhub.meisters.models import Field, Meister


class RoutedRequest(models.Model):
    """A request whose field (and meister) staff confirmed or corrected: evidence for the next
    ones (history.py). Only the analysed terms are kept, never the request's text."""

    class Source(models.TextChoices):
        INQUIRY = "inquiry", "기술 문의 배정"
        CONSULTATION = "consultation", "상담 완료"

    source = models.CharField("출처", max_length=12, choices=Source.choices)
    source_id = models.PositiveBigIntegerField("출처 번호")
    field = models.ForeignKey(
        Field, verbose_name="확정 분야", on_delete=models.CASCADE, related_name="+"
    )
    meister = models.ForeignKey(
        Meister,
        verbose_name="담당 마이스터",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    suggested_field_code = models.CharField("추천했던 분야", max_length=10, blank=True)
    is_correction = models.BooleanField("추천과 다르게 배정", default=False)
    terms = models.JSONField("분석된 용어", default=dict)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField("확정 시각")

    class Meta:
        verbose_name = "확정된 상담 요청"
        verbose_name_plural = "확정된 상담 요청"
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="routed_request_once")
        ]
        indexes = [models.Index(fields=["-decided_at"], name="routed_request_recent")]

    def __str__(self) -> str:
        return f"{self.get_source_display()} #{self.source_id} → {self.field_id}"
