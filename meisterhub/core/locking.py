"""Optimistic locking for records that several staff edit: a `version` column, checked on save.

The edit form carries the version it was loaded with. The service locks the row, compares,
and refuses a stale save with the changes made since, read from the History (each save
records its version bump in the diff, so the entries after the loaded version are known).
"""

from django.db import models

from .errors import DomainError
from .history_text import field_changes, related_names


class Versioned(models.Model):
    version = models.PositiveIntegerField("버전", default=1, editable=False)

    class Meta:
        abstract = True


class StaleEdit(DomainError):
    def __init__(self, message: str, changes: list[tuple[str, str, str]]):
        super().__init__(message, code="conflict")
        self.changes = changes


def changes_since(
    instance: models.Model, version: int, *, field: str = "version"
) -> list[tuple[str, str, str]]:
    """(field label, old, new) for what was saved after `version`, oldest first. `field` is
    the counter each save bumps and records in its History diff."""
    from .history import history_of

    entries = [
        entry
        for entry in history_of(instance).select_related("content_type")
        if isinstance(entry.changes, dict)
        and isinstance(entry.changes.get(field), list)
        and (entry.changes[field][0] or 0) >= version
    ]
    entries.reverse()
    related = related_names(entries)
    rows: list[tuple[str, str, str]] = []
    for entry in entries:
        rows.extend(field_changes(entry, related))
    return rows


def check_version(locked: models.Model, expected: int | None) -> None:
    """Refuse a save based on an older version of `locked` (a row already locked for update).

    `expected` None means the caller did not load a form (the API without a version): allowed.
    """
    if expected is None or int(expected) == locked.version:
        return
    changes = changes_since(locked, int(expected))
    what = ", ".join(f"{label}({old} → {new})" for label, old, new in changes) or "내용"
    raise StaleEdit(
        f"다른 사용자가 먼저 저장했습니다. 바뀐 내용: {what}. 새로 불러온 내용을 확인한 뒤 다시 저장하세요.",
        changes,
    )


def bump(instance: models.Model) -> None:
    instance.version = (instance.version or 0) + 1
