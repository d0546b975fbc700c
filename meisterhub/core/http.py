import ipaddress

from django.conf import settings


def is_htmx(request) -> bool:
    """True when htmx asked for a fragment rather than the whole page."""
    return request.headers.get("HX-Request") == "true"


def client_address(request) -> str:
    """The client's address, also behind the local HTTPS proxy (docs/operations.md).

    gunicorn listens on loopback, so there REMOTE_ADDR is the proxy. Only then is the
    right-most X-Forwarded-For entry used, the one the proxy itself appended; entries further
    left come from the client and could be forged to dodge the limit.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    try:
        behind_proxy = ipaddress.ip_address(remote).is_loopback
    except ValueError:
        behind_proxy = False
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
    if behind_proxy and forwarded:
        return forwarded
    return remote


def site_url() -> str:
    """The site's own address for absolute links in mail and text messages (never the Host)."""
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")
