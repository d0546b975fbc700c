"""Running one import: validate every row, then save all, or only the good rows if chosen."""

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from meisterhub.companies.models import Company, Industry
from meisterhub.companies.services import register_company
from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.meisters.models import Field

from .. import conf
from ..models import SkilledWorker
from ..permissions import is_staff_user
from ..workers import duplicate_message, register_skilled_worker
from .rows import COMPANY_REQUIRED, WORKER_REQUIRED, clean_company, clean_worker_row
from .tabular import read_table, require_columns


@dataclass
class ImportOutcome:
    rows: int = 0
    imported: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def saved(self) -> bool:
        return self.imported > 0


def _validate(rows, clean, key):
    good, errors, seen = [], [], {}
    for line, row in rows:
        try:
            data = clean(row)
        except DomainError as exc:
            errors.append((line, exc.message))
            continue
        k = key(data)
        if k in seen:
            errors.append((line, f"{seen[k]}행과 같은 대상이 파일에 두 번 있습니다."))
            continue
        seen[k] = line
        good.append((line, data))
    return good, errors


def _save_rows(good, save, outcome: ImportOutcome, only_good_rows: bool) -> None:
    """Each row in its own savepoint: a row refused at save time is an error like any other."""
    for line, data in good:
        try:
            with transaction.atomic():
                save(data)
        except DomainError as exc:
            outcome.errors.append((line, exc.message))
            if not only_good_rows:
                raise
            continue
        outcome.imported += 1


def _run(*, actor, rows, clean, key, exists, save, only_good_rows, label) -> ImportOutcome:
    outcome = ImportOutcome(rows=len(rows))
    good, outcome.errors = _validate(rows, clean, key)
    taken = exists([data for _, data in good])
    for line, data in list(good):
        if key(data) in taken:
            outcome.errors.append((line, taken[key(data)]))
            good.remove((line, data))
    if outcome.errors and not only_good_rows:
        return outcome
    try:
        with transaction.atomic():
            _save_rows(good, save, outcome, only_good_rows)
            if outcome.imported:
                history.record(actor=actor, action=f"reports.import.{label}", instance=actor,
                               changes={"imported": outcome.imported,
                                        "skipped_rows": len(outcome.errors)})
    except DomainError:
        outcome.imported = 0
    outcome.errors.sort()
    return outcome


def import_companies(*, actor, upload, only_good_rows: bool) -> ImportOutcome:
    header, rows = read_table(upload)
    require_columns(header, COMPANY_REQUIRED)
    industries = set(Industry.objects.values_list("code", flat=True))

    def exists(items):
        brns = Company.objects.filter(brn__in=[d["brn"] for d in items]).values_list("brn", flat=True)
        return dict.fromkeys(brns, "이미 등록된 사업자등록번호입니다.")

    return _run(actor=actor, rows=rows, clean=lambda r: clean_company(r, industries),
                key=lambda d: d["brn"], exists=exists, label="companies",
                save=lambda d: register_company(actor=actor, **d), only_good_rows=only_good_rows)


def import_workers(*, actor, upload, only_good_rows: bool) -> ImportOutcome:
    header, rows = read_table(upload)
    require_columns(header, WORKER_REQUIRED)
    known = set(Field.objects.values_list("code", flat=True))

    def key(item):
        data = item[0]
        return (data["name"], data["birth_year"], data["phone"])

    def exists(items):
        phones = {item[0]["phone"] for item in items}
        taken = SkilledWorker.objects.filter(phone__in=phones).values_list(
            "name", "birth_year", "phone")
        return {k: duplicate_message(k[0], k[1]) for k in taken}

    def save(item):
        data, codes, certificates = item
        register_skilled_worker(actor=actor, data=data, field_codes=codes,
                                certificates=certificates)

    return _run(actor=actor, rows=rows, clean=lambda r: clean_worker_row(r, known), key=key,
                exists=exists, save=save, only_good_rows=only_good_rows, label="workers")


def import_meisters_upload(*, actor, upload, only_good_rows: bool) -> ImportOutcome:
    from meisterhub.meisters.importing import import_meisters

    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise DomainError("CSV 또는 XLSX 파일만 가져올 수 있습니다.")
    if upload.size > conf.IMPORT_MAX_BYTES:
        raise DomainError("파일이 너무 큽니다.")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(upload.read())
        report = import_meisters(path, actor=actor, skip_invalid=only_good_rows)
    return ImportOutcome(rows=report.rows,
                         imported=(report.created + report.updated) if report.imported else 0,
                         errors=[(e.line, e.message) for e in report.errors])


def import_outcomes_upload(*, actor, upload, only_good_rows: bool) -> ImportOutcome:
    from meisterhub.programs.importing import import_outcomes

    result = import_outcomes(actor=actor, upload=upload, only_good_rows=only_good_rows)
    return ImportOutcome(rows=result.total_rows, imported=result.imported,
                         errors=list(result.errors))


IMPORTERS = {
    "companies": import_companies, "meisters": import_meisters_upload,
    "workers": import_workers, "outcomes": import_outcomes_upload,
}


def run_import(*, actor, kind: str, upload, only_good_rows: bool = False) -> ImportOutcome:
    if not is_staff_user(actor):
        raise DomainError("운영자만 자료를 가져올 수 있습니다.", code="forbidden")
    if kind not in IMPORTERS:
        raise DomainError("알 수 없는 자료 종류입니다.")
    return IMPORTERS[kind](actor=actor, upload=upload, only_good_rows=only_good_rows)
