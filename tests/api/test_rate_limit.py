"""The JSON API answers 429 with Retry-After once a client goes over its rate."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def low_limits(settings):
    settings.API_RATE_ANONYMOUS = "3/min"
    settings.API_RATE_SIGNED_IN = "5/min"
    cache.clear()
    yield
    cache.clear()


def statuses(client, n, **extra):
    return [client.get("/api/meisters/fields", **extra) for _ in range(n)]


@pytest.mark.django_db
def test_anonymous_clients_are_limited_per_address_with_retry_after(client, taxonomy):
    answers = statuses(client, 4, REMOTE_ADDR="203.0.113.7")
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "요청이 너무 많습니다" in refused.json()["detail"]
    # Another address has its own budget.
    assert statuses(client, 1, REMOTE_ADDR="203.0.113.8")[0].status_code == 200


@pytest.mark.django_db
def test_a_forged_forwarded_for_does_not_reset_the_budget(client, taxonomy):
    for n in range(3):
        assert client.get("/api/meisters/fields", REMOTE_ADDR="203.0.113.9",
                          HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code == 200
    assert client.get("/api/meisters/fields", REMOTE_ADDR="203.0.113.9",
                      HTTP_X_FORWARDED_FOR="10.0.0.99").status_code == 429


@pytest.mark.django_db
def test_signed_in_users_have_their_own_budget(client, taxonomy, member_a):
    client.force_login(member_a)
    answers = statuses(client, 6, REMOTE_ADDR="203.0.113.7")
    assert [a.status_code for a in answers] == [200] * 5 + [429]
    assert answers[-1].has_header("Retry-After")
