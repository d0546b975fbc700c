import csv
import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from meisterhub.companies.models import Company
from meisterhub.companies.tests.factories import valid_brn
from meisterhub.core.errors import DomainError
from meisterhub.core.models import PersonalDataAccess
from meisterhub.meisters.models import Meister
from meisterhub.reports.exporting import export_data
from meisterhub.reports.importing import run_import
from meisterhub.reports.importing.rows import WORKER_COLUMNS
from meisterhub.reports.models import SkilledWorker

from .factories import make_worker

TODAY = timezone.localdate()
WORKER_HEADER = [h for _, h in WORKER_COLUMNS]


def csv_upload(header, rows, name="data.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8-sig"), "text/csv")


def xlsx_upload(header, rows, name="data.xlsx"):
    book = Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def worker_row(name, phone, *, birth="1968", given=None, expires=None, purpose="DB 등록"):
    given = given or (TODAY - timedelta(days=10)).isoformat()
    expires = expires or (TODAY + timedelta(days=700)).isoformat()
    return [name, birth, phone, "", "seongsan", "WELD;CAST", "용접기능장(2014)", "25",
            "예", "아니오", given, purpose, expires]


BAD_WORKERS = [
    worker_row("김정상", "010-1111-2222"),
    worker_row("이연도", "010-1111-3333", birth="천구백"),                       # wrong type
    worker_row("박동의", "010-1111-4444", purpose=""),                          # no consent
    worker_row("최만료", "010-1111-5555", expires=(TODAY - timedelta(days=1)).isoformat()),
    worker_row("김정상", "01011112222"),                                         # same person
]


def test_bad_workers_file_saves_nothing_and_lists_each_row(taxonomy, staff_user):
    outcome = run_import(actor=staff_user, kind="workers", upload=csv_upload(WORKER_HEADER, BAD_WORKERS))
    assert outcome.imported == 0 and outcome.rows == 5
    assert [line for line, _ in outcome.errors] == [3, 4, 5, 6]
    messages = dict(outcome.errors)
    assert "출생연도은(는) 숫자여야 합니다" in messages[3]
    assert "동의" in messages[4] and "등록할 수 없습니다" in messages[4]
    assert "만료" in messages[5]
    assert "2행과 같은 대상" in messages[6]
    assert SkilledWorker.objects.count() == 0


def test_only_good_rows_when_chosen(taxonomy, staff_user):
    make_worker(staff_user, name="기존인", birth_year=1968, phone="010-9999-0000")
    rows = [*BAD_WORKERS, worker_row("기존인", "010-9999-0000")]
    outcome = run_import(actor=staff_user, kind="workers",
                         upload=xlsx_upload(WORKER_HEADER, rows), only_good_rows=True)
    assert outcome.imported == 1
    assert "이미 등록된 사람입니다" in dict(outcome.errors)[7]
    worker = SkilledWorker.objects.get(name="김정상")
    assert worker.phone == "+821011112222"
    assert sorted(worker.fields.values_list("code", flat=True)) == ["CAST", "WELD"]
    assert worker.certificates.get().level == "master_craftsman"


def test_companies_import_with_row_errors(db, staff_user):
    from meisterhub.companies.models import Industry

    Industry.objects.get_or_create(code="29", defaults={"name": "기타 기계 및 장비 제조업"})
    header = ["사업자등록번호", "기업명", "대표자", "업종코드", "기업규모", "기업유형", "소재지", "주소",
              "대표전화", "근로자수"]
    good = [valid_brn(9001), "한빛정공", "홍길동", "29", "중소기업", "sme", "창원시 성산구",
            "창원시 성산구 1", "055-123-4567", "35"]
    wrong = valid_brn(9003)[:9] + str((int(valid_brn(9003)[9]) + 1) % 10)
    rows = [good, [wrong, "오류기업", "김", "29", "", "", "seongsan", "주소", "", "3"],
            [valid_brn(9002), "숫자아님", "이", "29", "", "", "seongsan", "주소", "", "서른"]]
    outcome = run_import(actor=staff_user, kind="companies", upload=csv_upload(header, rows))
    assert outcome.imported == 0 and Company.objects.count() == 0
    assert [line for line, _ in outcome.errors] == [3, 4]
    assert "검증번호" in outcome.errors[0][1] and "근로자수" in outcome.errors[1][1]
    outcome = run_import(actor=staff_user, kind="companies", upload=csv_upload(header, rows),
                         only_good_rows=True)
    company = Company.objects.get()
    assert (outcome.imported, company.name, company.district, company.employees) == (
        1, "한빛정공", "seongsan", 35)


def test_meisters_round_trip_through_export(taxonomy, staff_user):
    from meisterhub.meisters.tests.factories import make_meister

    make_meister(fields=("WELD", "CAST"), name="김용접", roster_id="E100")
    name, _, content = export_data(actor=staff_user, kind="meisters", file_format="csv")
    Meister.objects.all().delete()
    upload = SimpleUploadedFile(name, content)
    outcome = run_import(actor=staff_user, kind="meisters", upload=upload)
    assert (outcome.imported, outcome.errors) == (1, [])
    assert list(Meister.objects.get(roster_id="E100").fields.order_by("meister_links__order")
                .values_list("code", flat=True)) == ["WELD", "CAST"]


def test_exports_mask_unless_asked_and_log_the_full_export(taxonomy, staff_user):
    make_worker(staff_user, name="가나다", phone="010-4321-8765", email="ganada@example.kr")
    make_worker(staff_user, name="만료자", consent_given_on=TODAY - timedelta(days=400),
                consent_expires_on=TODAY + timedelta(days=1))
    SkilledWorker.objects.filter(name="만료자").update(consent_expires_on=TODAY)
    _, _, content = export_data(actor=staff_user, kind="workers", file_format="xlsx")
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert rows[0] == tuple(WORKER_HEADER)
    assert [r[0] for r in rows[1:]] == ["가나다"]  # expired consent is not exported
    assert rows[1][2] == "010-****-8765" and rows[1][3] == "ga****@example.kr"
    assert PersonalDataAccess.objects.count() == 0
    with pytest.raises(DomainError, match="사유"):
        export_data(actor=staff_user, kind="workers", file_format="csv", unmasked=True)
    _, _, content = export_data(actor=staff_user, kind="workers", file_format="csv",
                                unmasked=True, reason="멘토 모집 안내")
    assert "010-4321-8765" in content.decode("utf-8-sig")
    access = PersonalDataAccess.objects.get()
    assert (access.fields, access.reason) == (["phone", "email"], "[내보내기] 멘토 모집 안내")


def test_pages_are_staff_only_and_show_row_errors(client, taxonomy, staff_user, member_a):
    client.force_login(member_a)
    assert client.get(reverse("reports:transfer")).status_code == 403
    assert client.post(reverse("reports:export"), {"kind": "companies", "format": "csv"}
                       ).status_code == 403
    client.force_login(staff_user)
    response = client.post(reverse("reports:import"), {
        "kind": "workers", "file": csv_upload(WORKER_HEADER, BAD_WORKERS)})
    html = response.content.decode()
    assert response.status_code == 200  # the preview, which saves nothing
    assert "아직 아무것도 저장하지 않았습니다" in html and "4행" in html
    confirm = reverse("reports:import_confirm", args=[response.context["staged"].pk])
    response = client.post(confirm, {"digest": response.context["plan"].digest})
    assert response.status_code == 400
    assert "아무것도 저장하지 않았습니다" in response.content.decode()
    assert SkilledWorker.objects.count() == 0
    response = client.post(reverse("reports:import"), {
        "kind": "workers", "file": SimpleUploadedFile("x.xlsx", b"not a zip")})
    assert response.status_code == 400 and "엑셀(XLSX) 파일이 아닙니다" in response.content.decode()
    response = client.post(reverse("reports:export"), {"kind": "companies", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["X-Content-Type-Options"] == "nosniff"
