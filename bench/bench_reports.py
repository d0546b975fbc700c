"""Reports: the dashboard's figures and the annual report (PDF + XLSX) for one year of
100,000 consultations, 10,000 applications and 5,000 beneficiaries. Seeded with bulk_create
into a throwaway SQLite file and, when reachable, a dedicated PostgreSQL database that is
created and dropped here. Each database runs in its own subprocess, bounded in time."""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/test")
PG_DB = "bench_reports"
CONSULTATIONS, APPLICATIONS, BENEFICIARIES = 100_000, 10_000, 5_000
MEISTERS, PROGRAMS, SURVEYS, RESERVATIONS = 50, 20, 20_000, 2_000


def _timed(function):
    started = time.perf_counter()
    value = function()
    return value, round(time.perf_counter() - started, 3)


def _seed(year: int) -> None:
    from datetime import date, datetime, time, timedelta

    from django.utils import timezone

    from meisterhub.accounts.models import User
    from meisterhub.companies.models import Company, Industry
    from meisterhub.consultations.models import Booking, SatisfactionSurvey
    from meisterhub.facilities.models import Facility, Reservation
    from meisterhub.meisters.models import Field, Meister
    from meisterhub.programs.models import Application, Beneficiary, Call, OutcomeReport, Program

    tz = timezone.get_current_timezone()
    first = datetime.combine(date(year, 1, 1), time(9), tz)
    industry, _ = Industry.objects.get_or_create(code="29", defaults={"name": "기계"})
    staff = User.objects.create(username="bench-staff", role="staff", full_name="운영자",
                                is_staff=True)
    companies = Company.objects.bulk_create(
        [Company(name=f"벤치기업{n}", brn=f"{n:010d}", representative="대표", industry=industry,
                 district="seongsan", address="창원", employees=10) for n in range(APPLICATIONS)],
        batch_size=2000)
    fields = list(Field.objects.values_list("code", flat=True))
    meisters = Meister.objects.bulk_create(
        [Meister(roster_id=f"B{n:03d}", name=f"마이스터{n}", title="기술사")
         for n in range(MEISTERS)])
    # Slots 4 hours apart per meister: no two active bookings overlap.
    bookings = Booking.objects.bulk_create(
        [Booking(meister=meisters[i % MEISTERS], company=companies[i % APPLICATIONS],
                 field_id=fields[i % len(fields)], place="카페",
                 channel="walk_in" if i % 10 == 0 else "reservation",
                 starts_at=first + timedelta(hours=4 * (i // MEISTERS)),
                 ends_at=first + timedelta(hours=4 * (i // MEISTERS) + 1),
                 status="cancelled" if i % 25 == 0 else "completed")
         for i in range(CONSULTATIONS)], batch_size=5000)
    SatisfactionSurvey.objects.bulk_create(
        [SatisfactionSurvey(booking=b, score=1 + n % 5, respondent=staff)
         for n, b in enumerate(bookings[:SURVEYS])], batch_size=5000)
    rooms = Facility.objects.bulk_create(
        [Facility(center="startup", kind="meeting_room", name=f"회의실{n}", capacity=10)
         for n in range(10)])
    Reservation.objects.bulk_create(
        [Reservation(facility=rooms[n % 10], user=staff, headcount=5, purpose="회의",
                     status="confirmed",
                     starts_at=first + timedelta(hours=3 * (n // 10)),
                     ends_at=first + timedelta(hours=3 * (n // 10) + 2),
                     blocked_from=first + timedelta(hours=3 * (n // 10)),
                     blocked_until=first + timedelta(hours=3 * (n // 10) + 2))
         for n in range(RESERVATIONS)], batch_size=5000)
    areas = ["enterprise", "workforce", "hydrogen", "export", "startup_jobs"]
    programs = Program.objects.bulk_create(
        [Program(area=areas[n % len(areas)], name=f"벤치사업{n}", year=year)
         for n in range(PROGRAMS)])
    calls = Call.objects.bulk_create(
        [Call(program=p, title=f"{p.name} 공고", budget=100_000_000 * (n + 1),
              opens_at=first, closes_at=first + timedelta(days=30))
         for n, p in enumerate(programs)])
    Application.objects.bulk_create(
        [Application(call=calls[n % PROGRAMS], company=c, applicant=staff,
                     status="selected" if n < BENEFICIARIES else "not_selected",
                     submitted_at=first) for n, c in enumerate(companies)], batch_size=5000)
    Beneficiary.objects.bulk_create(
        [Beneficiary(program=programs[n % PROGRAMS], company=companies[n], year=year)
         for n in range(BENEFICIARIES)], batch_size=5000)
    OutcomeReport.objects.bulk_create(
        [OutcomeReport(company=companies[n], year=y, export_amount=1_000_000 * (n + y - year + 2),
                       employees=10 + (y - year), production_amount=5_000_000 * (n + 1))
         for n in range(BENEFICIARIES) for y in (year - 1, year)], batch_size=5000)


def worker() -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from meisterhub.accounts.models import User
    from meisterhub.reports.figures import annual_figures
    from meisterhub.reports.models import ReportJob
    from meisterhub.reports.services import run_report_job

    call_command("migrate", verbosity=0)
    year = timezone.localdate().year - 1
    _, seed_seconds = _timed(lambda: _seed(year))
    annual_figures(year)  # warm caches (content types, fonts are not involved)
    queries = []
    with connection.execute_wrapper(lambda run, sql, *args: queries.append(sql) or run(sql, *args)):
        figures, figures_seconds = _timed(lambda: annual_figures(year))
    _, area_seconds = _timed(lambda: annual_figures(year, "export"))
    client = Client()
    client.force_login(User.objects.get(username="bench-staff"))
    client.get("/reports/", {"year": year - 1}, HTTP_HOST="localhost")  # first request: imports
    response, page_seconds = _timed(lambda: client.get("/reports/", {"year": year},
                                                             HTTP_HOST="localhost"))
    job = ReportJob.objects.create(year=year)
    job, report_seconds = _timed(lambda: run_report_job(job.pk))
    consultations = next(s for s in figures["sections"] if s["id"] == "consultations")
    return {
        "seed_seconds": seed_seconds,
        "dashboard_figures_seconds": figures_seconds,
        "dashboard_figures_queries": len(queries),
        "dashboard_figures_one_area_seconds": area_seconds,
        "dashboard_page_seconds": page_seconds,
        "dashboard_page_status": response.status_code,
        "annual_report_pdf_xlsx_seconds": report_seconds,
        "annual_report_status": job.status,
        "pdf_bytes": job.pdf_file.size if job.pdf_file else 0,
        "consultations_counted": consultations["kpis"][0]["value"],
    }


def _start_worker(database_url: str, media: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url, "MEDIA_ROOT": media,
           "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DEBUG": "false",
           "TWO_FACTOR_REQUIRED": "false",
           "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    return subprocess.Popen([sys.executable, __file__, "--worker"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _result(process: subprocess.Popen) -> dict:
    try:
        out, err = process.communicate(timeout=170)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return {"error": "timed out after 170 s"}
    if process.returncode:
        return {"error": err[-1500:]}
    return json.loads(out.strip().splitlines()[-1])


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL.replace("postgres://", "postgresql://", 1), autocommit=True,
                         connect_timeout=3) as conn:
        conn.execute(sql)


def run() -> dict:
    results = {"consultations": CONSULTATIONS, "applications": APPLICATIONS,
               "beneficiaries": BENEFICIARIES}
    with tempfile.TemporaryDirectory() as tmp:
        # Both databases side by side (one core each), so the whole run stays under 3 minutes.
        lite = _start_worker(f"sqlite:///{tmp}/bench.sqlite3", f"{tmp}/media")
        try:
            _pg(f"DROP DATABASE IF EXISTS {PG_DB}")
            _pg(f"CREATE DATABASE {PG_DB}")
        except Exception as error:  # PostgreSQL not reachable: report SQLite alone
            results["sqlite"] = _result(lite)
            results["postgresql"] = {"skipped": f"PostgreSQL unreachable: {error}"}
            return results
        try:
            pg = _start_worker(PG_URL.rsplit("/", 1)[0] + f"/{PG_DB}", f"{tmp}/media-pg")
            results["sqlite"], results["postgresql"] = _result(lite), _result(pg)
        finally:
            _pg(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
    lite, pg = results["sqlite"], results["postgresql"]
    if "dashboard_figures_seconds" in lite and "dashboard_figures_seconds" in pg:
        results["postgresql_vs_sqlite_figures_time"] = round(
            pg["dashboard_figures_seconds"] / max(lite["dashboard_figures_seconds"], 0.001), 2)
    return results


if __name__ == "__main__":
    if "--worker" in sys.argv:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(worker()))
    else:
        print(json.dumps(run(), ensure_ascii=False, indent=2))
