"""Rate limits of the JSON API: per client address when signed out, per user when signed in.

django-ninja's throttles answer 429 with Retry-After. These read their rate from the settings
on each request (so operators and tests can change it without a restart of the schema) and
take the client address by the same rule as the password reset limit (behind the proxy, the
entry the proxy appended).
"""

from django.conf import settings
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from .http import client_address


class _SettingsRate:
    """An empty rate switches the limit off (load tests, the test suite): the history of every
    client would otherwise be kept and rewritten in the cache on each request."""

    setting = ""

    def __init__(self):
        super().__init__(getattr(settings, self.setting) or "1/s")

    def allow_request(self, request) -> bool:
        rate = getattr(settings, self.setting)
        if not rate:
            return True
        if rate != self.rate:
            self.rate = rate
            self.num_requests, self.duration = self.parse_rate(rate)
        return super().allow_request(request)

    def get_ident(self, request) -> str:
        return client_address(request)


def _signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


class AnonymousRate(_SettingsRate, AnonRateThrottle):
    setting = "API_RATE_ANONYMOUS"

    def get_cache_key(self, request) -> str | None:
        if _signed_in(request):
            return None
        return self.cache_format % {"scope": "anonymous", "ident": self.get_ident(request)}


class SignedInRate(_SettingsRate, AuthRateThrottle):
    """Keyed by the signed-in user (session auth), so one person's many tabs share a budget."""

    setting = "API_RATE_SIGNED_IN"

    def get_cache_key(self, request) -> str | None:
        if not _signed_in(request):
            return None
        return self.cache_format % {"scope": "signed_in", "ident": request.user.pk}
