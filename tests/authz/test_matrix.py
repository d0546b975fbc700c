"""Every URL and API operation against every role: allowed or refused, for reading and for
changing, as the matrix says. Deny by default: a route without a matrix entry fails."""

import pytest
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from .matrix import ROLES, Entry, all_entries, private_texts
from .probe import client_for, send, url_of

ENTRIES = all_entries()

# Every entry with `write` must prove its effect (test_access): at least one allowed role's
# request with the entry's body writes rows, so an entry refused for everyone fails. This is the
# only way out, one written reason per route, for a route that truly cannot change anything.
NOT_EFFECTIVE = {
    "accounts:logout": (
        "signing out only ends the session; the session table is not counted, and nothing "
        "else is stored"
    ),
    "accounts:password_reset_confirm": (
        "Django's two-step link: a POST to the link with its token only redirects; the "
        "password is set at the 'set-password' step with the token kept in the session by "
        "the GET, which the rolled-back request here cannot keep (see accounts tests)"
    ),
    "POST /api/programs/manage/rules/preview": (
        "a preview: it answers which companies the rules would admit and saves nothing"
    ),
}
# Settings an entry is judged with: the test settings switch two-factor off, which would
# leave its page nothing to do.
ENTRY_SETTINGS = {
    "accounts:two_factor": {"TWO_FACTOR_REQUIRED": True},
}
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


def check_effective(entry: Entry, tried: dict) -> list[str]:
    """The allowed roles' outcomes of a write entry: one of them must have changed something."""
    if entry.write is None or entry.key in NOT_EFFECTIVE:
        return []
    if any(outcome.took_effect for outcome in tried.values()):
        return []
    if not tried:
        return [f"not effective: no role may change anything (write={sorted(entry.write)})"]
    answers = "; ".join(f"{role}: {o.describe()}" for role, o in sorted(tried.items()))
    return [f"not effective: no allowed role changed anything with the body ({answers})"]


def test_every_write_entry_proves_its_effect_or_says_why():
    """The static half of the rule: a reason only for a write route, each one written out."""
    problems = [
        f"{key}: a reason for a route that is not in the matrix or has no `write`"
        for key in NOT_EFFECTIVE
        if key not in ENTRIES or ENTRIES[key].write is None
    ]
    problems += [
        f"{key}: the reason is empty" for key, why in NOT_EFFECTIVE.items() if not why.strip()
    ]
    problems += [
        f"{key}: write={sorted(entry.write)} but the route is refused for everyone"
        for key, entry in ENTRIES.items()
        if entry.write is not None and not entry.write and key not in NOT_EFFECTIVE
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_access(db, world, key):
    with override_settings(**ENTRY_SETTINGS.get(key, {})):
        _check_access(world, key)


def _check_access(world, key):
    entry = ENTRIES[key]
    url = url_of(entry, world)
    problems, reads, tried = [], {}, {}
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
        if entry.write and role in entry.write:
            tried[role] = outcome
    problems += check_hidden(entry, world, reads)
    problems += check_effective(entry, tried)
    assert not problems, f"{key} ({url}):\n  " + "\n  ".join(problems)
