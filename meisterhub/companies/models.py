from django.conf import settings
from django.db import models

from meisterhub.core.phones import format_phone

from .validators import format_brn, format_corporate_number


class Industry(models.Model):
    """A KSIC (한국표준산업분류) division or group."""

    code = models.CharField("KSIC 코드", max_length=5, primary_key=True)
    name = models.CharField("업종명", max_length=100)

    class Meta:
        verbose_name = "업종(KSIC)"
        verbose_name_plural = "업종(KSIC)"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class SizeClass(models.TextChoices):
    MICRO = "micro", "소상공인"
    SME = "sme", "중소기업"
    MIDSIZE = "midsize", "중견기업"
    LARGE = "large", "대기업"


class OrgType(models.TextChoices):
    """What kind of organisation is asking: drives eligibility and matching priors."""

    SME = "sme", "중소기업"
    STARTUP = "startup", "스타트업"
    PRE_FOUNDER = "pre_founder", "예비창업자"
    MIDSIZE = "midsize", "중견기업"
    OTHER = "other", "기타"


class District(models.TextChoices):
    UICHANG = "uichang", "창원시 의창구"
    SEONGSAN = "seongsan", "창원시 성산구"
    MASANHAPPO = "masanhappo", "창원시 마산합포구"
    MASANHOEWON = "masanhoewon", "창원시 마산회원구"
    JINHAE = "jinhae", "창원시 진해구"
    OTHER_GYEONGNAM = "gyeongnam", "경상남도 (창원 외)"
    OTHER = "other", "그 외 지역"


class Company(models.Model):
    name = models.CharField("기업명", max_length=100, db_index=True)
    brn = models.CharField("사업자등록번호", max_length=10, unique=True)
    corporate_number = models.CharField("법인등록번호", max_length=13, blank=True)
    representative = models.CharField("대표자", max_length=50)
    industry = models.ForeignKey(
        Industry, verbose_name="업종(KSIC)", on_delete=models.PROTECT, related_name="companies"
    )
    size_class = models.CharField(
        "기업 규모", max_length=10, choices=SizeClass.choices, default=SizeClass.SME, db_index=True
    )
    org_type = models.CharField(
        "기업 유형", max_length=12, choices=OrgType.choices, default=OrgType.SME, db_index=True
    )
    district = models.CharField(
        "소재지(구)", max_length=12, choices=District.choices, db_index=True
    )
    address = models.CharField("주소", max_length=200)
    phone = models.CharField("대표 전화", max_length=20, blank=True, help_text="E.164")
    employees = models.PositiveIntegerField("상시 근로자 수", default=0)
    founded_on = models.DateField("설립일", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "기업"
        verbose_name_plural = "기업"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def brn_display(self) -> str:
        return format_brn(self.brn)

    @property
    def corporate_number_display(self) -> str:
        return format_corporate_number(self.corporate_number)

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)


class Membership(models.Model):
    """A user belongs to a company; one user may belong to several."""

    class Status(models.TextChoices):
        PENDING = "pending", "승인 대기"
        ACTIVE = "active", "소속"

    class Position(models.TextChoices):
        ADMIN = "admin", "기업 관리자"
        MEMBER = "member", "담당자"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="memberships")
    position = models.CharField(
        "권한", max_length=10, choices=Position.choices, default=Position.MEMBER
    )
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "기업 소속"
        verbose_name_plural = "기업 소속"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "company"], name="membership_unique_user_company"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.company} ({self.get_status_display()})"
