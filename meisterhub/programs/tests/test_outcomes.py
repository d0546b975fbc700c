import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meisterhub.companies.tests.factories import CompanyFactory
from meisterhub.core.errors import DomainError
from meisterhub.meisters.tests.factories import make_meister
from meisterhub.programs import services
from meisterhub.programs.importing import import_outcomes
from meisterhub.programs.models import Beneficiary, HiddenChampion, OutcomeReport, Program
from meisterhub.programs.selectors import (
    beneficiary_growth,
    champion_progress,
    participation_count,
)

pytestmark = pytest.mark.django_db


def _report(company, year, export, employees, production):
    OutcomeReport.objects.create(company=company, year=year, export_amount=export,
                                 employees=employees, production_amount=production)


def test_growth_over_beneficiaries_with_both_years():
    program = Program.objects.create(area="export", name="수출 바우처", year=2024)
    other = Program.objects.create(area="hydrogen", name="수소 부품", year=2024)
    a, b, only_now, outsider = (CompanyFactory() for _ in range(4))
    for company, prog in ((a, program), (b, other), (only_now, program)):
        Beneficiary.objects.create(program=prog, company=company, year=2024)
    _report(a, 2023, 600_000_000, 40, 700_000)
    _report(a, 2024, 647_940_000, 42, 727_090)
    _report(b, 2023, 400_000_000, 31, 300_000)
    _report(b, 2024, 432_000_000, 33, 311_610)
    _report(only_now, 2024, 999_999_999, 99, 999_999)  # no 2023 figures: left out
    _report(outsider, 2023, 1, 1, 1)
    _report(outsider, 2024, 9, 9, 9)  # not a beneficiary: left out
    growth = beneficiary_growth(2024)
    assert growth["companies"] == 2
    assert growth["export"] == {"previous": 1_000_000_000, "current": 1_079_940_000,
                                "growth": Decimal("7.99")}
    assert growth["employees"] == {"previous": 71, "current": 75, "growth": Decimal("5.63")}
    assert growth["production"]["growth"] == Decimal("3.87")
    per_program = beneficiary_growth(2024, program)
    assert per_program["companies"] == 1
    assert per_program["export"]["growth"] == Decimal("7.99")
    assert beneficiary_growth(2030)["export"]["growth"] is None
    assert participation_count(2024) == 3
    assert participation_count(2024, area="export") == 2


def _csv(text: str, name="outcomes.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8-sig"))


def test_import_reports_every_bad_row_and_imports_nothing(staff_user):
    good = CompanyFactory()
    text = (
        "사업자등록번호,연도,수출액,고용인원,생산액,수출상담액,계약액,MOU\n"
        f"{good.brn},2024,\"1,000\",12,500,0,0,1\n"
        "1234567890,2024,1,1,1,0,0,0\n"
        f"{good.brn},20x4,1,1,1,0,0,0\n"
        f"{good.brn},2023,-5,1,1,0,0,0\n"
        f"{good.brn},2022,많음,1,1,0,0,0\n"
    )
    result = import_outcomes(actor=staff_user, upload=_csv(text))
    assert result.imported == 0
    assert result.errors == [
        (3, "등록되지 않은 사업자등록번호입니다 (1234567890)."),
        (4, "연도를 확인해 주세요 (20x4)."),
        (5, "수출액(원)은 0 이상으로 입력해 주세요 (입력: -5)."),
        (6, "수출액(원)은 숫자로 입력해 주세요 (입력: 많음)."),
    ]
    assert OutcomeReport.objects.count() == 0
    result = import_outcomes(actor=staff_user, upload=_csv(text), only_good_rows=True)
    assert result.imported == 1
    report = OutcomeReport.objects.get()
    assert (report.year, report.export_amount, report.employees, report.mou_count) == (
        2024, 1000, 12, 1)


def test_import_xlsx_and_refuse_fake(staff_user):
    from openpyxl import Workbook

    company = CompanyFactory()
    workbook = Workbook()
    workbook.active.append(["사업자등록번호", "연도", "수출액", "고용인원", "생산액"])
    workbook.active.append([company.brn, 2024, 5000, 7, 9000.0])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = import_outcomes(actor=staff_user,
                             upload=SimpleUploadedFile("o.xlsx", buffer.getvalue()))
    assert (result.imported, result.errors) == (1, [])
    assert OutcomeReport.objects.get().production_amount == 9000
    with pytest.raises(DomainError, match="엑셀\\(XLSX\\) 파일이 아닙니다"):
        import_outcomes(actor=staff_user, upload=SimpleUploadedFile("x.xlsx", b"%PDF-1.4"))


def test_member_reports_only_for_own_beneficiary_company(member_a, company_a, member_b):
    program = Program.objects.create(area="export", name="수출", year=2024)
    Beneficiary.objects.create(program=program, company=company_a, year=2024)
    services.report_outcome(actor=member_a, company=company_a, year=2024,
                            figures={"export_amount": 10, "employees": 3})
    with pytest.raises(DomainError, match="소속된 기업의 성과만"):
        services.report_outcome(actor=member_b, company=company_a, year=2024,
                                figures={"export_amount": 99})
    assert OutcomeReport.objects.get().export_amount == 10


def test_eleventh_hidden_champion_in_a_year_is_refused(staff_user):
    for _ in range(10):
        services.designate_hidden_champion(actor=staff_user, company=CompanyFactory(), year=2024)
    with pytest.raises(DomainError, match="2024년에는 이미 강소기업 10개사를 지정했습니다"):
        services.designate_hidden_champion(actor=staff_user, company=CompanyFactory(), year=2024)
    assert HiddenChampion.objects.filter(year=2024).count() == 10
    services.designate_hidden_champion(actor=staff_user, company=CompanyFactory(), year=2025)
    progress = champion_progress()
    assert progress["by_year"] == [{"year": 2024, "designated": 10, "cumulative": 10},
                                   {"year": 2025, "designated": 1, "cumulative": 11}]
    assert progress["targets"][0] == {"year": 2025, "target": 200, "reached": 11, "share": 5.5}


def test_awards_go_to_companies_or_a_meister(staff_user, company_a, taxonomy):
    meister = make_meister(name="김용접")
    award = services.give_award(actor=staff_user, year=2024, category="best_mentor",
                                meister=meister, title="원장상")
    assert award.recipient == meister
    with pytest.raises(DomainError, match="우수 멘토 부문은 마이스터에게"):
        services.give_award(actor=staff_user, year=2024, category="best_mentor",
                            company=company_a, title="원장상")
    services.give_award(actor=staff_user, year=2024, category="export_support",
                        company=company_a, title="시장상")
