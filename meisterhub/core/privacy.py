"""Personal data (개인정보): masking for lists, logged full views for staff, retention."""

import re

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from .errors import DomainError
from .models import PersonalDataAccess

# model label -> fields holding personal data. Apps add theirs with register_personal_fields().
PERSONAL_FIELDS: dict[str, list[str]] = {
    "accounts.user": ["email", "phone"],
    "companies.company": ["phone"],
}


def register_personal_fields(label: str, fields: list[str]) -> None:
    PERSONAL_FIELDS[label.lower()] = list(fields)


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
        from meisterhub.companies.validators import format_phone

        return format_phone(self.phone)

    @property
    def phone_masked(self) -> str:
        from meisterhub.companies.validators import mask_phone

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
        from meisterhub.companies.validators import mask_phone

        return mask_phone(value)
    return value[0] + "*" * (len(value) - 1)


def can_view_personal_data(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.is_operator


@transaction.atomic
def reveal(*, actor, label: str, pk, reason: str) -> dict:
    """Return the full personal data of one record to staff and log the view."""
    if not can_view_personal_data(actor):
        raise DomainError("개인정보를 열람할 권한이 없습니다.", code="forbidden")
    fields = PERSONAL_FIELDS.get(label.lower())
    if not fields:
        raise DomainError("개인정보 항목이 등록되지 않은 대상입니다.", code="not_found")
    reason = (reason or "").strip()
    if len(reason) < 2:
        raise DomainError("열람 사유를 입력해 주세요.", field="reason")
    model = apps.get_model(label)
    instance = model.objects.filter(pk=pk).first()
    if instance is None:
        raise DomainError("대상을 찾을 수 없습니다.", code="not_found")
    PersonalDataAccess.objects.create(
        actor=actor,
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        fields=fields,
        reason=reason[:200],
    )
    return {name: getattr(instance, name) for name in fields}
