"""Importing beneficiaries' yearly outcomes from XLSX or CSV, with an error for every bad row."""

import re
from dataclasses import dataclass, field

from django.db import transaction

from meisterhub.accounts.roles import require_staff
from meisterhub.companies.models import Company
from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.core.tabular import csv_rows, xlsx_rows

from . import conf
from .models import OUTCOME_FIGURES, OutcomeReport
from .services.outcomes import validate_figures

HEADERS = {
    "사업자등록번호": "brn", "brn": "brn", "연도": "year", "year": "year",
    "수출액": "export_amount", "고용인원": "employees", "고용 인원": "employees",
    "생산액": "production_amount", "매출액": "production_amount",
    "수출상담액": "export_consultation_amount", "계약액": "contract_amount",
    "mou": "mou_count", "mou 체결": "mou_count", **{name: name for name in OUTCOME_FIGURES},
}
REQUIRED_COLUMNS = {"brn", "year"}


@dataclass
class ImportResult:
    total_rows: int = 0
    good: list = field(default_factory=list)  # (row number, company, year, figures)
    errors: list = field(default_factory=list)  # (row number, reason)
    imported: int = 0


def _read_rows(upload) -> list[list]:
    name = (upload.name or "").lower()
    if upload.size > conf.IMPORT_MAX_BYTES:
        raise DomainError(f"파일이 너무 큽니다. {conf.IMPORT_MAX_BYTES // (1024 * 1024)}MB 이하만 "
                          "가져올 수 있습니다.")
    data = upload.read()
    if name.endswith(".xlsx"):
        return [row for _, row in xlsx_rows(data)]
    if name.endswith(".csv"):
        return [row for _, row in csv_rows(data)]
    raise DomainError("XLSX 또는 CSV 파일만 가져올 수 있습니다.")


def parse_outcomes(upload) -> ImportResult:
    rows = _read_rows(upload)
    while rows and not any(cell not in (None, "") for cell in rows[0]):
        rows.pop(0)
    if not rows:
        raise DomainError("빈 파일입니다.")
    header = [HEADERS.get(str(cell or "").strip().lower()) for cell in rows[0]]
    missing = REQUIRED_COLUMNS - set(header)
    if missing:
        raise DomainError("첫 줄에 '사업자등록번호'와 '연도' 열이 있어야 합니다.")
    result = ImportResult()
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell not in (None, "") for cell in row):
            continue
        result.total_rows += 1
        records.append((number, {key: row[i] if i < len(row) else None
                                 for i, key in enumerate(header) if key}))
    brns = {re.sub(r"\D", "", str(rec.get("brn") or "")) for _, rec in records}
    companies = Company.objects.in_bulk(list(brns), field_name="brn")
    seen = set()
    for number, record in records:
        brn = re.sub(r"\D", "", str(record.pop("brn") or ""))
        year_text = str(record.pop("year") or "").strip().removesuffix(".0")
        company = companies.get(brn)
        if company is None:
            result.errors.append((number, f"등록되지 않은 사업자등록번호입니다 ({brn or '빈칸'})."))
            continue
        if not year_text.isdigit() or not 2000 <= int(year_text) <= 2100:
            result.errors.append((number, f"연도를 확인해 주세요 ({year_text or '빈칸'})."))
            continue
        year = int(year_text)
        if (brn, year) in seen:
            result.errors.append((number, f"같은 기업·연도({company.name}, {year})가 파일에 두 번 있습니다."))
            continue
        seen.add((brn, year))
        try:
            figures = validate_figures({k: _plain_number(v) for k, v in record.items()})
        except DomainError as exc:
            result.errors.append((number, exc.message))
            continue
        result.good.append((number, company, year, figures))
    return result


def _plain_number(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@transaction.atomic
def import_outcomes(*, actor, upload, only_good_rows: bool = False) -> ImportResult:
    """Import nothing when a row is bad, unless the user chose to import only the good rows."""
    require_staff(actor, "운영자만 성과를 가져올 수 있습니다.")
    result = parse_outcomes(upload)
    if result.errors and not only_good_rows:
        return result
    existing = {(r.company_id, r.year): r for r in OutcomeReport.objects.filter(
        company__in=[c for _, c, _, _ in result.good])}
    for _, company, year, figures in result.good:
        report = existing.get((company.pk, year)) or OutcomeReport(company=company, year=year)
        for name, value in figures.items():
            setattr(report, name, value)
        report.source = OutcomeReport.Source.IMPORT
        report.reported_by = actor
        report.save()
        result.imported += 1
    if result.imported:
        history.record(actor=actor, action="programs.outcome.imported", instance=actor,
                       changes={"imported": result.imported, "skipped_rows": len(result.errors),
                                "file": upload.name})
    return result
