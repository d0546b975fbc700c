"""The main part of a public page, rendered once per version of its data.

`cached_fragment(request, "meisters.list", stamps=[...], build=...)` returns the HTML of the
page's content partial: from the cache when the stamps (core/stamps.py) of everything it shows
are unchanged, else from `build()` (which runs the queries) and stored. The key holds the
path with its query, the language and the visitor's role, so menus and buttons by role stay
right; the base layout (menu, CSRF token, messages) is rendered per request around it.
A fragment holding a CSRF token is never stored: it belongs to one visitor.

`public_page(...)` goes one step further for anonymous visitors, who all see the same page:
the whole response is stored, with its CSRF tokens swapped for a placeholder that each
visitor's own token replaces when it is served.
"""

import functools
import hashlib
import re
from collections.abc import Callable, Iterable

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from . import stamps
from .http import is_htmx
from .navigation import ANONYMOUS, role_of

TIMEOUT = 600  # seconds; stamps make entries unreachable at once, this only frees memory


def fragment_key(request, name: str, token: str, *, per_minute: bool = False) -> str:
    parts = [
        name,
        token,
        translation.get_language() or "",
        role_of(getattr(request, "user", None)),
        request.get_full_path(),
    ]
    if per_minute:  # for what turns by the clock alone (a call's deadline, an event's start)
        parts.append(timezone.now().strftime("%Y%m%d%H%M"))
    return "fragment:" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:40]


def cached_fragment(
    request,
    name: str,
    *,
    template: str,
    stamp_names: Iterable[str],
    build: Callable[[], dict],
    per_minute: bool = False,
) -> SafeString:
    token = stamps.current(*stamp_names)
    key = fragment_key(request, name, token, per_minute=per_minute) if token else None
    html = cache.get(key) if key else None
    if html is None:
        html = render_to_string(template, build(), request=request)
        if key and "csrfmiddlewaretoken" not in html:
            cache.set(key, html, TIMEOUT)
    return mark_safe(html)  # noqa: S308 - our own rendered template output


CSRF_PLACEHOLDER = "\x00csrf\x00"
# Where base.html and forms put the token: the hidden input and htmx's request header.
CSRF_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[A-Za-z0-9]{32,64}')


def _shared_by_all_anonymous(request) -> bool:
    return (
        request.method == "GET"
        and role_of(getattr(request, "user", None)) == ANONYMOUS
        and not len(messages.get_messages(request))  # len() reads without marking them seen
    )


def public_page(name: str, *, stamp_names: Iterable[str], per_minute: bool = False):
    """Cache a public view's whole answer for anonymous visitors under the stamps of what it
    shows; signed-in visitors (menus by role, their own buttons) get the view as before."""
    stamp_names = tuple(stamp_names)

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not (stamps.enabled() and _shared_by_all_anonymous(request)):
                return view(request, *args, **kwargs)
            token = stamps.current(*stamp_names)
            key = None
            if token:
                part = "htmx" if is_htmx(request) else "page"
                key = fragment_key(request, f"{part}:{name}", token, per_minute=per_minute)
                found = cache.get(key)
                if found is not None:
                    content_type, body = found
                    body = body.replace(CSRF_PLACEHOLDER, get_token(request))
                    return HttpResponse(body, content_type=content_type)
            response = view(request, *args, **kwargs)
            if key and _storable(response):
                body = CSRF_TOKEN.sub(lambda m: m.group(1) + CSRF_PLACEHOLDER,
                                      response.content.decode())
                cache.set(key, (response["Content-Type"], body), TIMEOUT)
            return response

        return wrapped

    return decorator


def _storable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
    )
