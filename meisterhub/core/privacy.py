"""Personal data (개인정보): masking for lists, logged full views for staff, retention."""

import re

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from .errors import DomainError
from .models import PersonalDataAccess
from .phones import format_phone, mask_phone

# The one registry of personal data (개인정보): model label -> the fields that identify or reach
# a person. Pages, the admin and exports mask these; a full view is logged (PersonalDataAccess).
# Names stay readable everywhere: staff work by name, and a name alone does not reach anyone.
PERSONAL_FIELDS: dict[str, list[str]] = {
    # Sign-in e-mail and mobile of every member, meister, evaluator and staff member.
    "accounts.user": ["email", "phone"],
    # A small company's main line is often the owner's own mobile.
    "companies.company": ["phone"],
    # Whoever asked the desk, signed in or not.
    "network.inquiry": ["phone", "email"],
    # A named person at a partner institution.
    "network.institutioncontact": ["phone", "email"],
    # The skilled-worker database (인력 DB): people who are not members at all.
    "reports.skilledworker": ["phone", "email"],
    # The address a notice went to: an e-mail or a mobile number.
    "notifications.message": ["address"],
}

# Looked at and decided not personal data (or not shown): "label.field" -> why. A model field
# that looks like contact data must be in one of the two tables (tests/security checks it).
NOT_PERSONAL: dict[str, str] = {
    "companies.company.representative": "대표자 성명: 사업자등록 공개 정보, 이름은 가리지 않음",
    "companies.company.address": "사업장 주소: 사업자등록 공개 정보",
    "network.institution.phone": "기관 대표 전화: 공개된 기관 번호",
    "network.institution.address": "기관 주소: 공개 정보",
    "network.institution.website": "기관 누리집: 공개 정보",
    "consultations.booking.visitor_name": "방문 상담자 성명: 이름은 가리지 않음",
    "network.attendance.attendee": "회의 참석자 성명: 회의록의 일부",
    "network.decision.owner_person": "담당자 성명: 회의 결정의 일부",
    "accounts.twofactorfailure.ip_address": "2단계 인증 실패의 접속 주소: 잠금 조사용 보안 기록",
    "reports.skilledworker.birth_year": "출생 연도: 연령대 집계용, 연락처 없이 사람에 닿지 않음",
    "notifications.preference.email": "수신 동의 여부(참/거짓)일 뿐 주소가 아님",
    "notifications.preference.sms": "수신 동의 여부(참/거짓)일 뿐 번호가 아님",
}


def register_personal_fields(label: str, fields: list[str]) -> None:
    """Kept for apps that registered theirs before the registry above held every decision."""
    known = PERSONAL_FIELDS.setdefault(label.lower(), [])
    known.extend(name for name in fields if name not in known)


def personal_fields_of(model_or_label) -> list[str]:
    label = model_or_label if isinstance(model_or_label, str) else model_or_label._meta.label_lower
    return PERSONAL_FIELDS.get(label.lower(), [])


def mask_email(value: str) -> str:
    """hong.gildong@example.kr -> ho**********@example.kr: the domain stays readable."""
    if not value or "@" not in value:
        return value or ""
    local, domain = value.rsplit("@", 1)
    shown = local[:2] if len(local) > 2 else local[:1]
    return f"{shown}{'*' * (len(local) - len(shown))}@{domain}"


class MaskedContactMixin:
    """For models with `phone` (E.164) and `email`: how lists and detail pages show them."""

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    @property
    def email_masked(self) -> str:
        return mask_email(self.email)


def mask_value(value: str) -> str:
    if not value:
        return ""
    if "@" in value:
        return mask_email(value)
    if re.fullmatch(r"\+?[\d\s-]+", value):
        return mask_phone(value)
    return value[0] + "*" * (len(value) - 1)


def can_view_personal_data(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.is_operator


def clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if len(reason) < 2:
        raise DomainError("열람 사유를 입력해 주세요.", field="reason")
    return reason[:200]


def log_access(*, actor, instance, fields: list[str], reason: str) -> PersonalDataAccess:
    """One full view of one record's personal data by staff."""
    return PersonalDataAccess.objects.create(
        actor=actor,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        fields=list(fields),
        reason=reason[:200],
    )


@transaction.atomic
def reveal(*, actor, label: str, pk, reason: str) -> dict:
    """Return the full personal data of one record to staff and log the view."""
    if not can_view_personal_data(actor):
        raise DomainError("개인정보를 열람할 권한이 없습니다.", code="forbidden")
    fields = PERSONAL_FIELDS.get(label.lower())
    if not fields:
        raise DomainError("개인정보 항목이 등록되지 않은 대상입니다.", code="not_found")
    reason = clean_reason(reason)
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        raise DomainError("대상을 찾을 수 없습니다.", code="not_found") from None
    try:
        instance = model.objects.filter(pk=pk).first()
    except (ValueError, TypeError):  # a pk of the wrong type
        instance = None
    if instance is None:
        raise DomainError("대상을 찾을 수 없습니다.", code="not_found")
    log_access(actor=actor, instance=instance, fields=fields, reason=reason)
    return {name: getattr(instance, name) for name in fields}
