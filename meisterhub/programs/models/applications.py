"""Applications of companies to calls, their documents and supplement requests."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from .calls import Call, DocumentKind, RequiredDocument

STEPS = ["작성", "제출", "서류검토", "평가", "선정/미선정", "협약"]


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "작성 중"
    SUBMITTED = "submitted", "서류검토 중"
    SUPPLEMENT = "supplement", "보완 요청"
    EVALUATION = "evaluation", "평가 중"
    SELECTED = "selected", "선정"
    NOT_SELECTED = "not_selected", "미선정"
    WITHDRAWN = "withdrawn", "신청 취소"


# Index into STEPS of the step a status is at (the step indicator of the KRDS pattern).
STEP_OF_STATUS = {
    ApplicationStatus.DRAFT: 0,
    ApplicationStatus.SUBMITTED: 2,
    ApplicationStatus.SUPPLEMENT: 2,
    ApplicationStatus.EVALUATION: 3,
    ApplicationStatus.SELECTED: 4,
    ApplicationStatus.NOT_SELECTED: 4,
}
WITHDRAWABLE = {ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED,
                ApplicationStatus.SUPPLEMENT, ApplicationStatus.EVALUATION}


class Application(models.Model):
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications",
                             verbose_name="공고")
    company = models.ForeignKey("companies.Company", on_delete=models.PROTECT,
                                related_name="program_applications", verbose_name="신청 기업")
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="program_applications", verbose_name="작성자")
    status = models.CharField("상태", max_length=15, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.DRAFT, db_index=True)
    plan_summary = models.TextField("사업계획 요약", blank=True)
    requested_amount = models.BigIntegerField("신청 금액(원)", default=0)
    submitted_at = models.DateTimeField("제출 일시", null=True, blank=True)
    withdrawn_at = models.DateTimeField("취소 일시", null=True, blank=True)
    final_score = models.DecimalField("최종 점수", max_digits=6, decimal_places=2,
                                      null=True, blank=True)
    rank = models.PositiveIntegerField("순위", null=True, blank=True)
    decided_at = models.DateTimeField("결과 확정", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "신청"
        verbose_name_plural = "신청"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "company"], condition=~models.Q(status="withdrawn"),
                name="application_one_live_per_company_call"),
            models.CheckConstraint(condition=models.Q(requested_amount__gte=0),
                                   name="application_amount_not_negative"),
        ]
        indexes = [models.Index(fields=["call", "status"])]

    def __str__(self) -> str:
        return f"{self.company} — {self.call}"

    def get_absolute_url(self) -> str:
        return reverse("programs:application_detail", args=[self.pk])

    @property
    def step_index(self) -> int:
        if self.status == ApplicationStatus.SELECTED and hasattr(self, "agreement"):
            return 5
        return STEP_OF_STATUS.get(self.status, -1)

    @property
    def is_editable(self) -> bool:
        return self.status in {ApplicationStatus.DRAFT, ApplicationStatus.SUPPLEMENT}

    @property
    def is_withdrawable(self) -> bool:
        return self.status in WITHDRAWABLE


class ApplicationDocument(models.Model):
    """The file an applicant uploaded for one required document (the latest one wins)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="documents")
    required_document = models.ForeignKey(RequiredDocument, on_delete=models.PROTECT,
                                          related_name="uploads")
    file = models.FileField(upload_to="programs/applications/%Y/%m/")
    original_name = models.CharField("원래 파일명", max_length=200)
    kind = models.CharField("형식", max_length=10, choices=DocumentKind.choices)
    size = models.PositiveIntegerField("크기(바이트)")
    uploaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "제출 서류 파일"
        verbose_name_plural = "제출 서류 파일"
        constraints = [
            models.UniqueConstraint(fields=["application", "required_document"],
                                    name="application_document_one_per_requirement"),
        ]

    def __str__(self) -> str:
        return self.original_name


class SupplementRequest(models.Model):
    """Staff ask for some documents again; only those reopen for upload."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="supplement_requests")
    documents = models.ManyToManyField(RequiredDocument, related_name="+",
                                       verbose_name="보완 서류")
    message = models.TextField("보완 요청 내용")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "보완 요청"
        verbose_name_plural = "보완 요청"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"보완 요청 #{self.pk}"
