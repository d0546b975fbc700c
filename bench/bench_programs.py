"""Support programs: ranking and selection of a call with 2,000 applications scored by 7
evaluators each, and the beneficiary growth computation over 5,000 beneficiaries with 5 years
of figures. Each is set beside a naive per-application / in-Python version for a ratio.
Runs in a subprocess on its own SQLite database so that it never touches real data."""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPLICATIONS, EVALUATORS, BENEFICIARIES, YEARS = 2_000, 7, 5_000, 5


def run() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DEBUG": "false",
               "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
               "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend"}
        out = subprocess.run([sys.executable, __file__, "--inner"], env=env, cwd=ROOT,
                             capture_output=True, text=True, check=True, timeout=170)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _timed(function):
    started = time.perf_counter()
    value = function()
    return value, round(time.perf_counter() - started, 3)


def _companies(count: int):
    from meisterhub.companies.models import Company, Industry

    industry, _ = Industry.objects.get_or_create(code="29", defaults={"name": "기계"})
    start = Company.objects.count()
    Company.objects.bulk_create(
        Company(name=f"벤치기업{n}", brn=f"{n:010d}", representative="대표", industry=industry,
                district="seongsan", address="창원", employees=5 + n % 200)
        for n in range(start, start + count))
    return list(Company.objects.order_by("-pk")[:count])


def _build_call(rng):
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from meisterhub.accounts.models import User
    from meisterhub.programs.models import Application, Assignment, Call, Criterion, Program, Score

    now = timezone.now()
    program = Program.objects.create(area="enterprise", name="벤치 사업", year=now.year)
    call = Call.objects.create(program=program, title="벤치 공고", selection_count=100,
                               opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=1))
    criteria = [Criterion.objects.create(call=call, name=f"항목{i}", weight=w, max_score=10)
                for i, w in enumerate((40, 35, 25))]
    staff = User.objects.create(username="bench-staff", role="staff", full_name="운영자")
    evaluators = User.objects.bulk_create(
        User(username=f"bench-eval{i}", role="evaluator", full_name=f"평가{i}")
        for i in range(EVALUATORS))
    companies = _companies(APPLICATIONS)
    applications = Application.objects.bulk_create(
        Application(call=call, company=c, applicant=staff, status="evaluation",
                    plan_summary="계획", submitted_at=now - timedelta(days=2, seconds=i))
        for i, c in enumerate(companies))
    assignments, scores = [], []
    for application in applications:
        for evaluator in evaluators:
            values = [Decimal(rng.randint(4, 10)) for _ in criteria]
            total = sum(v / 10 * c.weight for v, c in zip(values, criteria, strict=True))
            assignment = Assignment(application=application, evaluator=evaluator,
                                    assigned_by=staff, submitted_at=now,
                                    total=Decimal(total).quantize(Decimal("0.01")))
            assignments.append((assignment, values))
    Assignment.objects.bulk_create([a for a, _ in assignments], batch_size=2000)
    for assignment, values in assignments:
        scores += [Score(assignment=assignment, criterion=c, value=v)
                   for c, v in zip(criteria, values, strict=True)]
    Score.objects.bulk_create(scores, batch_size=5000)
    return call, staff


def _naive_rank(call):
    """What the page would do without care: queries per application."""
    from meisterhub.programs.ranking import final_score

    result = []
    for application in call.applications.all():
        totals = list(application.assignments.values_list("total", flat=True))
        result.append((final_score(totals, call.trim_extremes_min_evaluators), application.pk))
    return sorted(result, reverse=True)


def _build_outcomes(rng):
    from meisterhub.programs.models import Beneficiary, OutcomeReport, Program

    last = 2024
    programs = [Program.objects.create(area="export", name=f"성과 사업{i}", year=year)
                for year in range(last - YEARS + 2, last + 1) for i in range(5)]
    companies = _companies(BENEFICIARIES)
    Beneficiary.objects.bulk_create(
        Beneficiary(program=programs[i % len(programs)], company=c,
                    year=programs[i % len(programs)].year) for i, c in enumerate(companies))
    reports = []
    for company in companies:
        export, employees, production = rng.randint(10**8, 10**10), rng.randint(5, 300), \
            rng.randint(10**9, 10**11)
        for year in range(last - YEARS + 1, last + 1):
            reports.append(OutcomeReport(company=company, year=year, export_amount=export,
                                         employees=employees, production_amount=production))
            export = int(export * rng.uniform(0.95, 1.2))
            employees = max(1, employees + rng.randint(-3, 8))
            production = int(production * rng.uniform(0.97, 1.1))
    OutcomeReport.objects.bulk_create(reports, batch_size=5000)
    return last


def _python_growth(year):
    from meisterhub.programs.models import Beneficiary, OutcomeReport

    companies = set(Beneficiary.objects.filter(year=year).values_list("company_id", flat=True))
    rows = {}
    for company_id, y, export in OutcomeReport.objects.filter(
            year__in=[year - 1, year]).values_list("company_id", "year", "export_amount"):
        if company_id in companies:
            rows.setdefault(company_id, {})[y] = export
    both = [r for r in rows.values() if len(r) == 2]
    before, after = sum(r[year - 1] for r in both), sum(r[year] for r in both)
    return round((after - before) * 100 / before, 2)


def inner() -> dict:
    import random

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meisterhub.programs.ranking import rank_call
    from meisterhub.programs.selectors import beneficiary_growth
    from meisterhub.programs.services import select_applications

    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    (call, staff), setup_call = _timed(lambda: _build_call(rng))
    with CaptureQueriesContext(connection) as queries:
        ranked, rank_seconds = _timed(lambda: rank_call(call))
    _, naive_seconds = _timed(lambda: _naive_rank(call))
    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import pstats
        profiler = cProfile.Profile()
        profiler.enable()
    selected, select_seconds = _timed(lambda: select_applications(actor=staff, call=call))
    if os.environ.get("BENCH_PROFILE"):
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    year, setup_outcomes = _timed(lambda: _build_outcomes(rng))
    growth, growth_seconds = _timed(lambda: beneficiary_growth(year))
    by_year, all_years_seconds = _timed(
        lambda: [beneficiary_growth(y) for y in range(year - YEARS + 2, year + 1)])
    python_export, python_seconds = _timed(lambda: _python_growth(year))
    assert str(growth["export"]["growth"]) == f"{python_export:.2f}"
    return {
        "database": connection.vendor,
        "ranking": {
            "applications": APPLICATIONS, "evaluators_each": EVALUATORS,
            "rank_seconds": rank_seconds, "rank_queries": len(queries),
            "naive_per_application_seconds": naive_seconds,
            "naive_over_one_pass": round(naive_seconds / max(rank_seconds, 1e-6), 1),
            "select_applications_seconds": select_seconds, "selected": len(selected),
            "ranked": len(ranked), "setup_seconds": setup_call,
        },
        "growth": {
            "beneficiaries": BENEFICIARIES, "years_of_figures": YEARS,
            "companies_in_year": growth["companies"],
            "growth_seconds": growth_seconds,
            "growth_every_year_seconds": all_years_seconds,
            "python_loop_seconds": python_seconds,
            "python_over_sql": round(python_seconds / max(growth_seconds, 1e-6), 1),
            "export_growth_percent": float(growth["export"]["growth"]),
            "setup_seconds": setup_outcomes, "years_computed": len(by_year),
        },
    }


if __name__ == "__main__" and "--inner" in sys.argv:
    sys.path.insert(0, str(ROOT))
    print(json.dumps(inner()))
