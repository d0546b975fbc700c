"""Reading an uploaded CSV or XLSX into (line number, {column: value}) rows."""

from meisterhub.core.errors import DomainError
from meisterhub.core.tabular import csv_rows, xlsx_rows

from .. import conf


def read_table(upload) -> tuple[list[str], list[tuple[int, dict]]]:
    name = (upload.name or "").lower()
    if upload.size > conf.IMPORT_MAX_BYTES:
        raise DomainError(
            f"파일이 너무 큽니다. {conf.IMPORT_MAX_BYTES // (1024 * 1024)}MB 이하만 가져올 수 있습니다.")
    data = upload.read()
    upload.seek(0)
    if name.endswith(".xlsx"):
        raw = xlsx_rows(data)
    elif name.endswith(".csv"):
        raw = csv_rows(data)
    else:
        raise DomainError("CSV 또는 XLSX 파일만 가져올 수 있습니다.")
    raw = [(n, row) for n, row in raw if any(c not in (None, "") for c in row)]
    if not raw:
        raise DomainError("빈 파일입니다.")
    header = [str(c or "").strip() for c in raw[0][1]]
    rows = [(n, {h: v for h, v in zip(header, row, strict=False) if h}) for n, row in raw[1:]]
    if len(rows) > conf.IMPORT_MAX_ROWS:
        raise DomainError(f"한 번에 {conf.IMPORT_MAX_ROWS:,}행까지 가져올 수 있습니다.")
    return header, rows


def require_columns(header: list[str], required: list[str]) -> None:
    missing = [c for c in required if c not in header]
    if missing:
        raise DomainError(f"필수 열이 없습니다: {', '.join(missing)}")


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def integer(value, label: str) -> int:
    raw = text(value).replace(",", "")
    if not raw.lstrip("-").isdigit():
        raise DomainError(f"{label}은(는) 숫자여야 합니다 ('{text(value) or '빈칸'}').", field=label)
    return int(raw)


def flag(value) -> bool:
    return text(value).lower() in {"1", "true", "y", "yes", "예", "o", "○"}
