"""The skilled-worker database (기능인력 DB) and the jobs that build the annual report."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from meisterhub.companies.models import District
from meisterhub.meisters.models import Field


class CertificateLevel(models.TextChoices):
    """National technical qualifications (국가기술자격) from lowest to highest, then 명장."""

    CRAFTSMAN = "craftsman", "기능사"
    INDUSTRIAL_ENGINEER = "industrial_engineer", "산업기사"
    ENGINEER = "engineer", "기사"
    MASTER_CRAFTSMAN = "master_craftsman", "기능장"
    PROFESSIONAL_ENGINEER = "professional_engineer", "기술사"
    GRAND_MASTER = "grand_master", "명장"


class SkilledWorker(models.Model):
    name = models.CharField("성명", max_length=50)
    birth_year = models.PositiveSmallIntegerField("출생 연도")
    phone = models.CharField("휴대전화", max_length=20, help_text="E.164")
    email = models.EmailField("이메일", blank=True)
    district = models.CharField("거주지(구)", max_length=12, choices=District.choices, db_index=True)
    fields = models.ManyToManyField(
        Field, related_name="skilled_workers", verbose_name="기술 분야", blank=True
    )
    years_of_experience = models.PositiveSmallIntegerField("경력(년)", default=0)
    willing_to_mentor = models.BooleanField("멘토 활동 의향", default=False)
    willing_to_teach = models.BooleanField("강의 의향", default=False)
    consent_given_on = models.DateField("동의일")
    consent_purpose = models.CharField("동의 목적", max_length=200)
    consent_expires_on = models.DateField("동의 만료일", db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "기능인력"
        verbose_name_plural = "기능인력"
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "birth_year", "phone"], name="skilledworker_unique_person"
            ),
            models.CheckConstraint(
                condition=Q(consent_expires_on__gt=F("consent_given_on")),
                name="skilledworker_consent_expires_after_given",
            ),
            models.CheckConstraint(
                condition=Q(birth_year__gte=1920, birth_year__lte=2100),
                name="skilledworker_birth_year_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.birth_year})"

    def consent_valid_on(self, day) -> bool:
        return self.consent_given_on <= day < self.consent_expires_on


class Certificate(models.Model):
    """One national certificate a worker holds (e.g. 용접기능장)."""

    worker = models.ForeignKey(SkilledWorker, on_delete=models.CASCADE, related_name="certificates")
    level = models.CharField("등급", max_length=24, choices=CertificateLevel.choices, db_index=True)
    name = models.CharField("자격명", max_length=60)
    acquired_year = models.PositiveSmallIntegerField("취득 연도", null=True, blank=True)

    class Meta:
        verbose_name = "국가기술자격"
        verbose_name_plural = "국가기술자격"
        ordering = ["worker", "acquired_year", "id"]
        constraints = [
            models.UniqueConstraint(fields=["worker", "name"], name="certificate_unique_per_worker")
        ]

    def __str__(self) -> str:
        return self.name


class ReportJob(models.Model):
    """One request to build the annual performance report (성과공유회 자료)."""

    class Status(models.TextChoices):
        QUEUED = "queued", "대기"
        RUNNING = "running", "생성 중"
        DONE = "done", "완료"
        FAILED = "failed", "실패"

    year = models.PositiveSmallIntegerField("연도")
    area = models.CharField("사업 분야", max_length=20, blank=True)
    status = models.CharField(
        "상태", max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    progress = models.PositiveSmallIntegerField("진행률(%)", default=0)
    pdf_file = models.FileField("PDF", upload_to="reports/annual/", blank=True)
    xlsx_file = models.FileField("XLSX", upload_to="reports/annual/", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    error = models.TextField("오류", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "성과 보고서 생성"
        verbose_name_plural = "성과 보고서 생성"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="reportjob_progress_max_100")
        ]

    def __str__(self) -> str:
        return f"{self.year}년 성과 보고서 ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.RUNNING}


class StagedImport(models.Model):
    """An uploaded import file kept between its preview and the person's confirmation.

    The content lives in the database, not in media storage, so it is never served as a file
    and goes with the record; only the person who uploaded it may confirm it.
    """

    class Mode(models.TextChoices):
        INSERT = "insert", "새로 추가만"
        UPSERT = "upsert", "있으면 고친다"

    kind = models.CharField("자료 종류", max_length=20)
    mode = models.CharField("방식", max_length=10, choices=Mode.choices, default=Mode.INSERT)
    only_good_rows = models.BooleanField("올바른 행만 가져오기", default=False)
    file_name = models.CharField("파일 이름", max_length=200)
    content = models.BinaryField("파일 내용")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "가져오기 미리보기"
        verbose_name_plural = "가져오기 미리보기"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_mode_display()})"
