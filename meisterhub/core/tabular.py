"""Spreadsheet uploads (XLSX or CSV) as numbered rows of cells, with Korean errors for files
that are not what they claim to be. Each importer maps the cells to its own columns."""

import csv
import io

from .cells import unescape_cell
from .errors import DomainError
from .filetypes import ArchiveTooLarge, check_archive_upload


def xlsx_rows(data: bytes) -> list[tuple[int, list]]:
    if not data.startswith(b"PK"):
        raise DomainError("엑셀(XLSX) 파일이 아닙니다. 파일 내용을 확인해 주세요.")
    from openpyxl import load_workbook

    try:
        check_archive_upload(io.BytesIO(data))
    except ArchiveTooLarge as error:
        raise DomainError(error.messages[0]) from None
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
        rows = sheet.iter_rows(values_only=True)
        return list(enumerate(([unescape_cell(v) for v in r] for r in rows), start=1))
    except Exception:  # openpyxl raises many kinds for a broken file
        raise DomainError(
            "엑셀 파일을 읽을 수 없습니다. 손상되지 않았는지 확인해 주세요."
        ) from None


def csv_rows(data: bytes) -> list[tuple[int, list]]:
    """UTF-8 (with or without BOM) or CP949, the two encodings Korean Excel writes."""
    for encoding in ("utf-8-sig", "cp949"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DomainError("CSV 파일의 문자 인코딩을 알 수 없습니다 (UTF-8 또는 CP949).")
    if "\x00" in text:
        raise DomainError("CSV 파일이 아닙니다. 파일 내용을 확인해 주세요.")
    rows = csv.reader(io.StringIO(text))
    return list(enumerate(([unescape_cell(v) for v in r] for r in rows), start=1))
