"""Imports: preview and confirm of a company file with '있으면 고친다' (issue 17).

2,000 rows: 1,000 of companies already registered (half of them changed) and 1,000 new ones,
as CSV and as XLSX. Measured: the preview (read, check, compare; writes nothing), its query
count, and the save, in a throwaway SQLite database in a subprocess.
"""

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXISTING, NEW = 1_000, 1_000
HEADER = [
    "사업자등록번호",
    "기업명",
    "대표자",
    "업종코드",
    "기업규모",
    "기업유형",
    "소재지",
    "주소",
    "대표전화",
    "근로자수",
]


def _timed(function):
    started = time.perf_counter()
    value = function()
    return value, round(time.perf_counter() - started, 3)


def worker() -> dict:
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from openpyxl import Workbook

    from meisterhub.accounts.models import User
    from meisterhub.companies.models import Company, Industry
    from meisterhub.companies.tests.factories import valid_brn
    from meisterhub.reports.importing import preview_import, run_import

    call_command("migrate", verbosity=0)
    industry, _ = Industry.objects.get_or_create(code="29", defaults={"name": "기계"})
    staff = User.objects.create(username="bench-staff", role="staff", is_staff=True)
    Company.objects.bulk_create(
        [
            Company(
                name=f"기존기업{n}",
                brn=valid_brn(n),
                representative="대표",
                industry=industry,
                district="seongsan",
                address="창원시 성산구 1",
                employees=10,
            )
            for n in range(EXISTING)
        ],
        batch_size=1000,
    )
    rows = [
        [
            valid_brn(n),
            f"기존기업{n}" if n % 2 else f"새이름{n}",
            "대표",
            "29",
            "",
            "",
            "seongsan",
            "창원시 성산구 1",
            "",
            "10",
        ]
        for n in range(EXISTING)
    ]
    rows += [
        [
            valid_brn(EXISTING + n),
            f"새기업{n}",
            "대표",
            "29",
            "",
            "",
            "seongsan",
            "창원시 성산구 1",
            "",
            "5",
        ]
        for n in range(NEW)
    ]
    text = io.StringIO()
    csv.writer(text).writerows([HEADER, *rows])
    csv_bytes = text.getvalue().encode("utf-8-sig")
    book = Workbook()
    for row in [HEADER, *rows]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)

    def preview(name, content):
        return preview_import(
            actor=staff, kind="companies", mode="upsert", upload=SimpleUploadedFile(name, content)
        )

    preview("warm.csv", csv_bytes)
    queries = []
    with connection.execute_wrapper(lambda run, sql, *a: queries.append(sql) or run(sql, *a)):
        plan, csv_seconds = _timed(lambda: preview("data.csv", csv_bytes))
    _, xlsx_seconds = _timed(lambda: preview("data.xlsx", out.getvalue()))
    outcome, save_seconds = _timed(
        lambda: run_import(
            actor=staff,
            kind="companies",
            mode="upsert",
            upload=SimpleUploadedFile("data.csv", csv_bytes),
        )
    )
    return {
        "rows": len(rows),
        "preview_counts": plan.counts,
        "preview_csv_seconds": csv_seconds,
        "preview_csv_queries": len(queries),
        "preview_xlsx_seconds": xlsx_seconds,
        "save_seconds": save_seconds,
        "saved_created": outcome.created,
        "saved_updated": outcome.updated,
        "save_rows_per_second": round((outcome.created + outcome.updated) / save_seconds, 1),
    }


def run() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "MEDIA_ROOT": f"{tmp}/media",
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "false",
            "TWO_FACTOR_REQUIRED": "false",
            "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
        }
        process = subprocess.run(
            [sys.executable, __file__, "--worker"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    if process.returncode:
        return {"error": process.stderr[-1500:]}
    return {"sqlite": json.loads(process.stdout.strip().splitlines()[-1])}


if __name__ == "__main__":
    if "--worker" in sys.argv:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(worker()))
    else:
        print(json.dumps(run(), ensure_ascii=False, indent=2))
