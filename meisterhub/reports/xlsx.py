"""The annual report as XLSX: a summary sheet, then one sheet per section, same figures."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from meisterhub.core.cells import append_text_safe

HEADER_FILL = PatternFill("solid", fgColor="EEF2F7")
BOLD = Font(bold=True)


def _write_row(sheet, values, *, bold=False, fill=None):
    append_text_safe(sheet, values)
    if bold or fill:
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD if bold else cell.font
            if fill:
                cell.fill = fill


def _number_formats(sheet):
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, int) and not isinstance(cell.value, bool):
                cell.number_format = "#,##0"
            elif isinstance(cell.value, float):
                cell.number_format = "#,##0.0#"


def _sheet_name(number: int, title: str) -> str:
    name = f"{number}.{title}"
    for char in "[]:*?/\\":
        name = name.replace(char, " ")
    return name[:31]


def _definitions_sheet(book, part: dict) -> None:
    """What each figure counts, in the same words as the dashboard and the PDF."""
    sheet = book.create_sheet(part["title"])
    _write_row(sheet, [part["title"]], bold=True)
    sheet.append([])
    _write_row(sheet, ["부문", "지표", "정의"], bold=True, fill=HEADER_FILL)
    for section in part["sections"]:
        for measure in section["measures"]:
            append_text_safe(sheet, [section["title"], measure["label"], measure["definition"]])
    for row in sheet.iter_rows(min_row=4, min_col=3, max_col=3):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")


def render_xlsx(figures: dict) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = "요약"
    _write_row(summary, [f"{figures['title']} (성과공유회 자료)"], bold=True)
    _write_row(summary, ["연도", figures["year"]])
    _write_row(summary, ["사업 분야", figures["area_label"]])
    if figures["is_empty"]:
        _write_row(summary, [f"{figures['year']}년: {figures['empty_text']}"], bold=True)
    summary.append([])
    _write_row(summary, ["부문", "지표", "값"], bold=True, fill=HEADER_FILL)
    for section in figures["sections"]:
        for kpi in section["kpis"]:
            append_text_safe(summary, [section["title"], kpi["label"], kpi["value"]])
    _definitions_sheet(book, figures["definitions"])
    for number, section in enumerate(figures["sections"], start=1):
        sheet = book.create_sheet(_sheet_name(number, section["title"]))
        _write_row(sheet, [section["title"]], bold=True)
        if section["note"]:
            append_text_safe(sheet, [section["note"]])
        if section["empty"]:
            _write_row(sheet, [figures["empty_text"]], bold=True)
            continue
        sheet.append([])
        _write_row(sheet, ["지표", "값"], bold=True, fill=HEADER_FILL)
        for kpi in section["kpis"]:
            append_text_safe(sheet, [kpi["label"], kpi["value"]])
        for table in section["tables"]:
            sheet.append([])
            _write_row(sheet, [table["caption"]], bold=True)
            _write_row(sheet, table["columns"], bold=True, fill=HEADER_FILL)
            for row in table["rows"]:
                append_text_safe(sheet, row)
            if not table["rows"]:
                sheet.append([figures["empty_text"]])
    for sheet in book.worksheets:
        _number_formats(sheet)
        sheet.column_dimensions["A"].width = 34
        for letter in "BCDEFG":
            sheet.column_dimensions[letter].width = 18
        sheet["A1"].alignment = Alignment(vertical="center")
    book[figures["definitions"]["title"]].column_dimensions["C"].width = 90
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
