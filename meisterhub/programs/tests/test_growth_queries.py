"""The public outcomes page's table of growth per program: the same figures as
beneficiary_growth(year, program), in a fixed number of queries for any number of programs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meisterhub.companies.tests.factories import CompanyFactory
from meisterhub.programs.models import Beneficiary, OutcomeReport, Program
from meisterhub.programs.selectors import beneficiary_growth, growth_by_program

pytestmark = pytest.mark.django_db


def _programs(n: int) -> None:
    """n programs of 2024, each with a company that reported both years, one that reported
    only 2024 (left out), and a company that is a beneficiary of two of them."""
    shared = CompanyFactory()
    OutcomeReport.objects.create(company=shared, year=2023, export_amount=50, employees=5,
                                 production_amount=500)
    OutcomeReport.objects.create(company=shared, year=2024, export_amount=70, employees=6,
                                 production_amount=400)
    for i in range(n):
        program = Program.objects.create(area="export", name=f"수출 바우처 {n}-{i}", year=2024)
        both, only_now = CompanyFactory(), CompanyFactory()
        for company in (both, only_now):
            Beneficiary.objects.create(program=program, company=company, year=2024)
        if i < 2:
            Beneficiary.objects.create(program=program, company=shared, year=2024)
        OutcomeReport.objects.create(company=both, year=2023, export_amount=100 + i,
                                     employees=10, production_amount=1000)
        OutcomeReport.objects.create(company=both, year=2024, export_amount=120 + 2 * i,
                                     employees=12 + i, production_amount=900)
        OutcomeReport.objects.create(company=only_now, year=2024, export_amount=999,
                                     employees=99, production_amount=999)


def _queries_of_growth_by_program() -> tuple[int, list]:
    with CaptureQueriesContext(connection) as ctx:
        rows = growth_by_program(2024)
    return len(ctx.captured_queries), rows


def test_growth_by_program_costs_the_same_for_three_times_the_programs():
    _programs(2)
    few, rows = _queries_of_growth_by_program()
    assert len(rows) == 2
    _programs(4)
    many, rows = _queries_of_growth_by_program()
    assert len(rows) == 6
    assert many == few
    # The figures are those of the one-program selector, program by program.
    for program, growth in rows:
        assert growth == beneficiary_growth(2024, program), program.name
    assert [g["companies"] for _, g in rows].count(2) == 4  # the shared company counts twice
