"""Imports that can update by natural key, report rows in line order and preview before saving.

Real CSV and XLSX files, through the service and through the views.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.companies.models import Company
from meisterhub.companies.tests.factories import CompanyFactory, valid_brn
from meisterhub.core.history import history_of
from meisterhub.core.models import History
from meisterhub.meisters.models import Meister
from meisterhub.programs.models import OutcomeReport
from meisterhub.reports.importing import preview_import, run_import
from meisterhub.reports.models import SkilledWorker, StagedImport

from .factories import make_worker
from .test_transfer import WORKER_HEADER, csv_upload, worker_row, xlsx_upload

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


def company_row(brn, name="한빛정공", *, size="중소기업", employees="35", phone="055-123-4567"):
    return [
        brn,
        name,
        "홍길동",
        "29",
        size,
        "sme",
        "창원시 성산구",
        "창원시 성산구 1",
        phone,
        employees,
    ]


@pytest.fixture
def existing(db):
    return CompanyFactory(
        name="옛이름정공",
        brn=valid_brn(7001),
        size_class="midsize",
        employees=10,
        address="창원시 성산구 1",
        district="seongsan",
        phone="+82551234567",
    )


def business_rows() -> dict:
    return {
        "companies": Company.objects.count(),
        "history": History.objects.count(),
        "workers": SkilledWorker.objects.count(),
    }


def test_update_mode_changes_the_existing_company_and_writes_history(existing, staff_user):
    # 기업규모 left empty: the stored 중견기업 stays (it would otherwise fall back to 중소기업).
    rows = [
        company_row(existing.brn, "새이름정공", size="", employees="42"),
        company_row(valid_brn(7002), "새기업"),
    ]
    outcome = run_import(
        actor=staff_user, kind="companies", upload=csv_upload(HEADER, rows), mode="upsert"
    )
    assert (outcome.created, outcome.updated, outcome.errors) == (1, 1, [])
    existing.refresh_from_db()
    assert (existing.name, existing.employees, existing.size_class) == ("새이름정공", 42, "midsize")
    entry = history_of(existing).get(action="companies.company.updated")
    assert entry.actor == staff_user
    assert entry.changes == {
        "name": ["옛이름정공", "새이름정공"],
        "employees": [10, 42],
        "updated_at": entry.changes["updated_at"],
    }
    summary = History.objects.get(action="reports.import.companies")
    assert summary.changes == {"mode": "upsert", "created": 1, "updated": 1, "skipped_rows": 0}


def test_insert_only_mode_refuses_an_existing_company_and_changes_nothing(existing, staff_user):
    rows = [company_row(valid_brn(7002), "새기업"), company_row(existing.brn, "새이름정공")]
    before = business_rows()
    outcome = run_import(actor=staff_user, kind="companies", upload=xlsx_upload(HEADER, rows))
    assert outcome.imported == 0
    [error] = outcome.row_errors
    assert (error.line, error.column) == (3, "사업자등록번호")
    assert "이미 등록된 사업자등록번호" in error.message and "있으면 고친다" in error.message
    assert business_rows() == before
    existing.refresh_from_db()
    assert existing.name == "옛이름정공"


def test_errors_come_in_line_order_with_their_column(existing, staff_user):
    """Line 2 is refused only once the database is asked (it exists), line 5 and 9 by their
    cells: the database's answer must not go to the end of the list."""
    wrong_check = valid_brn(7010)[:9] + str((int(valid_brn(7010)[9]) + 1) % 10)
    rows = [
        company_row(existing.brn, "있는기업"),  # line 2
        company_row(valid_brn(7011), "가"),
        company_row(valid_brn(7012), "나"),
        company_row(wrong_check, "검증오류"),  # line 5
        company_row(valid_brn(7013), "다"),
        company_row(valid_brn(7014), "라"),
        company_row(valid_brn(7015), "마"),
        company_row(valid_brn(7016), "숫자오류", employees="서른"),
    ]  # line 9
    for upload in (csv_upload(HEADER, rows), xlsx_upload(HEADER, rows)):
        plan = preview_import(actor=staff_user, kind="companies", upload=upload)
        assert [(e.line, e.column) for e in plan.errors] == [
            (2, "사업자등록번호"),
            (5, "사업자등록번호"),
            (9, "근로자수"),
        ]
        assert "검증번호" in plan.errors[1].message and "숫자" in plan.errors[2].message
        assert [r.line for r in plan.rows] == list(range(2, 10))


def test_the_preview_says_per_row_what_would_happen_and_writes_nothing(existing, staff_user):
    same = CompanyFactory(
        name="그대로정공",
        brn=valid_brn(7020),
        employees=35,
        address="창원시 성산구 1",
        district="seongsan",
        phone="+82551234567",
    )
    rows = [
        company_row(existing.brn, "새이름정공"),
        company_row(same.brn, "그대로정공"),
        company_row(valid_brn(7021), "새기업"),
        company_row("123", "틀린번호"),
    ]
    before = business_rows()
    plan = preview_import(
        actor=staff_user, kind="companies", upload=csv_upload(HEADER, rows), mode="upsert"
    )
    assert business_rows() == before
    assert [(r.line, r.action_label) for r in plan.rows] == [
        (2, "변경"),
        (3, "변경 없음"),
        (4, "추가"),
        (5, "오류"),
    ]
    changes = {(c.label, c.old, c.new) for c in plan.rows[0].changes}
    assert changes == {
        ("기업명", "옛이름정공", "새이름정공"),
        ("기업규모", "중견기업", "중소기업"),
        ("근로자수", "10", "35"),
    }
    assert plan.counts == {"추가": 1, "변경": 1, "변경 없음": 1, "오류": 1}


def test_upload_previews_and_confirm_saves_through_the_views(client, existing, staff_user):
    client.force_login(staff_user)
    rows = [company_row(existing.brn, "새이름정공"), company_row(valid_brn(7031), "새기업")]
    before = business_rows()
    response = client.post(
        reverse("reports:import"),
        {"kind": "companies", "mode": "upsert", "file": xlsx_upload(HEADER, rows)},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "기업명: 옛이름정공 → 새이름정공" in html and "추가" in html
    assert business_rows() == before  # only the staged file was kept
    staged = StagedImport.objects.get()
    assert (staged.created_by, staged.mode, staged.kind) == (staff_user, "upsert", "companies")
    confirm = reverse("reports:import_confirm", args=[staged.pk])
    assert client.get(confirm).status_code == 405  # a GET never writes

    response = client.post(confirm, {"digest": response.context["plan"].digest})
    assert response.status_code == 200
    assert "추가 1, 변경 1" in response.content.decode()
    existing.refresh_from_db()
    assert existing.name == "새이름정공"
    assert Company.objects.filter(name="새기업").exists()
    assert (
        history_of(existing).filter(action="companies.company.updated", actor=staff_user).count()
        == 1
    )
    staged.refresh_from_db()
    assert staged.confirmed_at is not None and bytes(staged.content) == b""
    assert client.post(confirm, {"digest": "x"}).status_code == 404  # not twice


def test_only_the_uploader_may_confirm(client, existing, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("reports:import"),
        {
            "kind": "companies",
            "mode": "upsert",
            "file": csv_upload(HEADER, [company_row(existing.brn, "새이름정공")]),
        },
    )
    confirm = reverse("reports:import_confirm", args=[StagedImport.objects.get().pk])
    digest = response.context["plan"].digest
    client.force_login(UserFactory(role="staff", is_staff=True, username="other_staff"))
    assert client.post(confirm, {"digest": digest}).status_code == 404
    existing.refresh_from_db()
    assert existing.name == "옛이름정공"


def test_a_record_changed_after_the_preview_is_shown_again_not_saved(client, existing, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("reports:import"),
        {
            "kind": "companies",
            "mode": "upsert",
            "file": csv_upload(HEADER, [company_row(existing.brn, "새이름정공")]),
        },
    )
    digest = response.context["plan"].digest
    Company.objects.filter(pk=existing.pk).update(employees=99)  # someone else, meanwhile
    confirm = reverse("reports:import_confirm", args=[StagedImport.objects.get().pk])
    response = client.post(confirm, {"digest": digest})
    assert response.status_code == 409
    assert "근로자수: 99 → 35" in response.content.decode()
    existing.refresh_from_db()
    assert (existing.name, existing.employees) == ("옛이름정공", 99)
    response = client.post(confirm, {"digest": response.context["plan"].digest})
    existing.refresh_from_db()
    assert (response.status_code, existing.name, existing.employees) == (200, "새이름정공", 35)


def test_only_good_rows_stays_a_choice_at_confirm(client, existing, staff_user):
    client.force_login(staff_user)
    rows = [company_row("123", "틀린번호"), company_row(valid_brn(7041), "새기업")]
    response = client.post(
        reverse("reports:import"), {"kind": "companies", "file": csv_upload(HEADER, rows)}
    )
    digest = response.context["plan"].digest
    confirm = reverse("reports:import_confirm", args=[StagedImport.objects.get().pk])
    assert client.post(confirm, {"digest": digest}).status_code == 400
    assert not Company.objects.filter(name="새기업").exists()
    response = client.post(confirm, {"digest": digest, "only_good_rows": "on"})
    assert response.status_code == 200
    assert Company.objects.filter(name="새기업").exists()


def test_workers_update_by_name_birth_year_and_phone(taxonomy, staff_user):
    worker = make_worker(
        staff_user,
        name="김정상",
        birth_year=1968,
        phone="010-1111-2222",
        district="uichang",
        email="old@example.kr",
    )
    row = worker_row("김정상", "01011112222")  # the same phone, written differently
    row[3] = "new@example.kr"
    refused = run_import(actor=staff_user, kind="workers", upload=csv_upload(WORKER_HEADER, [row]))
    assert "이미 등록된 사람입니다" in refused.errors[0][1]
    plan = preview_import(
        actor=staff_user, kind="workers", upload=csv_upload(WORKER_HEADER, [row]), mode="upsert"
    )
    changes = {c.label: (c.old, c.new) for c in plan.rows[0].changes}
    assert changes["거주지"] == ("창원시 의창구", "창원시 성산구")
    assert changes["이메일"] == ("ol*@example.kr", "ne*@example.kr")  # masked in the preview
    outcome = run_import(
        actor=staff_user, kind="workers", upload=csv_upload(WORKER_HEADER, [row]), mode="upsert"
    )
    assert (outcome.created, outcome.updated) == (0, 1)
    worker.refresh_from_db()
    assert (worker.district, worker.email, worker.years_of_experience) == (
        "seongsan",
        "new@example.kr",
        25,
    )
    assert sorted(worker.fields.values_list("code", flat=True)) == ["CAST", "WELD"]
    entry = history_of(worker).get(action="reports.skilledworker.updated")
    assert entry.changes["email"] == ["***", "***"] and "new@example.kr" not in str(entry.changes)
    assert entry.changes["district"] == ["uichang", "seongsan"]


MEISTER_HEADER = ["id", "name", "title", "fields", "career", "keywords", "days", "active"]


def test_meisters_by_roster_id(taxonomy, staff_user):
    from meisterhub.meisters.tests.factories import make_meister

    make_meister(fields=("WELD",), name="김용접", roster_id="E100", title="기능장")
    rows = [["E100", "김용접", "명장", "WELD;CAST", "", "", "", ""]]
    refused = run_import(actor=staff_user, kind="meisters", upload=csv_upload(MEISTER_HEADER, rows))
    assert refused.row_errors[0].column == "id" and "E100" in refused.row_errors[0].message
    plan = preview_import(
        actor=staff_user, kind="meisters", upload=csv_upload(MEISTER_HEADER, rows), mode="upsert"
    )
    assert {(c.label, c.old, c.new) for c in plan.rows[0].changes} == {
        ("직함", "기능장", "명장"),
        ("전문분야", "WELD", "WELD, CAST"),
    }
    outcome = run_import(
        actor=staff_user, kind="meisters", upload=xlsx_upload(MEISTER_HEADER, rows), mode="upsert"
    )
    assert outcome.updated == 1
    meister = Meister.objects.get(roster_id="E100")
    assert meister.title == "명장" and [f.code for f in meister.ordered_fields] == ["WELD", "CAST"]
    assert history_of(meister).filter(action="meisters.meister.updated").exists()


def test_outcomes_by_brn_and_year(existing, staff_user):
    year = timezone.localdate().year - 1
    OutcomeReport.objects.create(company=existing, year=year, export_amount=100, employees=10)
    header = ["사업자등록번호", "연도", "수출액", "고용인원"]
    rows = [[existing.brn, str(year), "150", "10"]]
    refused = run_import(actor=staff_user, kind="outcomes", upload=csv_upload(header, rows))
    assert refused.row_errors[0].column == "사업자등록번호·연도"
    assert OutcomeReport.objects.get().export_amount == 100
    plan = preview_import(
        actor=staff_user, kind="outcomes", upload=csv_upload(header, rows), mode="upsert"
    )
    assert [(c.label, c.old, c.new) for c in plan.rows[0].changes] == [("수출액(원)", "100", "150")]
    outcome = run_import(
        actor=staff_user, kind="outcomes", upload=csv_upload(header, rows), mode="upsert"
    )
    report = OutcomeReport.objects.get()
    assert (outcome.updated, report.export_amount, report.source) == (1, 150, "import")
    assert history_of(report).get(action="programs.outcome.reported").changes == {
        "export_amount": [100, 150]
    }


def test_a_stale_staged_file_expires(client, existing, staff_user):
    client.force_login(staff_user)
    client.post(
        reverse("reports:import"),
        {"kind": "companies", "file": csv_upload(HEADER, [company_row(valid_brn(7051), "새기업")])},
    )
    staged = StagedImport.objects.get()
    StagedImport.objects.filter(pk=staged.pk).update(created_at=timezone.now() - timedelta(hours=3))
    confirm = reverse("reports:import_confirm", args=[staged.pk])
    assert client.post(confirm, {"digest": "x"}).status_code == 404
    assert not Company.objects.filter(name="새기업").exists()


def test_the_preview_asks_the_database_the_same_number_of_times_for_any_length(db, staff_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(n):
        for i in range(n):
            CompanyFactory(brn=valid_brn(8000 + i))
        rows = [company_row(valid_brn(8000 + i), f"이름{i}") for i in range(n)]
        rows += [company_row(valid_brn(9000 + i), f"새{i}") for i in range(n)]
        with CaptureQueriesContext(connection) as captured:
            preview_import(
                actor=staff_user, kind="companies", upload=csv_upload(HEADER, rows), mode="upsert"
            )
        Company.objects.all().delete()
        return len(captured)

    assert queries(2) == queries(40)
