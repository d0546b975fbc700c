from django.contrib.auth.models import AbstractUser
from django.db import models


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
