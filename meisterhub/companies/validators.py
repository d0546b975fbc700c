"""Korean business identifiers: parse, check, normalise (phone numbers: core.phones)."""

import re

from django.core.exceptions import ValidationError

BRN_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def digits_only(value: str) -> str:
    return re.sub(r"[\s\-.]", "", value or "")


def brn_check_digit(first_nine: str) -> int:
    digits = [int(c) for c in first_nine]
    total = sum(d * w for d, w in zip(digits, BRN_WEIGHTS, strict=True))
    total += (digits[8] * 5) // 10
    return (10 - total % 10) % 10


def normalize_brn(value: str) -> str:
    """Return the 10 digits of a valid 사업자등록번호 or raise a Korean ValidationError."""
    raw = digits_only(value)
    if not raw:
        raise ValidationError("사업자등록번호를 입력해 주세요.", code="required")
    if not raw.isdigit() or len(raw) != 10:
        raise ValidationError(
            "사업자등록번호는 숫자 10자리입니다 (예: 123-45-67890).", code="format"
        )
    if brn_check_digit(raw[:9]) != int(raw[9]):
        raise ValidationError(
            "사업자등록번호가 올바르지 않습니다. 검증번호(마지막 자리)가 맞지 않습니다.",
            code="checksum",
        )
    return raw


def format_brn(value: str) -> str:
    return f"{value[:3]}-{value[3:5]}-{value[5:]}" if value and len(value) == 10 else value


def corporate_number_checksum_ok(value: str) -> bool:
    digits = [int(c) for c in value]
    total = sum(d * (1 if i % 2 == 0 else 2) for i, d in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == digits[12]


def normalize_corporate_number(value: str) -> tuple[str, str | None]:
    """Return (13 digits, warning). A failed check digit only warns: numbers issued from
    2025-01-31 no longer carry one."""
    raw = digits_only(value)
    if not raw:
        return "", None
    if not raw.isdigit() or len(raw) != 13:
        raise ValidationError(
            "법인등록번호는 숫자 13자리입니다 (예: 110111-1234567).", code="format"
        )
    if not corporate_number_checksum_ok(raw):
        return raw, (
            "법인등록번호의 검증번호가 맞지 않습니다. 2025년 1월 31일 이후 발급된 번호라면 "
            "정상이니 그대로 저장합니다. 번호를 다시 한 번 확인해 주세요."
        )
    return raw, None


def format_corporate_number(value: str) -> str:
    return f"{value[:6]}-{value[6:]}" if value and len(value) == 13 else value
