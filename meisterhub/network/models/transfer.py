from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from meisterhub.companies.models import Company
from meisterhub.meisters.models import Field

from .institutions import Institution


class Technology(models.Model):
    """A technology an institute offers for transfer; TRL is the readiness level 1-9."""

    title = models.CharField("기술명", max_length=150)
    field = models.ForeignKey(
        Field, verbose_name="전문분야", on_delete=models.PROTECT, related_name="+"
    )
    trl = models.PositiveSmallIntegerField(
        "기술성숙도(TRL)", validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    owner = models.ForeignKey(
        Institution, verbose_name="보유 기관", on_delete=models.PROTECT,
        related_name="technologies",
    )
    summary = models.TextField("기술 요약")
    is_published = models.BooleanField("공개", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "이전 대상 기술"
        verbose_name_plural = "이전 대상 기술"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["is_published", "field"])]
        constraints = [
            models.CheckConstraint(condition=Q(trl__gte=1, trl__lte=9), name="network_trl_1_9")
        ]

    def __str__(self) -> str:
        return self.title


class TransferRequest(models.Model):
    class Status(models.TextChoices):
        INTEREST = "interest", "관심 표명"
        CONSULTATION = "consultation", "상담"
        NEGOTIATION = "negotiation", "협상"
        CONTRACT = "contract", "계약"
        TRANSFERRED = "transferred", "이전 완료"
        DROPPED = "dropped", "중단"

    PIPELINE = [
        Status.INTEREST, Status.CONSULTATION, Status.NEGOTIATION, Status.CONTRACT,
        Status.TRANSFERRED,
    ]
    FINAL = (Status.TRANSFERRED, Status.DROPPED)

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="transfer_requests")
    technology = models.ForeignKey(
        Technology, on_delete=models.PROTECT, related_name="transfer_requests"
    )
    message = models.TextField("요청 내용", blank=True)
    status = models.CharField(
        "진행 단계", max_length=12, choices=Status.choices, default=Status.INTEREST
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "기술이전 요청"
        verbose_name_plural = "기술이전 요청"
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "technology"], condition=~Q(status="dropped"),
                name="network_transfer_one_active",
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} → {self.technology}"

    @property
    def next_status(self):
        if self.status in self.FINAL:
            return None
        return self.PIPELINE[self.PIPELINE.index(self.status) + 1]
