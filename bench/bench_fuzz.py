"""API fuzzing at depth: schemathesis generates at least 5,000 requests in all from the OpenAPI
schema (in-process, against a throwaway SQLite database with the demo data) as nobody, as a
company member, as an evaluator and as staff, and counts server errors and schema violations,
which must both be 0. FUZZ_MIN_CASES changes the total."""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_CASES = int(os.environ.get("FUZZ_MIN_CASES", "5000"))


def run() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "TWO_FACTOR_REQUIRED": "false",
            "DATABASE_URL": f"sqlite:///{tmp}/fuzz.sqlite3",
            "MEDIA_ROOT": f"{tmp}/media",
        }
        out = subprocess.run(
            [sys.executable, __file__, "--inner"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=1800,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def inner() -> dict:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    from meisterhub.accounts.models import User
    from tests.api.test_fuzz import connections_kept_open, fuzz_operation, load_schema, logged_in

    started = time.perf_counter()
    per_operation, failures, total = {}, [], 0
    with connections_kept_open():
        schema = load_schema()
        operations = [result.ok() for result in schema.get_all_operations()]
        # As nobody, then as a company member, an evaluator and staff (sessions with CSRF
        # tokens); operations with few inputs exhaust early, so more random rounds follow
        # until every identity has had its share of the cases.
        identities = [("anonymous", None)] + [
            (name, logged_in(User.objects.get(username=name)))
            for name in ("member1", "evaluator1", "staff")
        ]
        examples = max(20, -(-MIN_CASES // (len(operations) * len(identities))))
        rounds, by_identity = 0, {}
        while total < MIN_CASES and rounds < 4:
            rounds += 1
            for who, auth in identities:
                for operation in operations:
                    label = f"{who}: {operation.method.upper()} {operation.path}"
                    try:
                        ran = fuzz_operation(operation, examples, derandomize=False, auth=auth)
                    except Exception as exc:  # every failing operation is reported
                        failures.append(f"{label}: {str(exc)[:500]}")
                        ran = examples
                    per_operation[label] = per_operation.get(label, 0) + ran
                    by_identity[who] = by_identity.get(who, 0) + ran
                    total += ran
    return {
        "rounds": rounds,
        "operations": len(operations),
        "cases": total,
        "cases_by_identity": by_identity,
        "failures": len(failures),
        "failure_details": failures,
        "seconds": round(time.perf_counter() - started, 1),
    }


if __name__ == "__main__":
    if "--inner" in sys.argv:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(inner(), ensure_ascii=False))
    else:
        print(json.dumps(run(), ensure_ascii=False, indent=2))
