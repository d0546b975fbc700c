"""Locks for jobs that must run on one machine at a time (the clock's sweeps and daily jobs).

With REDIS_URL set the lock is a Redis key with a timeout (redis-py's Lock: set-if-absent with
an expiry and a token, released only by its holder), so it holds across machines and frees
itself when its holder dies. Without Redis it is a lock inside this process: one machine runs
one clock, as before. The rows themselves are still claimed by conditional updates (outbox,
report jobs); the lock only keeps two clocks from doing the same sweep at once.
"""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from django.conf import settings

logger = logging.getLogger(__name__)

_local_locks: dict[str, threading.Lock] = {}
_local_guard = threading.Lock()


@cache
def _redis(url: str):
    import redis

    return redis.Redis.from_url(url, socket_connect_timeout=1.0, socket_timeout=2.0)


def _redis_url() -> str:
    return getattr(settings, "REDIS_URL", "") or ""


class Held:
    """What `exclusive` yields: true while held; `extend()` pushes a Redis lock's expiry."""

    def __init__(self, held: bool, lock=None, timeout: float = 0):
        self.held, self._lock, self._timeout = held, lock, timeout

    def __bool__(self) -> bool:
        return self.held

    def extend(self) -> None:
        if self.held and self._lock is not None:
            from redis.exceptions import LockError, RedisError

            try:
                self._lock.extend(self._timeout, replace_ttl=True)
            except (LockError, RedisError):
                logger.warning("lock %s could not be extended", self._lock.name)


@contextmanager
def exclusive(name: str, *, timeout: float, keep: bool = False) -> Iterator[Held]:
    """Hold `name` (truthy) or learn that another holder has it (falsy).

    `timeout` bounds how long a dead holder blocks the others. `keep=True` leaves the lock in
    place after a clean exit until it expires (a daily job: done once per lock name); an error
    inside releases it so another clock may try again.
    """
    url = _redis_url()
    if not url:
        with _local(name) as held:
            yield Held(held)
        return
    from redis.exceptions import LockError, RedisError

    lock = _redis(url).lock(f"mh:lock:{name}", timeout=timeout, blocking=False)
    try:
        held = lock.acquire()
    except RedisError:
        # Not knowing whether another machine runs it: skip this turn rather than run twice.
        logger.error("lock %s: Redis unreachable, skipping this run", name, exc_info=True)
        held = False
    if not held:
        yield Held(False)
        return
    failed = False
    try:
        yield Held(True, lock, timeout)
    except BaseException:
        failed = True
        raise
    finally:
        if failed or not keep:
            try:
                lock.release()
            except (LockError, RedisError):
                logger.warning("lock %s expired or Redis unreachable at release", name)


def is_held(name: str) -> bool | None:
    """Whether some process holds `name` across machines; None without Redis (unknown)."""
    url = _redis_url()
    if not url:
        return None
    from redis.exceptions import RedisError

    try:
        return bool(_redis(url).exists(f"mh:lock:{name}"))
    except RedisError:
        logger.error("lock %s: Redis unreachable, holder unknown", name)
        return None


@contextmanager
def _local(name: str) -> Iterator[bool]:
    with _local_guard:
        lock = _local_locks.setdefault(name, threading.Lock())
    held = lock.acquire(blocking=False)
    try:
        yield held
    finally:
        if held:
            lock.release()
