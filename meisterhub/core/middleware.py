import unicodedata

from django.conf import settings
from django.utils import translation


class KoreanFirstLocaleMiddleware:
    """Korean unless the person chose another language; the browser's Accept-Language is
    ignored because the agency's audience is Korean even on English-language browsers."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class SecurityHeadersMiddleware:
    """Content-Security-Policy and friends on every response: no inline scripts anywhere."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY
        self.permissions = "camera=(self), microphone=(), geolocation=()"

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault("Permissions-Policy", self.permissions)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class UnicodeNormalizationMiddleware:
    """Korean text arrives composed (NFC) or decomposed (NFD, e.g. from macOS); normalise every
    submitted value to NFC so the same words are stored and searched once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.GET:
            request.GET = _normalized(request.GET)
        if request.method in {"POST", "PUT", "PATCH"}:
            content_type = request.content_type or ""
            if content_type.startswith(
                ("application/x-www-form-urlencoded", "multipart/form-data")
            ):
                request.POST = _normalized(request.POST)
            elif content_type == "application/json" and request.body:
                try:
                    text = request.body.decode("utf-8")
                except UnicodeDecodeError:
                    text = None  # left for the API to refuse as invalid input
                if text is not None and not unicodedata.is_normalized("NFC", text):
                    request._body = unicodedata.normalize("NFC", text).encode("utf-8")
        return self.get_response(request)


def _normalized(query_dict):
    copy = query_dict.copy()
    for key in list(copy.keys()):
        copy.setlist(key, [unicodedata.normalize("NFC", v) for v in copy.getlist(key)])
    copy._mutable = False
    return copy


class DatabaseUnavailableMiddleware:
    """While the database is briefly unreachable (a restart, a fail-over), answer 503 with
    Retry-After instead of a bare 500, so clients and load balancers know to come back."""

    RETRY_AFTER_SECONDS = "5"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import InterfaceError, OperationalError
        from django.http import HttpResponse, JsonResponse

        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        message = "데이터베이스에 잠시 연결할 수 없습니다. 잠시 후 다시 시도해 주세요."
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=503)
        else:
            response = HttpResponse(
                f'<!doctype html><html lang="ko"><meta charset="utf-8"><title>잠시 후 다시 시도해 주세요</title>'
                f"<h1>잠시 후 다시 시도해 주세요</h1><p>{message}</p></html>",
                status=503,
            )
        response["Retry-After"] = self.RETRY_AFTER_SECONDS
        return response
