from django.conf import settings
from django.db import models
from django.db.models import F, Q

from meisterhub.companies.models import Company

from .institutions import Institution


class SmartFactoryProject(models.Model):
    """One company's smart-factory adoption project; amounts in KRW (원)."""

    class Level(models.TextChoices):
        BASIC = "basic", "기초"
        INTERMEDIATE_1 = "intermediate1", "고도화1"
        INTERMEDIATE_2 = "intermediate2", "고도화2"
        ADVANCED = "advanced", "고도화"

    class Status(models.TextChoices):
        PLANNED = "planned", "협약 전"
        IN_PROGRESS = "in_progress", "구축 중"
        COMPLETED = "completed", "구축 완료"
        CANCELLED = "cancelled", "중단"

    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, related_name="smart_factory_projects",
        verbose_name="기업",
    )
    year = models.PositiveSmallIntegerField("사업 연도")
    level = models.CharField("수준", max_length=14, choices=Level.choices)
    title = models.CharField("과제명", max_length=150)
    supplier = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="supplied_projects",
        verbose_name="공급기업",
    )
    government_amount = models.PositiveBigIntegerField("정부 지원금", default=0)
    local_government_amount = models.PositiveBigIntegerField("지자체 지원금", default=0)
    company_amount = models.PositiveBigIntegerField("기업 부담금", default=0)
    total_amount = models.PositiveBigIntegerField("총사업비")
    status = models.CharField(
        "상태", max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    started_on = models.DateField("시작일", null=True, blank=True)
    ends_on = models.DateField("종료 예정일", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "스마트공장 구축 사업"
        verbose_name_plural = "스마트공장 구축 사업"
        ordering = ["-year", "company__name"]
        indexes = [models.Index(fields=["year", "level"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    total_amount=F("government_amount") + F("local_government_amount")
                    + F("company_amount")
                ),
                name="network_project_budget_adds_up",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="network_project_year_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company} {self.year} {self.get_level_display()}"

    @property
    def public_amount(self) -> int:
        return self.government_amount + self.local_government_amount


class Financing(models.Model):
    project = models.ForeignKey(
        SmartFactoryProject, on_delete=models.CASCADE, related_name="financings"
    )
    bank = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="financings", verbose_name="금융기관"
    )
    amount = models.PositiveBigIntegerField("금액(원)")

    class Meta:
        verbose_name = "금융 지원"
        verbose_name_plural = "금융 지원"
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="network_financing_positive")
        ]

    def __str__(self) -> str:
        return f"{self.bank} {self.amount:,}원"


class Milestone(models.Model):
    project = models.ForeignKey(
        SmartFactoryProject, on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField("단계", max_length=100)
    due_on = models.DateField("예정일")
    done_on = models.DateField("완료일", null=True, blank=True)

    class Meta:
        verbose_name = "추진 단계"
        verbose_name_plural = "추진 단계"
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title
