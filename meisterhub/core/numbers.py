"""Numbers from the outside (forms, API payloads, imported cells), parsed once.

Finite and within range, or a DomainError with a Korean message naming the field: never NaN,
infinity, a value the database column cannot hold, or a server error from a comparison.
Also the one growth formula the published figures use (`percent_change`).
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import DomainError

# The largest whole number any of our integer columns is asked to hold (BIGINT holds 9.2e18).
LARGEST = 10**15


def _particle(word: str, with_final: str, without_final: str) -> str:
    """은/는, 을/를: by whether the last syllable ends in a consonant."""
    last = word.rstrip("')\" ")[-1:] or "가"
    code = ord(last) - 0xAC00
    has_final = 0 <= code <= 11171 and code % 28 != 0
    return word + (with_final if has_final else without_final)


def _text(value) -> str:
    return str(value).strip().replace(",", "")


def decimal_number(value, *, label: str, field: str | None = None, minimum=None, maximum=None,
                   places: str | None = None, unit: str = "") -> Decimal:
    """A finite Decimal, rounded to `places` (e.g. "0.01"), within [minimum, maximum]."""
    if isinstance(value, bool) or value is None or _text(value) == "":
        raise DomainError(f"{_particle(label, '을', '를')} 숫자로 입력해 주세요.", field=field)
    try:
        number = Decimal(_text(value))
        if not number.is_finite():
            raise InvalidOperation
        if places:
            number = number.quantize(Decimal(places))
    except (InvalidOperation, ValueError):
        raise DomainError(f"{_particle(label, '은', '는')} 숫자로 입력해 주세요 (입력: {value}).",
                          field=field) from None
    if abs(number) > LARGEST:
        raise DomainError(f"{_particle(label, '이', '가')} 너무 큽니다 (입력: {value}).", field=field)
    low = Decimal(str(minimum)) if minimum is not None else None
    high = Decimal(str(maximum)) if maximum is not None else None
    if (low is not None and number < low) or (high is not None and number > high):
        if low is not None and high is not None:
            bounds = f"{minimum}{unit}부터 {maximum}{unit} 사이로"
        elif low is not None:
            bounds = f"{minimum}{unit} 이상으로"
        else:
            bounds = f"{maximum}{unit} 이하로"
        raise DomainError(f"{_particle(label, '은', '는')} {bounds} 입력해 주세요 (입력: {value}).",
                          field=field)
    return number


def whole_number(value, *, label: str, field: str | None = None, minimum: int | None = 0,
                 maximum: int | None = None) -> int:
    """A whole number within [minimum, maximum]; "1,200" and 3.0 are accepted, 3.5 is not."""
    number = decimal_number(value, label=label, field=field, minimum=minimum, maximum=maximum)
    if number != number.to_integral_value():
        raise DomainError(f"{_particle(label, '은', '는')} 정수로 입력해 주세요 (입력: {value}).",
                          field=field)
    return int(number)


def percent_change(current, previous) -> Decimal | None:
    """(current − previous) ÷ previous × 100, to two places (half up); None without a previous."""
    if not previous:
        return None
    growth = Decimal(current - previous) * 100 / Decimal(previous)
    return growth.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
