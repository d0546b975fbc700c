"""Running one matrix entry as one role: the request, what changed in the database, and the
verdict (allowed or refused) compared with the matrix."""

import json
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.messages import get_messages
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from .matrix import Entry

DENIED = {401, 403, 404}
LOGIN_PREFIXES = ("/accounts/login/", "/manage/login/")


def url_of(entry: Entry, w) -> str:
    args = entry.args(w) if entry.args else ()
    if entry.is_api:
        return entry.key.split(" ", 1)[1].format(**(args or {}))
    return reverse(entry.key, args=args)


def client_for(user) -> Client:
    client = Client(raise_request_exception=False)  # a server error is a finding, not a crash
    if user is not None:
        client.force_login(user)
    return client


def error_messages(response) -> list[str]:
    request = getattr(response, "wsgi_request", None)
    if request is None or not hasattr(request, "_messages"):
        return []
    return [str(m) for m in get_messages(request) if m.level >= messages.WARNING]


WRITE_LOG = "authz_writes"


def install_write_log() -> None:
    """SQLite names no table for an update, and its total_changes() counts the session's own
    writes too. Temporary triggers count the rows written per table instead, as PostgreSQL's
    statistics do. Called in the world's transaction, so its rollback removes them."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        tables = [t for t in connection.introspection.table_names(cursor) if t != "django_session"]
        cursor.execute(f"CREATE TEMP TABLE {WRITE_LOG} (tbl TEXT PRIMARY KEY, n INTEGER)")
        rows = [(t,) for t in tables]
        cursor.executemany(f"INSERT INTO {WRITE_LOG} VALUES (%s, 0)", rows)  # noqa: S608
        # Table names come from the schema itself (DDL takes no parameters).
        for number, table in enumerate(tables):
            literal = table.replace("'", "''")
            for event in ("INSERT", "UPDATE", "DELETE"):
                cursor.execute(
                    f"CREATE TEMP TRIGGER authz_w{number}_{event.lower()} AFTER {event} ON "  # noqa: S608
                    f"main.{connection.ops.quote_name(table)} BEGIN UPDATE {WRITE_LOG} "
                    f"SET n = n + 1 WHERE tbl = '{literal}'; END"
                )


def change_counter() -> dict[str, int]:
    """Rows written so far in this transaction per table (PostgreSQL, or SQLite with the
    write log); else, on SQLite, rows written on this connection ("rows written", the
    session's included) plus the row count of every table, to name them."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables"
                " WHERE relname <> 'django_session'"
            )
            return dict(cursor.fetchall())
        cursor.execute("SELECT 1 FROM sqlite_temp_master WHERE name = %s", [WRITE_LOG])
        if cursor.fetchone():
            cursor.execute(f"SELECT tbl, n FROM {WRITE_LOG}")  # noqa: S608
            return dict(cursor.fetchall())
        tables = [t for t in connection.introspection.table_names(cursor) if t != "django_session"]
        # Table names come from the schema itself, quoted.
        quoted = (connection.ops.quote_name(t) for t in tables)
        counts = ", ".join(f"(SELECT COUNT(*) FROM {name})" for name in quoted)  # noqa: S608
        cursor.execute(f"SELECT total_changes(), {counts}")
        row = cursor.fetchone()
        return {"rows written": row[0], **dict(zip(tables, row[1:], strict=True))}


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(t for t, n in after.items() if n != before.get(t, 0))


# Logs of refused attempts (a wrong password or code): a row there is no effect of the route.
REFUSAL_LOGS = frozenset(
    {
        "axes_accessattempt",
        "axes_accessattemptexpiration",
        "axes_accessfailurelog",
        "axes_accesslog",
        "accounts_twofactorfailure",
    }
)


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@dataclass
class Outcome:
    status: int
    location: str
    changed: list[str]
    errors: list[str]
    text: str
    seen: object = None
    written: dict = field(default_factory=dict)  # table (or "rows written") -> change

    @property
    def took_effect(self) -> bool:
        """Rows written beyond the logs of refused attempts. On SQLite, where updates show
        only in "rows written", that total must exceed the rows the logs gained."""
        tables = set(self.written) - REFUSAL_LOGS - {"rows written"}
        if tables:
            return True
        logged = sum(abs(self.written.get(t, 0)) for t in REFUSAL_LOGS)
        return self.written.get("rows written", 0) > logged

    @property
    def to_login(self) -> bool:
        return self.status in (301, 302, 303) and self.location.startswith(LOGIN_PREFIXES)

    @property
    def refused(self) -> bool:
        return self.status in DENIED or self.to_login

    @property
    def got_in(self) -> bool:
        """Past the access check: a page, or a redirect somewhere other than the login."""
        return self.status == 200 or (300 <= self.status < 400 and not self.to_login)

    def describe(self) -> str:
        where = f" -> {self.location}" if self.location else ""
        parts = [f"{self.status}{where}"]
        if self.changed:
            parts.append(f"changed {', '.join(self.changed)}")
        if self.errors:
            parts.append(f"message {self.errors[0][:60]!r}")
        return "; ".join(parts)


def _text(response) -> str:
    if getattr(response, "streaming", False):
        # Reading it to the end closes it the test client's way; response.close() would fire
        # request_finished and close the test's database connection.
        raw = b"".join(response.streaming_content)
    else:
        raw = response.content
    content = raw.decode("utf-8", "replace")
    if response.get("Content-Type", "").startswith("application/json"):
        try:  # compact, so that a hidden text like '"id":5,' can be looked for
            return json.dumps(json.loads(content), ensure_ascii=False, separators=(",", ":"))
        except ValueError:
            return content
    return content


def send(client: Client, entry: Entry, url: str, *, method: str, body, inspect=None) -> Outcome:
    """One request inside a savepoint that is rolled back: every role starts from one world."""
    with rolled_back():
        before = change_counter()
        if method == "GET":
            response = client.get(url)
        elif entry.is_api:
            response = client.generic(
                method, url, json.dumps(body or {}), content_type="application/json"
            )
        else:
            response = client.post(url, body or {})
        after = change_counter()
        seen = inspect() if inspect else None  # a look at the database before the rollback
    changed = changed_tables(before, after)
    return Outcome(
        response.status_code,
        response.get("Location", ""),
        changed,
        error_messages(response),
        _text(response),
        seen,
        {t: after.get(t, 0) - before.get(t, 0) for t in changed},
    )
