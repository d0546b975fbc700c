"""Redis for the cache, sessions and the API limits; and what still works while it is down."""

import pytest
import redis
from django.core.cache import cache

from meisterhub.accounts.tests.factories import UserFactory

from .conftest import CLOSED_REDIS_URL

pytestmark = pytest.mark.django_db


def _redis_cache(settings, url: str) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "meisterhub.core.cache.TolerantRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "mh",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


def test_sessions_and_api_limits_live_in_redis(settings, redis_url, client, taxonomy):
    # given: the cache on Redis, and a low anonymous API rate
    _redis_cache(settings, redis_url)
    settings.API_RATE_ANONYMOUS = "2/min"
    server = redis.Redis.from_url(redis_url)
    # when: a member signs in and opens a page
    client.force_login(UserFactory(username="redis-member"))
    assert client.get("/accounts/me/").status_code == 200
    # then: the session is held in Redis (and in the database, cached_db)
    session_keys = server.keys("mh:*cached_db*")
    assert len(session_keys) == 1
    # when: an anonymous client goes over its API rate
    client.logout()
    codes = [
        client.get("/api/meisters/fields", REMOTE_ADDR="203.0.113.20").status_code for _ in range(3)
    ]
    # then: the third call is refused, counted by a key in Redis that every app server shares
    assert codes == [200, 200, 429]
    assert server.keys("mh:*throttle*anonymous*")


def test_pages_answer_while_redis_is_down(settings, client, caplog, taxonomy):
    # given: the cache and sessions configured on a Redis that is down
    _redis_cache(settings, CLOSED_REDIS_URL)
    settings.API_RATE_ANONYMOUS = "2/min"
    # when / then: public pages, a signed-in page and the API still answer
    assert client.get("/").status_code == 200
    assert client.get("/meisters/").status_code == 200
    member = UserFactory(username="offline-member")
    client.force_login(member)  # the session goes to the database; the cache copy is lost
    page = client.get("/accounts/me/")
    assert page.status_code == 200 and page.context["user"] == member
    assert client.get("/api/meisters/fields").status_code == 200
    # and: each failure is a logged miss, not an error page
    assert "failed, treated as a miss" in caplog.text
    assert cache.get("anything", "fallback") == "fallback"
    assert cache.add("k", 1) is False


def test_a_failed_redis_is_not_called_again_at_once(settings, monkeypatch):
    # given: a cache on a Redis that is down, which has just failed once
    _redis_cache(settings, CLOSED_REDIS_URL)
    assert cache.get("first") is None
    calls = []
    real = type(cache._cache).get

    def counted(self, *args):
        calls.append(args)
        return real(self, *args)

    monkeypatch.setattr(type(cache._cache), "get", counted)
    # when: the next reads come within the retry pause
    for _ in range(20):
        assert cache.get("again") is None
    # then: Redis was not tried for them
    assert calls == []
