"""After selection: agreements, beneficiaries, their yearly outcomes, hidden champions, awards."""

from django.conf import settings
from django.db import models

from .applications import Application
from .calls import Program


class Agreement(models.Model):
    application = models.OneToOneField(Application, on_delete=models.PROTECT,
                                       related_name="agreement")
    support_amount = models.BigIntegerField("지원 금액(원)")
    signed_on = models.DateField("협약일")
    completed_on = models.DateField("완료일", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "협약"
        verbose_name_plural = "협약"
        constraints = [
            models.CheckConstraint(condition=models.Q(support_amount__gt=0),
                                   name="agreement_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"협약 — {self.application}"


class Milestone(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField("단계", max_length=120)
    due_on = models.DateField("기한")
    completed_on = models.DateField("완료일", null=True, blank=True)

    class Meta:
        verbose_name = "협약 단계"
        verbose_name_plural = "협약 단계"
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class Beneficiary(models.Model):
    """A company selected in a program (수혜기업); made on selection, or recorded by staff."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="beneficiaries")
    company = models.ForeignKey("companies.Company", on_delete=models.PROTECT,
                                related_name="beneficiary_of")
    year = models.PositiveSmallIntegerField("수혜 연도", db_index=True)
    application = models.OneToOneField(Application, on_delete=models.SET_NULL, null=True,
                                       blank=True, related_name="beneficiary")

    class Meta:
        verbose_name = "수혜기업"
        verbose_name_plural = "수혜기업"
        constraints = [
            models.UniqueConstraint(fields=["program", "company"],
                                    name="beneficiary_one_per_program"),
        ]
        indexes = [models.Index(fields=["year", "company"])]

    def __str__(self) -> str:
        return f"{self.company} ({self.program})"


OUTCOME_FIGURES = {
    "export_amount": "수출액(원)",
    "employees": "고용 인원(명)",
    "production_amount": "생산액·매출액(원)",
    "export_consultation_amount": "수출 상담액(원)",
    "contract_amount": "계약액(원)",
    "mou_count": "MOU 체결(건)",
}


class OutcomeReport(models.Model):
    class Source(models.TextChoices):
        FORM = "form", "기업 입력"
        IMPORT = "import", "엑셀 가져오기"

    company = models.ForeignKey("companies.Company", on_delete=models.PROTECT,
                                related_name="outcome_reports")
    year = models.PositiveSmallIntegerField("연도")
    export_amount = models.BigIntegerField(OUTCOME_FIGURES["export_amount"], default=0)
    employees = models.PositiveIntegerField(OUTCOME_FIGURES["employees"], default=0)
    production_amount = models.BigIntegerField(OUTCOME_FIGURES["production_amount"], default=0)
    export_consultation_amount = models.BigIntegerField(
        OUTCOME_FIGURES["export_consultation_amount"], default=0)
    contract_amount = models.BigIntegerField(OUTCOME_FIGURES["contract_amount"], default=0)
    mou_count = models.PositiveIntegerField(OUTCOME_FIGURES["mou_count"], default=0)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.FORM)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "성과 보고"
        verbose_name_plural = "성과 보고"
        ordering = ["-year", "company"]
        constraints = [
            models.UniqueConstraint(fields=["company", "year"], name="outcome_one_per_company_year"),
            models.CheckConstraint(
                condition=models.Q(export_amount__gte=0, production_amount__gte=0,
                                   export_consultation_amount__gte=0, contract_amount__gte=0),
                name="outcome_amounts_not_negative"),
        ]
        indexes = [models.Index(fields=["year", "company"])]

    def __str__(self) -> str:
        return f"{self.company} {self.year}년 성과"


class HiddenChampion(models.Model):
    company = models.OneToOneField("companies.Company", on_delete=models.PROTECT,
                                   related_name="hidden_champion")
    year = models.PositiveSmallIntegerField("지정 연도", db_index=True)
    citation = models.CharField("지정 사유", max_length=200, blank=True)
    designated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                      null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = "강소기업"
        verbose_name_plural = "강소기업"
        ordering = ["-year", "company__name"]

    def __str__(self) -> str:
        return f"{self.company} ({self.year})"


class AwardCategory(models.TextChoices):
    ENTERPRISE_SUPPORT = "enterprise_support", "기업지원 우수기업"
    STARTUP_SUPPORT = "startup_support", "창업지원 우수기업"
    DEFENSE_AERO = "defense_aero", "방위·항공부품 우수기업"
    EXPORT_SUPPORT = "export_support", "수출지원 우수기업"
    BEST_MENTOR = "best_mentor", "우수 멘토(마이스터)"


class Award(models.Model):
    """An award at the yearly performance-sharing event (성과공유회)."""

    year = models.PositiveSmallIntegerField("연도", db_index=True)
    category = models.CharField("부문", max_length=20, choices=AwardCategory.choices)
    company = models.ForeignKey("companies.Company", on_delete=models.PROTECT, null=True,
                                blank=True, related_name="awards")
    meister = models.ForeignKey("meisters.Meister", on_delete=models.PROTECT, null=True,
                                blank=True, related_name="awards")
    title = models.CharField("상훈", max_length=100, help_text="예: 창원시장상")
    citation = models.CharField("공적 요지", max_length=300, blank=True)

    class Meta:
        verbose_name = "성과공유회 시상"
        verbose_name_plural = "성과공유회 시상"
        ordering = ["-year", "category"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(category="best_mentor", meister__isnull=False,
                                    company__isnull=True)
                           | (~models.Q(category="best_mentor")
                              & models.Q(company__isnull=False, meister__isnull=True))),
                name="award_mentor_or_company"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_category_display()}"

    @property
    def recipient(self):
        return self.meister if self.category == AwardCategory.BEST_MENTOR else self.company
