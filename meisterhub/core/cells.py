"""Spreadsheet cells that cannot run as formulas (CSV/formula injection, as OWASP describes it).

A text cell that begins with = + - @, a tab or a carriage return would be read by Excel or
LibreOffice as a formula. Exports prefix such text with an apostrophe, so it shows as text and
stays text when the cell is edited; imports remove that apostrophe again, so an exported file
can be read back unchanged.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NOTICE = "수식으로 실행될 수 있는 값(= + - @ 등으로 시작)은 앞에 작은따옴표(')를 붙여 글자로 내보냅니다."


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values) -> list:
    return [safe_cell(value) for value in values]


def unescape_cell(value):
    """The value as it was before export: the apostrophe of a neutralised cell is removed."""
    if isinstance(value, str) and value.startswith("'") and value[1:2] and \
            value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def append_text_safe(sheet, values) -> None:
    """Append a row to an openpyxl sheet with every text cell stored as text, never a formula."""
    sheet.append(safe_row(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
