"""What an import would do, row by row, before anything is saved: the preview and the save
are the same plan, so what the person confirmed is what is written.

Each kind of import (companies, skilled workers, meisters, outcomes) reads its rows, finds the
records that already exist by its natural key, compares and saves through its app's services.
"""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.db import transaction

from meisterhub.core import history
from meisterhub.core.errors import DomainError

CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"
ACTION_LABELS = {CREATE: "추가", UPDATE: "변경", UNCHANGED: "변경 없음", ERROR: "오류"}
INSERT, UPSERT = "insert", "upsert"


@dataclass(frozen=True)
class RowError:
    line: int
    column: str  # the column of the file as the person named it, "" when it is the whole row
    message: str


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


@dataclass
class ParsedRow:
    """One data row of the file: its natural key and cleaned data, or why it is wrong."""

    line: int
    key: Any = None
    label: str = ""
    data: Any = None
    provided: frozenset = frozenset()  # fields with a value in the file (others stay as they are)
    errors: list[RowError] = field(default_factory=list)

    def fail(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.line, column, message))


@dataclass
class RowPlan:
    line: int
    action: str
    label: str = ""
    changes: list[Change] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    row: ParsedRow | None = None
    existing: Any = None

    @property
    def action_label(self) -> str:
        return ACTION_LABELS[self.action]


class ImportKind(Protocol):
    name: str
    key_column: str  # the natural key, as the column(s) of the file name it

    def parse(self, upload) -> list[ParsedRow]: ...
    def existing(self, *, actor, rows: list[ParsedRow]) -> dict: ...
    def exists_message(self, row: ParsedRow) -> str: ...
    def changes(self, record, row: ParsedRow) -> list[Change]: ...
    def create(self, *, actor, row: ParsedRow) -> None: ...
    def update(self, *, actor, record, row: ParsedRow) -> None: ...


@dataclass
class ImportPlan:
    kind: str
    mode: str
    rows: list[RowPlan]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {label: self.count(action) for action, label in ACTION_LABELS.items()}

    @property
    def errors(self) -> list[RowError]:
        """Every error of the file, in line order (header = line 1)."""
        return [e for r in self.rows for e in r.errors]

    @property
    def writes(self) -> list[RowPlan]:
        return [r for r in self.rows if r.action in (CREATE, UPDATE)]

    @property
    def digest(self) -> str:
        """Fingerprint of what the preview showed; a confirm against another state is refused."""
        shown = [
            (
                r.line,
                r.action,
                [(c.label, c.old, c.new) for c in r.changes],
                [(e.column, e.message) for e in r.errors],
            )
            for r in self.rows
        ]
        payload = json.dumps([self.kind, self.mode, shown], ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()


def build_plan(kind: ImportKind, *, actor, upload, mode: str) -> ImportPlan:
    """Read and check every row and say what saving would do. Writes nothing."""
    if mode not in (INSERT, UPSERT):
        raise DomainError("가져오기 방식을 골라 주세요.", field="mode")
    parsed = kind.parse(upload)
    seen: dict = {}
    for row in parsed:
        if row.errors:
            continue
        if row.key in seen:
            row.fail(kind.key_column, f"{seen[row.key]}행과 같은 대상이 파일에 두 번 있습니다.")
        else:
            seen[row.key] = row.line
    found = kind.existing(actor=actor, rows=[r for r in parsed if not r.errors])
    plans = []
    for row in sorted(parsed, key=lambda r: r.line):
        record = found.get(row.key) if not row.errors else None
        if row.errors:
            plans.append(RowPlan(row.line, ERROR, row.label, errors=list(row.errors), row=row))
        elif record is None:
            plans.append(RowPlan(row.line, CREATE, row.label, row=row))
        elif mode == INSERT:
            row.fail(kind.key_column, kind.exists_message(row))
            plans.append(RowPlan(row.line, ERROR, row.label, errors=list(row.errors), row=row))
        else:
            changes = kind.changes(record, row)
            plans.append(
                RowPlan(
                    row.line,
                    UPDATE if changes else UNCHANGED,
                    row.label,
                    changes=changes,
                    row=row,
                    existing=record,
                )
            )
    return ImportPlan(kind=kind.name, mode=mode, rows=plans)


@dataclass
class ImportOutcome:
    plan: ImportPlan | None = None
    created: int = 0
    updated: int = 0

    @property
    def rows(self) -> int:
        return len(self.plan.rows) if self.plan else 0

    @property
    def imported(self) -> int:
        return self.created + self.updated

    @property
    def saved(self) -> bool:
        return self.imported > 0

    @property
    def row_errors(self) -> list[RowError]:
        return self.plan.errors if self.plan else []

    @property
    def errors(self) -> list[tuple[int, str]]:
        """(line, message) in line order."""
        return [(e.line, e.message) for e in self.row_errors]


class _RollBack(Exception):
    pass


def apply_plan(kind: ImportKind, plan: ImportPlan, *, actor, only_good_rows: bool) -> ImportOutcome:
    """Save the plan: all rows or none, unless the person chose to save only the good rows.

    A row the service refuses at save time becomes an error of its line like any other.
    """
    outcome = ImportOutcome(plan=plan)
    if plan.errors and not only_good_rows:
        return outcome
    try:
        with transaction.atomic():
            for row in plan.writes:
                try:
                    with transaction.atomic():
                        if row.action == CREATE:
                            kind.create(actor=actor, row=row.row)
                        else:
                            kind.update(actor=actor, record=row.existing, row=row.row)
                except DomainError as exc:
                    row.action = ERROR
                    row.errors.append(RowError(row.line, exc.field or "", exc.message))
                    if not only_good_rows:
                        raise _RollBack from exc
                    continue
                if row.action == CREATE:
                    outcome.created += 1
                else:
                    outcome.updated += 1
            if outcome.imported:
                history.record(
                    actor=actor,
                    action=f"reports.import.{plan.kind}",
                    instance=actor,
                    changes={
                        "mode": plan.mode,
                        "created": outcome.created,
                        "updated": outcome.updated,
                        "skipped_rows": len({e.line for e in plan.errors}),
                    },
                )
    except _RollBack:
        outcome.created = outcome.updated = 0
    return outcome
