from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower


class Role(models.TextChoices):
    COMPANY_MEMBER = "company_member", "기업 회원"
    MEISTER = "meister", "마이스터·멘토"
    STAFF = "staff", "운영자"
    EVALUATOR = "evaluator", "평가위원"
    COUNCIL_MEMBER = "council_member", "협의회 위원"


class User(AbstractUser):
    """A person who logs in. The role decides what they may see and do."""

    full_name = models.CharField("성명", max_length=50)
    phone = models.CharField("휴대전화", max_length=20, blank=True, help_text="E.164 형식으로 저장")
    role = models.CharField(
        "역할", max_length=20, choices=Role.choices, default=Role.COMPANY_MEMBER, db_index=True
    )

    class Meta:
        verbose_name = "사용자"
        verbose_name_plural = "사용자"
        constraints = [
            # One account per address, whatever its case: sign-in and password reset find the
            # account by it. The forms say so first; this holds under a race of two sign-ups.
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="user_email_unique_ci",
                violation_error_message="이미 가입된 이메일입니다.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_name or self.username} ({self.username})"

    @property
    def is_operator(self) -> bool:
        """Agency staff: the role, or a superuser acting as one."""
        return self.role == Role.STAFF or self.is_superuser

    @property
    def is_company_member(self) -> bool:
        return self.role == Role.COMPANY_MEMBER

    @property
    def is_meister(self) -> bool:
        return self.role == Role.MEISTER


class Consent(models.Model):
    """A person's consent to a purpose of personal-data use (개인정보보호법 제15조)."""

    class Purpose(models.TextChoices):
        MEMBERSHIP = "membership", "회원 가입·관리"
        MARKETING = "marketing", "행사·사업 안내 수신"
        THIRD_PARTY = "third_party", "제3자 제공"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField("목적", max_length=20, choices=Purpose.choices)
    version = models.CharField("약관 버전", max_length=20, default="2026-01")
    items = models.CharField("수집 항목", max_length=200)
    retention = models.CharField("보유 기간", max_length=100)
    granted_at = models.DateTimeField("동의 일시", auto_now_add=True)
    withdrawn_at = models.DateTimeField("철회 일시", null=True, blank=True)

    class Meta:
        verbose_name = "개인정보 동의"
        verbose_name_plural = "개인정보 동의"
        ordering = ["-granted_at"]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_purpose_display()}"


class TwoFactorFailure(models.Model):
    """A refused second-factor code, counted per user and per client address."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="two_factor_failures", verbose_name="사용자"
    )
    ip_address = models.GenericIPAddressField("접속 주소", null=True, blank=True, db_index=True)
    created_at = models.DateTimeField("일시", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "2단계 인증 실패"
        verbose_name_plural = "2단계 인증 실패"

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M}"
