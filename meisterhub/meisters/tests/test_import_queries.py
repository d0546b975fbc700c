"""Importing the roster again (the usual weekly refresh) reads the meisters, their fields and
the field list once for the whole file, not once per row."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meisterhub.meisters.importing import import_meisters
from meisterhub.meisters.models import Meister

pytestmark = pytest.mark.django_db

READ = ("meisters_meister", "meisters_meisterfield", "meisters_field")


def _roster(path, ids, title):
    rows = [{"id": pk, "name": f"마이스터{pk}", "title": title, "fields": ["WELD", "NDT"],
             "career": "조선소 용접 30년", "keywords": ["TIG"], "days": ["월"]} for pk in ids]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def _reads_of_reimport(tmp_path, ids) -> dict[str, int]:
    file = tmp_path / f"roster-{len(ids)}.jsonl"
    import_meisters(_roster(file, ids, "기술사"))
    _roster(file, ids, "명장")  # every row changes: each one is saved again
    with CaptureQueriesContext(connection) as ctx:
        report = import_meisters(file)
    assert (report.created, report.updated) == (0, len(ids))
    selects = [q["sql"] for q in ctx.captured_queries if q["sql"].lstrip().startswith("SELECT")]
    return {table: sum(f'FROM "{table}"' in sql for sql in selects) for table in READ}


def test_reimporting_the_roster_reads_each_table_a_fixed_number_of_times(tmp_path, taxonomy):
    few = _reads_of_reimport(tmp_path, ["A001", "A002"])
    many = _reads_of_reimport(tmp_path, [f"B{n:03d}" for n in range(6)])
    assert many == few
    assert set(Meister.objects.values_list("title", flat=True)) == {"명장"}
