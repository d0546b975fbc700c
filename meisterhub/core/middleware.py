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
    submitted value to NFC so the same words are stored and searched once. Text with a NUL
    character is refused: no record holds one, and PostgreSQL cannot store it."""

    NUL_MESSAGE = "입력값에 허용되지 않는 제어 문자(NUL)가 들어 있습니다. 내용을 확인해 주세요."

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.GET:
            request.GET = _normalized(request.GET)
            if _has_nul(request.GET):
                return self._refuse(request)
        if request.method in {"POST", "PUT", "PATCH"}:
            content_type = request.content_type or ""
            if content_type.startswith(
                ("application/x-www-form-urlencoded", "multipart/form-data")
            ):
                request.POST = _normalized(request.POST)
                if _has_nul(request.POST):
                    return self._refuse(request)
            elif content_type == "application/json" and request.body:
                try:
                    text = request.body.decode("utf-8")
                except UnicodeDecodeError:
                    text = None  # left for the API to refuse as invalid input
                if text is not None and ("\x00" in text or "\\u0000" in text):
                    return self._refuse(request)
                if text is not None and not unicodedata.is_normalized("NFC", text):
                    request._body = unicodedata.normalize("NFC", text).encode("utf-8")
        return self.get_response(request)

    def _refuse(self, request):
        from django.http import HttpResponseBadRequest, JsonResponse

        if request.path.startswith("/api/"):
            return JsonResponse({"detail": self.NUL_MESSAGE}, status=400)
        return HttpResponseBadRequest(self.NUL_MESSAGE, content_type="text/plain; charset=utf-8")


def _has_nul(query_dict) -> bool:
    return any("\x00" in value for values in query_dict.lists() for value in values[1])


def _normalized(query_dict):
    copy = query_dict.copy()
    for key in list(copy.keys()):
        copy.setlist(key, [unicodedata.normalize("NFC", v) for v in copy.getlist(key)])
    copy._mutable = False
    return copy
