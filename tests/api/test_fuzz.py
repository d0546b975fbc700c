"""Property-based API fuzzing: schemathesis generates requests from the OpenAPI schema; the API
must never answer with a server error or with a response that breaks its own schema.

`make test` runs a short pass (FUZZ_EXAMPLES per operation, default 10); `make bench` runs
bench/bench_fuzz.py with at least 1,000 generated cases in all."""

import os
from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


def load_schema():
    from django.core.wsgi import get_wsgi_application

    return schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@contextmanager
def connections_kept_open():
    """In-process WSGI calls would close the test's database connection after each request, as
    Django's own test client prevents; do the same here."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def logged_in(user) -> dict:
    """Cookies and the CSRF header of a browser session of this user, for the generated calls."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    client.get("/accounts/me/")  # sets the CSRF cookie
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    return {"cookies": cookies, "headers": {"X-CSRFToken": cookies["csrftoken"]}}


def fuzz_operation(operation, examples: int, *, derandomize: bool = True, auth=None) -> int:
    """Run generated cases against one operation; returns how many ran, raises on a failure."""
    ran = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=derandomize,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def check(case):
        nonlocal ran
        ran += 1
        case.call_and_validate(checks=CHECKS, **(auth or {}))

    check()
    return ran


@pytest.mark.parametrize("who", ["anonymous", "company member", "evaluator", "staff"])
def test_api_never_errors_and_keeps_its_schema(db, taxonomy, member_a, staff_user, who):
    from django.db import connection

    from meisterhub.programs.tests.factories import make_evaluator

    if who in {"evaluator", "staff"} and connection.vendor != "sqlite":
        pytest.skip("the roles' code paths do not depend on the database: run once")
    users = {"company member": member_a, "staff": staff_user}
    user = make_evaluator() if who == "evaluator" else users.get(who)
    failures, total = [], 0
    auth = logged_in(user) if user else None  # before: it reconnects
    with connections_kept_open():
        schema = load_schema()
        for result in schema.get_all_operations():
            operation = result.ok()
            try:
                total += fuzz_operation(operation, EXAMPLES, auth=auth)
            except Exception as exc:  # collect every failing operation, not only the first
                failures.append(f"{operation.method.upper()} {operation.path}: {exc}"[:2000])
    assert not failures, "\n\n".join(failures)
    assert total >= EXAMPLES
