"""Every URL and API operation against every role: allowed or refused, for reading and for
changing, as the matrix says. Deny by default: a route without a matrix entry fails."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from .matrix import ROLES, Entry, all_entries, private_texts
from .probe import client_for, send, url_of

ENTRIES = all_entries()
# Not ours to judge route by route: the admin has its own staff check (tested below), the
# language switch is Django's, and the API's own routes are listed from its OpenAPI schema.
SKIPPED_NAMESPACES = {"admin"}
SKIPPED_NAMES = {"set_language", "api:api-root"}
API_DOC_NAMES = {"api:openapi-json", "api:openapi-view"}


def url_names(resolver=None, namespace: str = "") -> list[str]:
    names = []
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            if inner in SKIPPED_NAMESPACES:
                continue
            joined = ":".join(p for p in (namespace, inner) if p)
            names += url_names(pattern, joined)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or f"<unnamed {pattern.pattern}>"
            names.append(f"{namespace}:{name}" if namespace else name)
    return names


def routes_in_project() -> set[str]:
    pages = {
        n
        for n in url_names()
        if n not in SKIPPED_NAMESPACES
        and n not in SKIPPED_NAMES
        and (not n.startswith("api:") or n in API_DOC_NAMES)
    }
    schema = Client().get("/api/openapi.json").json()
    operations = {
        f"{method.upper()} {path}"
        for path, methods in schema["paths"].items()
        for method in methods
    }
    return pages | operations


def test_matrix_is_complete_and_current(db):
    routes = routes_in_project()
    missing = sorted(routes - set(ENTRIES))
    stale = sorted(set(ENTRIES) - routes)
    assert not missing, "routes without an authorization matrix entry:\n" + "\n".join(missing)
    assert not stale, "matrix entries for routes that no longer exist:\n" + "\n".join(stale)


@pytest.mark.parametrize("role", ROLES)
def test_admin_is_for_staff_only(db, world, role):
    response = client_for(world.users[role]).get("/manage/")
    if role == "staff":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/manage/login/")


def check_read(entry: Entry, role: str, outcome) -> str | None:
    if entry.read is None:  # a POST-only route: a GET must not get through
        if outcome.status == 405 or outcome.refused:
            return None
        return f"GET of a POST-only route answered {outcome.describe()}"
    if role in entry.read and not outcome.got_in:
        return f"may read, but GET answered {outcome.describe()}"
    if role not in entry.read and not outcome.refused:
        return f"must not read, but GET answered {outcome.describe()}"
    return None


def check_write(entry: Entry, role: str, outcome) -> str | None:
    if outcome.status >= 500:
        return f"{entry.method} answered {outcome.describe()}"
    if entry.write is not None and role in entry.write:
        if outcome.refused or outcome.status == 405:
            return f"may change, but {entry.method} answered {outcome.describe()}"
        return None
    if outcome.changed:
        return f"must not change, but {entry.method} answered {outcome.describe()}"
    # Refused by status, or by the service (a Korean error message after a redirect), or a
    # form whose choices the role cannot fill, or a route that changes nothing anyway.
    if (
        outcome.refused
        or outcome.status == 405
        or outcome.errors
        or entry.soft
        or entry.write is None
    ):
        return None
    return (
        f"must not change; nothing changed, but {entry.method} answered "
        f"{outcome.describe()} without a refusal"
    )


def check_private(w, role: str, outcome) -> list[str]:
    return [
        f"{role}: the answer shows {label} ({text!r}), which only {sorted(audience)} may see"
        for label, text, audience in private_texts(w)
        if role not in audience and text in outcome.text
    ]


def check_hidden(entry: Entry, w, outcomes: dict) -> list[str]:
    if not entry.hides:
        return []
    text_of, seers = entry.hides
    text = text_of(w)
    problems = [
        f"{role}: sees {text!r}, which only {sorted(seers)} may see"
        for role, outcome in outcomes.items()
        if role not in seers and text in outcome.text
    ]
    readers = [r for r in seers if entry.read and r in entry.read]
    if readers and not any(text in outcomes[r].text for r in readers):
        problems.append(f"the hidden-text check is vacuous: {text!r} not shown to {readers}")
    return problems


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_access(db, world, key):
    entry = ENTRIES[key]
    url = url_of(entry, world)
    problems, reads, changed_by = [], {}, []
    for role in ROLES:
        client = client_for(world.users[role])
        if not (entry.is_api and entry.read is None):
            reads[role] = send(client, entry, url, method="GET", body=None)
            problem = check_read(entry, role, reads[role])
            if problem:
                problems.append(f"{role}: {problem}")
            problems += check_private(world, role, reads[role])
        if entry.is_api and entry.method == "GET":
            continue
        body = entry.body(world, role) if entry.body else None
        outcome = send(client, entry, url, method=entry.method, body=body)
        problem = check_write(entry, role, outcome)
        if problem:
            problems.append(f"{role}: {problem}")
        problems += check_private(world, role, outcome)
        if outcome.changed and entry.write and role in entry.write:
            changed_by.append(role)
    problems += check_hidden(entry, world, reads)
    if entry.effective and not changed_by:
        problems.append(f"no allowed role {sorted(entry.write)} changed anything with the body")
    assert not problems, f"{key} ({url}):\n  " + "\n  ".join(problems)
