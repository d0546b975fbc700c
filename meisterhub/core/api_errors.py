"""How the JSON API answers when it says no: always {"detail": "<Korean sentence>"}.

- DomainError (a business rule): 400, or by its code "not_found" → 404, "forbidden" → 403
  (a refusal by role or state; docs/adr/0005-one-refusal-status.md), "conflict"/"full" → 409.
  Routers raise DomainError and leave the status to this one mapping.
- Input that does not fit the schema: 422, a Korean sentence naming the fields, and the
  machine-readable `errors` list (location, type) beside it.
- Too many requests: 429 with Retry-After (set by django-ninja) and the wait in the sentence.
"""

import math

from ninja.errors import Throttled, ValidationError

from .errors import DomainError

DOMAIN_STATUS = {"not_found": 404, "forbidden": 403, "conflict": 409, "full": 409}

# pydantic error types → what a person is told.
REASONS = {
    "missing": "필수 항목입니다",
    "int_parsing": "정수여야 합니다",
    "int_from_float": "정수여야 합니다",
    "float_parsing": "숫자여야 합니다",
    "decimal_parsing": "숫자여야 합니다",
    "finite_number": "유한한 숫자여야 합니다",
    "bool_parsing": "참/거짓 값이어야 합니다",
    "string_type": "문자열이어야 합니다",
    "string_too_long": "너무 깁니다",
    "string_too_short": "너무 짧습니다",
    "date_parsing": "날짜 형식(YYYY-MM-DD)이 아닙니다",
    "date_from_datetime_parsing": "날짜 형식(YYYY-MM-DD)이 아닙니다",
    "datetime_parsing": "날짜·시간 형식(ISO 8601)이 아닙니다",
    "datetime_from_date_parsing": "날짜·시간 형식(ISO 8601)이 아닙니다",
    "time_parsing": "시간 형식(HH:MM)이 아닙니다",
    "greater_than": "허용 범위보다 작습니다",
    "greater_than_equal": "허용 범위보다 작습니다",
    "less_than": "허용 범위보다 큽니다",
    "less_than_equal": "허용 범위보다 큽니다",
    "literal_error": "허용되지 않는 값입니다",
    "enum": "허용되지 않는 값입니다",
    "json_invalid": "JSON 형식이 아닙니다",
    "model_attributes_type": "객체(JSON object)여야 합니다",
    "dict_type": "객체(JSON object)여야 합니다",
    "list_type": "목록(JSON array)이어야 합니다",
}
FALLBACK = "형식이 올바르지 않습니다"


def _where(loc) -> str:
    parts = [str(p) for p in loc if p not in ("body", "payload", "query", "path", "form")]
    return ".".join(parts) or "요청 본문"


def validation_sentence(errors: list[dict]) -> str:
    items = [f"{_where(e.get('loc', ()))}({REASONS.get(e.get('type'), FALLBACK)})"
             for e in errors[:5]]
    more = f" 외 {len(errors) - 5}건" if len(errors) > 5 else ""
    return f"입력값을 확인해 주세요: {', '.join(items)}{more}."


def install(api) -> None:
    @api.exception_handler(DomainError)
    def domain_error(request, exc: DomainError):
        status = DOMAIN_STATUS.get(exc.code, 400)
        body = {"detail": exc.message}
        if exc.field:
            body["field"] = exc.field
        return api.create_response(request, body, status=status)

    @api.exception_handler(ValidationError)
    def invalid_input(request, exc: ValidationError):
        errors = [
            {"loc": list(e.get("loc", ())), "type": e.get("type", ""), "msg": e.get("msg", "")}
            for e in exc.errors
        ]
        return api.create_response(
            request, {"detail": validation_sentence(exc.errors), "errors": errors}, status=422
        )

    @api.exception_handler(Throttled)
    def throttled(request, exc: Throttled):
        wait = math.ceil(exc.wait or 1)
        return api.create_response(
            request, {"detail": f"요청이 너무 많습니다. {wait}초 뒤에 다시 시도해 주세요."},
            status=429,
        )
