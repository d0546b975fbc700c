"""Phone numbers: parse to E.164, show nationally, mask for lists."""

import phonenumbers
from django.core.exceptions import ValidationError


def normalize_phone(value: str) -> str:
    """Return a Korean or international phone number in E.164, or raise."""
    if not (value or "").strip():
        return ""
    try:
        number = phonenumbers.parse(value, "KR")
    except phonenumbers.NumberParseException:
        raise ValidationError("전화번호 형식이 올바르지 않습니다.", code="phone") from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError("존재하지 않는 전화번호입니다. 번호를 확인해 주세요.", code="phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(value: str) -> str:
    if not value:
        return ""
    number = phonenumbers.parse(value, "KR")
    if number.country_code == 82:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def mask_phone(value: str) -> str:
    """010-1234-5678 -> 010-****-5678: for lists."""
    shown = format_phone(value)
    parts = shown.split("-")
    if len(parts) == 3:
        return f"{parts[0]}-{'*' * len(parts[1])}-{parts[2]}"
    return shown[:-4].translate({ord(c): "*" for c in "0123456789"}) + shown[-4:] if shown else ""
