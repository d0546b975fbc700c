"""The expertise taxonomy (전문분야) as shipped in data/fields.tsv."""

import csv
from pathlib import Path

FIELDS_TSV = Path(__file__).resolve().parent / "data" / "fields.tsv"


def read_fields() -> list[dict]:
    with FIELDS_TSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [{**row, "order": index} for index, row in enumerate(rows, start=1)]


def load_fields(field_model) -> int:
    """Create or update every field of the taxonomy; used by the data migration and tests."""
    rows = read_fields()
    for row in rows:
        field_model.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_ko": row["name_ko"],
                "name_en": row["name_en"],
                "scope": row["scope"],
                "order": row["order"],
            },
        )
    return len(rows)
