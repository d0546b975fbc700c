"""Programs in the seven areas, their calls (공고), required documents and call attachments."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from meisterhub.core.locking import Versioned


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


class Program(Versioned):
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


# What staff see on their list: the public status, or that the call is not published yet.
STAGE_LABELS = {"draft": "작성 중(미게시)", "closed_early": "조기 마감", **dict(CallStatus.choices)}


class Call(Versioned):
    """One call for applications, with its eligibility rules kept as data.

    A call is a draft until staff publish it (published_at); only published calls are public.
    Calls made outside the staff pages (demo, imports, fixtures) are published on creation,
    as every call was before drafts existed. A draft may have no dates yet (a copy).
    """

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="calls",
                                verbose_name="지원사업")
    title = models.CharField("공고명", max_length=200)
    description = models.TextField("공고 내용", blank=True)
    opens_at = models.DateTimeField("접수 시작", db_index=True, null=True, blank=True)
    closes_at = models.DateTimeField("접수 마감", db_index=True, null=True, blank=True)
    published_at = models.DateTimeField("게시 일시", null=True, blank=True, default=timezone.now)
    closed_early_at = models.DateTimeField("조기 마감 일시", null=True, blank=True)
    budget = models.BigIntegerField("사업 예산(원)", default=0)
    selection_count = models.PositiveIntegerField("선정 기업 수", default=1)
    trim_extremes_min_evaluators = models.PositiveSmallIntegerField(
        # A constant: a default read from a setting would make a migration on each change. The
        # setting (programs.conf) is what new calls start from (services.create_call).
        "최고·최저점 제외 기준(평가위원 수)", default=5,
        help_text="이 수 이상의 평가위원이 채점하면 최고점과 최저점을 빼고 평균합니다.",
    )
    allowed_org_types = models.JSONField("신청 가능 기업 유형", default=list, blank=True)
    allowed_size_classes = models.JSONField("신청 가능 기업 규모", default=list, blank=True)
    allowed_ksic_prefixes = models.JSONField("신청 가능 업종(KSIC 앞자리)", default=list, blank=True)
    allowed_districts = models.JSONField("신청 가능 소재지", default=list, blank=True)
    min_years_since_founding = models.PositiveSmallIntegerField(
        "설립 후 최소 연수", null=True, blank=True)
    max_years_since_founding = models.PositiveSmallIntegerField(
        "설립 후 최대 연수", null=True, blank=True)
    min_employees = models.PositiveIntegerField("최소 상시 근로자 수", null=True, blank=True)
    max_employees = models.PositiveIntegerField("최대 상시 근로자 수", null=True, blank=True)
    exclude_selected_within_years = models.PositiveSmallIntegerField(
        "최근 선정 기업 제외(년)", null=True, blank=True,
        help_text="같은 사업에 이 기간 안에 선정된 기업은 신청할 수 없습니다.")
    evaluators = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                        related_name="evaluator_pool_calls",
                                        verbose_name="평가위원 풀")
    selected_at = models.DateTimeField("선정 확정", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "공고"
        verbose_name_plural = "공고"
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_at__gt=models.F("opens_at")),
                                   name="call_closes_after_opening"),
            models.CheckConstraint(
                condition=models.Q(min_employees__isnull=True) | models.Q(max_employees__isnull=True)
                | models.Q(min_employees__lte=models.F("max_employees")),
                name="call_employee_range_ordered"),
            models.CheckConstraint(
                condition=models.Q(min_years_since_founding__isnull=True)
                | models.Q(max_years_since_founding__isnull=True)
                | models.Q(min_years_since_founding__lte=models.F("max_years_since_founding")),
                name="call_founding_range_ordered"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programs:call_detail", args=[self.pk])

    def status_at(self, now=None) -> str:
        now = now or timezone.now()
        if self.opens_at is None or self.closes_at is None or now < self.opens_at:
            return CallStatus.UPCOMING
        return CallStatus.OPEN if now < self.closes_at else CallStatus.CLOSED

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def stage(self) -> str:
        """draft, closed_early, or the public status."""
        if not self.is_published:
            return "draft"
        if self.closed_early_at and self.status == CallStatus.CLOSED:
            return "closed_early"
        return self.status

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS[self.stage]

    @property
    def status(self) -> str:
        return self.status_at()

    @property
    def status_label(self) -> str:
        return CallStatus(self.status).label

    @property
    def is_open(self) -> bool:
        return self.is_published and self.status == CallStatus.OPEN

    @property
    def rules_display(self) -> list[str]:
        """The eligibility rules in Korean, for the call page."""
        from meisterhub.companies.models import District, OrgType, SizeClass

        def labels(choices, values):
            return ", ".join(str(dict(choices.choices).get(v, v)) for v in values)

        rules = []
        if self.allowed_org_types:
            rules.append(f"기업 유형: {labels(OrgType, self.allowed_org_types)}")
        if self.allowed_size_classes:
            rules.append(f"기업 규모: {labels(SizeClass, self.allowed_size_classes)}")
        if self.allowed_ksic_prefixes:
            rules.append(f"업종(KSIC): {', '.join(self.allowed_ksic_prefixes)}로 시작하는 업종")
        if self.allowed_districts:
            rules.append(f"소재지: {labels(District, self.allowed_districts)}")
        if self.min_years_since_founding is not None:
            rules.append(f"설립 {self.min_years_since_founding}년 이상")
        if self.max_years_since_founding is not None:
            rules.append(f"설립 {self.max_years_since_founding}년 이내")
        if self.min_employees is not None:
            rules.append(f"상시 근로자 {self.min_employees}명 이상")
        if self.max_employees is not None:
            rules.append(f"상시 근로자 {self.max_employees}명 이하")
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
