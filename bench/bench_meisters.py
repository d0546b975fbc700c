"""Meister list and profile pages: requests per second with 1,000 meisters, and SQL queries per
page at 100 and at 1,000 meisters (they must not grow). Runs in a subprocess on its own SQLite
database so that it never touches the developer's data."""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "ALLOWED_HOSTS": "testserver",
        }
        out = subprocess.run(
            [sys.executable, __file__, "--inner"], env=env, cwd=ROOT,
            capture_output=True, text=True, check=True, timeout=600,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _populate(total: int) -> None:
    import random

    from meisterhub.meisters.models import Field, Meister, MeisterField

    rng = random.Random(total)
    codes = list(Field.objects.values_list("code", flat=True))
    start = Meister.objects.count()
    meisters = Meister.objects.bulk_create(
        Meister(roster_id=f"B{n:05d}", name=f"벤치{n}", title="기술사", career="현장 경력 20년",
                keywords=["키워드", f"k{n}"], weekdays=rng.choice(["0", "13", "24", "02"]),
                search_text=f"벤치{n} 기술사 용접")
        for n in range(start, total)
    )
    links = []
    for meister in meisters:
        for order, code in enumerate(rng.sample(codes, k=2), start=1):
            links.append(MeisterField(meister=meister, field_id=code, order=order))
    MeisterField.objects.bulk_create(links)


def _measure(client, url: str, seconds: float = 3.0) -> dict:
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        assert client.get(url).status_code == 200
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        client.get(url)
        count += 1
    elapsed = time.perf_counter() - started
    return {"requests_per_second": round(count / elapsed, 1), "queries": len(queries)}


def inner() -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from meisterhub.meisters.models import Meister

    call_command("migrate", verbosity=0)
    client = Client()
    _populate(100)
    at_100 = {
        "list": _measure(client, "/meisters/", 1.0),
        "filtered_list": _measure(client, "/meisters/?field=WELD&weekday=2", 1.0),
        "profile": _measure(client, f"/meisters/{Meister.objects.first().pk}/", 1.0),
    }
    _populate(1000)
    profile_url = f"/meisters/{Meister.objects.last().pk}/"
    at_1000 = {
        "list": _measure(client, "/meisters/"),
        "filtered_list": _measure(client, "/meisters/?field=WELD&weekday=2&q=벤치"),
        "profile": _measure(client, profile_url),
        "api_list": _measure(client, "/api/meisters/?limit=24"),
    }
    return {
        "meisters": Meister.objects.count(),
        "at_1000": at_1000,
        "queries_at_100": {k: v["queries"] for k, v in at_100.items()},
        "queries_grow_with_meisters": any(
            at_1000[k]["queries"] != at_100[k]["queries"] for k in at_100
        ),
        "list_to_profile_rps_ratio": round(
            at_1000["list"]["requests_per_second"] / at_1000["profile"]["requests_per_second"], 2
        ),
    }


if __name__ == "__main__":
    if "--inner" in sys.argv:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(inner()))
    else:
        print(json.dumps(run(), ensure_ascii=False, indent=2))
