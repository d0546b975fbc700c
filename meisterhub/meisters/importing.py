"""Reading meister rosters from JSONL, CSV or XLSX; every bad row is reported with its line."""

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from meisterhub.core.errors import DomainError

from .models import Field
from .services import normalize_weekdays, save_meister

REQUIRED = ["id", "name", "title", "fields"]
LIST_KEYS = ["fields", "keywords", "days", "certificates"]


@dataclass
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}행: {self.message}"


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    imported: bool = False


def _split(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).replace("|", ";").split(";") if part.strip()]


def _read_bytes(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DomainError(
            "파일을 UTF-8로 읽을 수 없습니다. 엑셀에서 'CSV UTF-8' 형식으로 저장하거나 "
            "XLSX 파일을 올려 주세요."
        ) from None


def read_rows(path: Path) -> list[tuple[int, dict | None, str | None]]:
    """(line number, row, parse error) for every data row of the file."""
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".json", ".ndjson"}:
        rows = []
        for number, line in enumerate(_read_bytes(path).splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                rows.append((number, None, f"JSON 형식 오류 ({exc.msg})"))
                continue
            rows.append(
                (number, row, None)
                if isinstance(row, dict)
                else (number, None, "JSON 객체가 아닙니다")
            )
        return rows
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(_read_bytes(path)))
        _check_columns(reader.fieldnames or [])
        return [(number, dict(row), None) for number, row in enumerate(reader, start=2)]
    if suffix == ".xlsx":
        return _read_xlsx(path)
    raise DomainError("지원하지 않는 파일 형식입니다. JSONL, CSV, XLSX 파일만 가져올 수 있습니다.")


def _read_xlsx(path: Path):
    from openpyxl import load_workbook

    from meisterhub.core.filetypes import ArchiveTooLarge, check_archive_upload

    try:
        check_archive_upload(path)
    except ArchiveTooLarge as error:
        raise DomainError(error.messages[0]) from None
    try:
        sheet = load_workbook(path, read_only=True, data_only=True).active
    except Exception:  # openpyxl raises many kinds for a broken file
        raise DomainError(
            "XLSX 파일을 열 수 없습니다. 손상되었거나 엑셀 파일이 아닙니다."
        ) from None
    rows_iter = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows_iter, [])]
    _check_columns(header)
    rows = []
    for number, values in enumerate(rows_iter, start=2):
        if values is None or all(v is None for v in values):
            continue
        rows.append((number, {h: v for h, v in zip(header, values, strict=False) if h}, None))
    return rows


def _check_columns(columns) -> None:
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise DomainError(f"필수 열이 없습니다: {', '.join(missing)}")


def validate_row(row: dict, known_fields: set[str]) -> tuple[dict | None, str | None]:
    missing = [key for key in REQUIRED if not row.get(key)]
    if missing:
        return None, f"필수 항목이 비어 있습니다: {', '.join(missing)}"
    clean = {key: _split(row.get(key)) for key in LIST_KEYS}
    codes = [c.upper() for c in clean["fields"]]
    unknown = [c for c in codes if c not in known_fields]
    if unknown:
        return None, f"알 수 없는 전문분야 코드: {', '.join(unknown)}"
    if not 1 <= len(codes) <= 3 or len(set(codes)) != len(codes):
        return None, "전문분야는 서로 다른 1~3개여야 합니다"
    try:
        weekdays = normalize_weekdays(clean["days"])
    except DomainError as exc:
        return None, exc.message
    active = str(row.get("active", "true")).strip().lower() not in {
        "false",
        "0",
        "no",
        "n",
        "아니오",
    }
    return {
        "roster_id": str(row["id"]).strip(),
        "field_codes": codes,
        "name": str(row["name"]).strip(),
        "title": str(row["title"]).strip(),
        "career": str(row.get("career") or "").strip(),
        "keywords": clean["keywords"],
        "certificates": clean["certificates"],
        "weekdays": weekdays,
        "is_active": active,
    }, None


def import_meisters(path: Path, *, actor=None, skip_invalid=False, dry_run=False, progress=None):
    """Validate every row first; import all, or only the good rows with skip_invalid."""
    report = ImportReport()
    parsed = read_rows(path)
    fields = Field.objects.in_bulk()
    known = set(fields)
    good, seen = [], {}
    for line, row, error in parsed:
        report.rows += 1
        if error is None:
            data, error = validate_row(row, known)
        if error is None and data["roster_id"] in seen:
            error = f"ID {data['roster_id']}가 {seen[data['roster_id']]}행과 중복됩니다"
        if error:
            report.errors.append(RowError(line, error))
            continue
        seen[data["roster_id"]] = line
        good.append(data)
    if (report.errors and not skip_invalid) or dry_run:
        return report
    from .selectors import meisters_by_roster_id

    with transaction.atomic():
        # The file's meisters that exist, with their fields, read once for every row.
        existing = meisters_by_roster_id(seen)
        for data in good:
            save_meister(actor=actor, meister=existing.get(data["roster_id"]),
                         known_fields=fields, **data)
            if progress:
                progress()
    report.created = sum(1 for d in good if d["roster_id"] not in existing)
    report.updated = len(good) - report.created
    report.imported = True
    return report
