"""Importing the meister roster; the natural key is the roster ID (열 `id`, 명부 ID).

The rows are checked by the meisters app's own rule (meisters.importing.validate_row) and saved
by its service (save_meister), which writes the History row.
"""

from meisterhub.meisters.importing import REQUIRED, validate_row
from meisterhub.meisters.models import WEEKDAYS, Meister
from meisterhub.meisters.selectors import field_codes, meisters_by_roster_id
from meisterhub.meisters.services import save_meister

from .plan import Change, ParsedRow
from .shown import shown
from .tabular import read_table, require_columns, text

# column of the file -> field of the meister, with the label the preview shows
COLUMNS = {
    "name": ("name", "성명"),
    "title": ("title", "직함"),
    "fields": ("field_codes", "전문분야"),
    "career": ("career", "경력"),
    "keywords": ("keywords", "키워드"),
    "certificates": ("certificates", "자격·인증"),
    "days": ("weekdays", "센터 근무 요일"),
    "active": ("is_active", "활동 중"),
}


def _column_of(message: str) -> str:
    """validate_row answers in words only; the column it speaks of, for the error table."""
    if message.startswith("필수 항목"):
        return message.split(":", 1)[1].split(",")[0].strip()
    if "전문분야" in message:
        return "fields"
    if "요일" in message:
        return "days"
    return ""


def _display(field: str, value) -> str:
    if field == "weekdays":
        return shown([WEEKDAYS[int(d)] for d in value])
    return shown(value)


class MeisterImport:
    name = "meisters"
    key_column = "id"

    def parse(self, upload) -> list[ParsedRow]:
        header, rows = read_table(upload)
        require_columns(header, REQUIRED)
        known = field_codes()
        parsed = []
        for line, cells in rows:
            row = ParsedRow(line)
            data, error = validate_row({k: text(v) for k, v in cells.items()}, known)
            if error:
                row.fail(_column_of(error), error)
            else:
                row.key, row.data = data["roster_id"], data
                row.label = f"{data['roster_id']} {data['name']}"
                row.provided = frozenset(
                    field for column, (field, _) in COLUMNS.items() if text(cells.get(column))
                )
            parsed.append(row)
        return parsed

    def existing(self, *, actor, rows):
        return meisters_by_roster_id(r.key for r in rows)

    def exists_message(self, row) -> str:
        return f"이미 등록된 명부 ID({row.key})입니다. 고치려면 '있으면 고친다'를 고르세요."

    def _updates(self, meister: Meister, row: ParsedRow) -> dict:
        current = {
            field: getattr(meister, field)
            for field, _ in COLUMNS.values()
            if field != "field_codes"
        }
        current["field_codes"] = [f.code for f in meister.ordered_fields]
        return {
            field: row.data[field]
            for field, _ in COLUMNS.values()
            if field in row.provided and current[field] != row.data[field]
        }

    def changes(self, meister, row) -> list[Change]:
        labels = dict(COLUMNS.values())
        old_codes = [f.code for f in meister.ordered_fields]
        return [
            Change(
                labels[field],
                _display(field, old_codes if field == "field_codes" else getattr(meister, field)),
                _display(field, new),
            )
            for field, new in self._updates(meister, row).items()
        ]

    def create(self, *, actor, row) -> None:
        save_meister(actor=actor, **row.data)

    def update(self, *, actor, record, row) -> None:
        updates = self._updates(record, row)
        codes = updates.pop("field_codes", row.data["field_codes"])
        save_meister(
            actor=actor, meister=record, roster_id=record.roster_id, field_codes=codes, **updates
        )
