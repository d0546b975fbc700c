"""The main part of a public page, rendered once per version of its data.

`cached_fragment(request, "meisters.list", stamps=[...], build=...)` returns the HTML of the
page's content partial: from the cache when the stamps (core/stamps.py) of everything it shows
are unchanged, else from `build()` (which runs the queries) and stored. The key holds the
path with its query, the language and the visitor's role, so menus and buttons by role stay
right; the base layout (menu, CSRF token, messages) is rendered per request around it.
A fragment holding a CSRF token is never stored: it belongs to one visitor.
"""

import hashlib
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from . import stamps
from .navigation import role_of

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
