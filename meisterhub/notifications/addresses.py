"""Whether an address can take a message, with the reason in Korean when it cannot."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email


def email_problem(address: str) -> str:
    if not address:
        return "이메일 주소가 없습니다."
    try:
        validate_email(address)
    except ValidationError:
        return "이메일 주소 형식이 올바르지 않습니다."
    return ""


def mobile_problem(number: str) -> str:
    """Text messages go only to Korean mobile numbers (010, 011, 016–019)."""
    if not number:
        return "휴대전화 번호가 없습니다."
    try:
        parsed = phonenumbers.parse(number, "KR")
    except phonenumbers.NumberParseException:
        return "전화번호 형식이 올바르지 않습니다."
    if parsed.country_code != 82 or phonenumbers.number_type(parsed) not in (
        phonenumbers.PhoneNumberType.MOBILE,
    ):
        return "한국 휴대전화 번호가 아닙니다."
    return ""
