"""KSIC industry codes shipped in data/ksic.tsv."""

import csv
from pathlib import Path

KSIC_TSV = Path(__file__).resolve().parent / "data" / "ksic.tsv"


def load_industries(industry_model) -> int:
    with KSIC_TSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for row in rows:
        industry_model.objects.update_or_create(code=row["code"], defaults={"name": row["name"]})
    return len(rows)
