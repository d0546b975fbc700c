"""Small checks every network service shares."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from meisterhub.core.errors import DomainError
from meisterhub.core.phones import normalize_phone


def clean_phone(value: str, *, field: str = "phone") -> str:
    try:
        return normalize_phone(value or "")
    except ValidationError as error:
        raise DomainError(error.messages[0], field=field) from None


def clean_email(value: str, *, field: str = "email") -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        validate_email(value)
    except ValidationError:
        raise DomainError("이메일 주소 형식이 올바르지 않습니다.", field=field) from None
    return value.lower()


def required_text(value: str, message: str, *, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field)
    return value


def won(amount: int) -> str:
    return f"{amount:,}원"
