"""Cache stamps: a token per kind of data that changes on every write to it.

Cached page fragments are keyed by the stamps of what they show, so a write makes every
fragment built from the old data unreachable at once (nothing is deleted or scanned): a booking
or a rotation change shows on the next request. Stamps live in `django.core.cache` — LocMem in
one process, Redis (REDIS_URL) when several processes serve — and a stamp missing from the
cache (evicted, Redis down) means "do not cache this now", never "use what is there".

A write bumps its stamps twice: at once (inside its transaction, so the same request sees the
change) and again after commit, so a reader who built a fragment from the data just before the
commit stored it under a token that is no longer current.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

PREFIX = "stamp:"


def enabled() -> bool:
    # gunicorn.conf.py turns page caching off for several workers on a process-local cache.
    return getattr(settings, "PAGE_CACHE", True)


def _new_token() -> str:
    return uuid.uuid4().hex[:16]


def current(*names: str) -> str | None:
    """One key part for all `names` ("a1b2.c3d4"), or None when fragments must not be cached."""
    found = current_each(*names)
    if len(found) < len(names):
        return None
    return ".".join(found[name] for name in names)


def current_each(*names: str) -> dict[str, str]:
    """{name: token} for each stamp the cache holds; a name left out must not be cached."""
    if not enabled() or not names:
        return {}
    keys = {PREFIX + name: name for name in names}
    found = cache.get_many(list(keys))
    if len(found) < len(keys):
        for key in keys.keys() - found.keys():
            cache.add(key, _new_token(), timeout=None)  # add: a racing first reader wins once
        found = cache.get_many(list(keys))  # what the cache does not keep (down) stays out
    return {keys[key]: token for key, token in found.items()}


def bump(*names: str) -> None:
    if not names:
        return
    _set(names)
    transaction.on_commit(lambda: _set(names))


def _set(names) -> None:
    cache.set_many({PREFIX + name: _new_token() for name in names}, timeout=None)


def meister_key(meister_id: int) -> str:
    """The stamp of one meister's week (rotation blocks) on the public schedule."""
    return f"meister-week:{meister_id}"
