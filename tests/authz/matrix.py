"""The authorization matrix: for every URL name and every API operation, which of the eight
roles may read it (GET) and which may change something through it (POST or the API method).

Deny by default: a URL or API operation without an entry here fails test_matrix_is_complete.
Entries are in matrix_pages.py and matrix_pages_more.py (pages), matrix_api.py (JSON API) and
any other matrix_<area>.py module (its ENTRIES list, pages and API together).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ANON, MEMBER_A, MEMBER_B = "anonymous", "member_a", "member_b"
MEISTER_X, MEISTER_Y, EVALUATOR, STAFF_ROLE, COUNCIL = (
    "meister_x",
    "meister_y",
    "evaluator",
    "staff",
    "council",
)
ROLES = (ANON, MEMBER_A, MEMBER_B, MEISTER_X, MEISTER_Y, EVALUATOR, STAFF_ROLE, COUNCIL)


def roles(*names: str) -> frozenset[str]:
    unknown = set(names) - set(ROLES)
    assert not unknown, f"unknown roles {unknown}"
    return frozenset(names)


PUBLIC = roles(*ROLES)
SIGNED_IN = PUBLIC - {ANON}
NOBODY = roles()
STAFF = roles(STAFF_ROLE)
MEMBERS = roles(MEMBER_A, MEMBER_B)


def OWNER(*extra: str) -> frozenset[str]:
    """Company A's member and staff, plus whoever else is named (e.g. meister X)."""
    return roles(MEMBER_A, STAFF_ROLE, *extra)


@dataclass(frozen=True)
class Entry:
    key: str  # "app:name" for a page, "METHOD /api/path/{param}" for an API operation
    args: Callable | None = None  # world -> URL args (pages) or path parameters (API)
    read: frozenset[str] | None = None  # who may GET; None: the route has no reading (POST only)
    write: frozenset[str] | None = None  # who may change; None: the route changes nothing
    body: Callable | None = None  # (world, role) -> the POST / JSON body; default empty
    # Every entry with `write` must prove its effect: with this body at least one allowed role
    # really changes something (test_matrix.check_effective), unless NOT_EFFECTIVE says why.
    # A form any signed-in user may fill in whose choices are limited to the user's own
    # records: a refused role gets the form back (200) instead of a 403; nothing may change.
    soft: bool = False
    # (world -> text, roles): a text that only these roles may see on the page (read leak check).
    hides: tuple = field(default=())

    @property
    def is_api(self) -> bool:
        return " /api/" in self.key

    @property
    def method(self) -> str:
        return self.key.split(" ", 1)[0] if self.is_api else "POST"


def page(name: str, args=None, *, read=None, write=None, **options) -> Entry:
    return Entry(name, args, read, write, **options)


def api(key: str, args=None, *, allowed: frozenset[str], **options) -> Entry:
    method = key.split(" ", 1)[0]
    if method == "GET":
        return Entry(key, args, read=allowed, write=None, **options)
    return Entry(key, args, read=None, write=allowed, **options)


def own_company(w, role: str):
    """The company a role acts for: B for member B, else A (which refused roles cannot use)."""
    return w.company_b if role == MEMBER_B else w.company_a


def all_entries() -> dict[str, Entry]:
    from .matrix_api import API
    from .matrix_pages import PAGES
    from .matrix_pages_more import MORE_PAGES

    entries: dict[str, Entry] = {}
    for entry in (*PAGES, *MORE_PAGES, *API, *_module_entries()):
        assert entry.key not in entries, f"two matrix entries for {entry.key}"
        entries[entry.key] = entry
    return entries


def _module_entries() -> list[Entry]:
    """Entries of the other matrix_<area>.py modules, each listing its own in ENTRIES."""
    import importlib
    from pathlib import Path

    found = []
    for path in sorted(Path(__file__).parent.glob("matrix_*.py")):
        if path.stem in {"matrix_api", "matrix_pages", "matrix_pages_more"}:
            continue
        found.extend(importlib.import_module(f"{__package__}.{path.stem}").ENTRIES)
    return found


SEATED = roles(STAFF_ROLE, COUNCIL)


def private_texts(w) -> list[tuple[str, str, frozenset[str]]]:
    """Texts of company A's (and the council's) records, and the only roles that may find them
    in any answer of any route: A's member, staff, and whoever works on the record."""
    return [
        ("company A's name", w.company_a.name, OWNER(MEISTER_X, EVALUATOR)),
        ("member A's name", w.member_a.full_name, OWNER(MEISTER_X)),
        ("member A's e-mail", w.member_a.email, OWNER(MEISTER_X)),
        ("company A's business number", w.company_a.brn, OWNER()),
        ("the consultation problem", w.booking.request.problem, OWNER(MEISTER_X)),
        ("the consultation advice", w.record.advice, OWNER(MEISTER_X)),
        ("the reservation purpose", w.reservation.purpose, OWNER()),
        ("the inquiry title", w.inquiry.title, OWNER(MEISTER_X)),
        ("the inquiry text", w.inquiry.body, OWNER(MEISTER_X)),
        ("the application plan", w.application.plan_summary, OWNER(EVALUATOR)),
        ("the contest entry", w.submission.title, OWNER(EVALUATOR)),
        ("the transfer request", w.transfer.message, OWNER()),
        ("the smart-factory project", w.project.title, OWNER()),
        ("the council minutes", w.meeting.minutes_text, SEATED),
        ("the council decision", w.decision.text, SEATED),
        ("the skilled worker", w.worker.name, roles(STAFF_ROLE)),
    ]
