from django.conf import settings
from django.db import models

from meisterhub.core.phones import format_phone
from meisterhub.core.privacy import MaskedContactMixin


class Institution(models.Model):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", "정부·지자체"
        SUPPORT_AGENCY = "support_agency", "지원기관"
        RESEARCH_INSTITUTE = "research_institute", "연구기관"
        UNIVERSITY = "university", "대학"
        BANK = "bank", "금융기관"
        ASSOCIATION = "association", "협회·단체"
        SUPPLIER = "supplier", "공급기업"

    name = models.CharField("기관명", max_length=100, unique=True)
    kind = models.CharField("기관 유형", max_length=20, choices=Kind.choices, db_index=True)
    address = models.CharField("주소", max_length=200, blank=True)
    phone = models.CharField("대표 전화", max_length=20, blank=True, help_text="E.164")
    website = models.URLField("누리집", blank=True)
    is_active = models.BooleanField("활동 중", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "기관"
        verbose_name_plural = "기관"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)


class InstitutionContact(MaskedContactMixin, models.Model):
    """A person at an institution. Phone and e-mail are personal data: masked in lists."""

    institution = models.ForeignKey(
        Institution, on_delete=models.CASCADE, related_name="contacts", verbose_name="기관"
    )
    name = models.CharField("성명", max_length=50)
    position = models.CharField("직위·부서", max_length=60, blank=True)
    phone = models.CharField("전화", max_length=20, blank=True, help_text="E.164")
    email = models.EmailField("이메일", blank=True)

    class Meta:
        verbose_name = "기관 담당자"
        verbose_name_plural = "기관 담당자"
        ordering = ["institution_id", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.institution_id and self.institution.name})"




class Council(models.Model):
    name = models.CharField("협의회명", max_length=100, unique=True)
    description = models.TextField("설명", blank=True)
    founded_on = models.DateField("출범일", null=True, blank=True)
    institutions = models.ManyToManyField(
        Institution, through="CouncilMembership", related_name="councils", verbose_name="회원 기관"
    )

    class Meta:
        verbose_name = "협의회"
        verbose_name_plural = "협의회"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CouncilMembership(models.Model):
    class Role(models.TextChoices):
        OVERALL = "overall", "총괄"
        PROMOTION = "promotion", "보급·매칭"
        FINANCING = "financing", "금융"
        WORKFORCE = "workforce", "인력양성"
        AWARENESS = "awareness", "인식확산"

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="memberships")
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="council_memberships"
    )
    role = models.CharField("역할", max_length=12, choices=Role.choices, db_index=True)
    contact = models.ForeignKey(
        InstitutionContact, verbose_name="실무 담당자", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="council_memberships",
    )
    joined_on = models.DateField("참여일", null=True, blank=True)

    class Meta:
        verbose_name = "협의회 회원 기관"
        verbose_name_plural = "협의회 회원 기관"
        ordering = ["council_id", "role", "institution__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "institution"], name="network_membership_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.council} · {self.institution} ({self.get_role_display()})"


class CouncilSeat(models.Model):
    """A council-member user may see the records of this council."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="council_seats"
    )
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="seats")
    institution = models.ForeignKey(
        Institution, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="소속 기관",
    )

    class Meta:
        verbose_name = "협의회 위원"
        verbose_name_plural = "협의회 위원"
        constraints = [
            models.UniqueConstraint(fields=["user", "council"], name="network_seat_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.council}"
