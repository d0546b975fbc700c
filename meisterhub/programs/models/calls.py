"""Programs in the seven areas, their calls (공고), required documents and call attachments."""

from django.db import models
from django.urls import reverse
from django.utils import timezone

from meisterhub.programs.conf import TRIM_EXTREMES_MIN_EVALUATORS


class Area(models.TextChoices):
    ENTERPRISE = "enterprise", "기업지원"
    WORKFORCE = "workforce", "인력양성"
    DEFENSE_AERO = "defense_aero", "방위·항공부품"
    HYDROGEN = "hydrogen", "수소산업"
    EXPORT = "export", "수출지원"
    STARTUP_JOBS = "startup_jobs", "창업·일자리"
    FUTURE = "future", "미래기획"


class DocumentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    HWP = "hwp", "한글(HWP)"
    HWPX = "hwpx", "한글(HWPX)"
    XLSX = "xlsx", "엑셀(XLSX)"
    IMAGE = "image", "이미지(JPG·PNG)"


class Program(models.Model):
    area = models.CharField("사업 분야", max_length=20, choices=Area.choices, db_index=True)
    name = models.CharField("사업명", max_length=120)
    description = models.TextField("사업 개요", blank=True)
    year = models.PositiveSmallIntegerField("사업 연도", db_index=True)

    class Meta:
        verbose_name = "지원사업"
        verbose_name_plural = "지원사업"
        ordering = ["-year", "area", "name"]

    def __str__(self) -> str:
        return f"{self.year} {self.name}"


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", "접수 예정"
    OPEN = "open", "접수 중"
    CLOSED = "closed", "접수 마감"


class Call(models.Model):
    """One call for applications, with its eligibility rules kept as data."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="calls",
                                verbose_name="지원사업")
    title = models.CharField("공고명", max_length=200)
    description = models.TextField("공고 내용", blank=True)
    opens_at = models.DateTimeField("접수 시작", db_index=True)
    closes_at = models.DateTimeField("접수 마감", db_index=True)
    budget = models.BigIntegerField("사업 예산(원)", default=0)
    selection_count = models.PositiveIntegerField("선정 기업 수", default=1)
    trim_extremes_min_evaluators = models.PositiveSmallIntegerField(
        "최고·최저점 제외 기준(평가위원 수)", default=TRIM_EXTREMES_MIN_EVALUATORS,
        help_text="이 수 이상의 평가위원이 채점하면 최고점과 최저점을 빼고 평균합니다.",
    )
    allowed_size_classes = models.JSONField("신청 가능 기업 규모", default=list, blank=True)
    allowed_ksic_prefixes = models.JSONField("신청 가능 업종(KSIC 앞자리)", default=list, blank=True)
    allowed_districts = models.JSONField("신청 가능 소재지", default=list, blank=True)
    max_years_since_founding = models.PositiveSmallIntegerField(
        "설립 후 최대 연수", null=True, blank=True)
    exclude_selected_within_years = models.PositiveSmallIntegerField(
        "최근 선정 기업 제외(년)", null=True, blank=True,
        help_text="같은 사업에 이 기간 안에 선정된 기업은 신청할 수 없습니다.")
    selected_at = models.DateTimeField("선정 확정", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "공고"
        verbose_name_plural = "공고"
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_at__gt=models.F("opens_at")),
                                   name="call_closes_after_opening"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programs:call_detail", args=[self.pk])

    def status_at(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return CallStatus.UPCOMING
        return CallStatus.OPEN if now < self.closes_at else CallStatus.CLOSED

    @property
    def status(self) -> str:
        return self.status_at()

    @property
    def status_label(self) -> str:
        return CallStatus(self.status).label

    @property
    def is_open(self) -> bool:
        return self.status == CallStatus.OPEN

    @property
    def rules_display(self) -> list[str]:
        """The eligibility rules in Korean, for the call page."""
        from meisterhub.companies.models import District, SizeClass

        def labels(choices, values):
            return ", ".join(str(dict(choices.choices).get(v, v)) for v in values)

        rules = []
        if self.allowed_size_classes:
            rules.append(f"기업 규모: {labels(SizeClass, self.allowed_size_classes)}")
        if self.allowed_ksic_prefixes:
            rules.append(f"업종(KSIC): {', '.join(self.allowed_ksic_prefixes)}로 시작하는 업종")
        if self.allowed_districts:
            rules.append(f"소재지: {labels(District, self.allowed_districts)}")
        if self.max_years_since_founding is not None:
            rules.append(f"설립 {self.max_years_since_founding}년 이내")
        if self.exclude_selected_within_years:
            rules.append(f"최근 {self.exclude_selected_within_years}년 안에 이 사업에 선정된 기업 제외")
        return rules or ["제한 없음"]


class RequiredDocument(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="required_documents")
    name = models.CharField("서류명", max_length=100)
    accepted_kinds = models.JSONField("허용 형식", default=list,
                                      help_text="pdf, hwp, hwpx, xlsx, image 중에서")
    is_required = models.BooleanField("필수", default=True)
    order = models.PositiveSmallIntegerField("순서", default=0)

    class Meta:
        verbose_name = "제출 서류"
        verbose_name_plural = "제출 서류"
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def kinds_label(self) -> str:
        return ", ".join(DocumentKind(k).label for k in self.accepted_kinds if k in DocumentKind)


class CallAttachment(models.Model):
    """A file published with the call (공고문, 서식): public."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField("제목", max_length=200)
    file = models.FileField("파일", upload_to="programs/calls/")
    kind = models.CharField("형식", max_length=10, choices=DocumentKind.choices)

    class Meta:
        verbose_name = "공고 첨부파일"
        verbose_name_plural = "공고 첨부파일"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title
