import pytest
from django.core.exceptions import ValidationError

from meisterhub.companies.validators import format_brn, normalize_brn, normalize_corporate_number
from meisterhub.core.phones import mask_phone, normalize_phone


@pytest.mark.parametrize("raw", ["124-81-00998", "1248100998", " 124 81 00998 "])
def test_valid_brn_is_stored_as_ten_digits(raw):
    assert normalize_brn(raw) == "1248100998"
    assert format_brn("1248100998") == "124-81-00998"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("124-81-00999", "검증번호"),
        ("12481009", "숫자 10자리"),
        ("12a8100998", "숫자 10자리"),
        ("", "입력해 주세요"),
    ],
)
def test_invalid_brn_is_rejected_with_korean_reason(raw, message):
    with pytest.raises(ValidationError) as excinfo:
        normalize_brn(raw)
    assert message in excinfo.value.messages[0]


def test_corporate_number_with_valid_check_digit_has_no_warning():
    assert normalize_corporate_number("130111-0006246") == ("1301110006246", None)


def test_corporate_number_with_failed_check_digit_warns_but_is_kept():
    number, warning = normalize_corporate_number("130111-0006247")
    assert number == "1301110006247"
    assert "2025년 1월 31일" in warning


def test_corporate_number_of_wrong_length_is_rejected():
    with pytest.raises(ValidationError):
        normalize_corporate_number("13011100062")


@pytest.mark.parametrize(
    ("raw", "e164"),
    [("010-1234-5678", "+821012345678"), ("055-212-3456", "+82552123456"), ("", "")],
)
def test_phone_numbers_are_stored_in_e164(raw, e164):
    assert normalize_phone(raw) == e164


def test_invalid_phone_is_rejected():
    with pytest.raises(ValidationError):
        normalize_phone("010-12")


def test_phone_is_masked_for_lists():
    assert mask_phone("+821012345678") == "010-****-5678"
