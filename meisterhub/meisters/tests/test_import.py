import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from meisterhub.core.models import History
from meisterhub.meisters.models import Meister

SHARED_ROSTER = (
    Path(__file__).resolve().parents[4] / "shared" / "bench" / "matching" / "experts.jsonl"
)

ROW = {
    "id": "X001",
    "name": "김용접",
    "title": "기술사",
    "fields": ["WELD", "NDT"],
    "career": "조선소 용접 30년",
    "keywords": ["TIG", "WPS"],
    "days": ["월", "수"],
}


def write_jsonl(path: Path, rows) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def test_jsonl_import_creates_then_updates_by_id(tmp_path, taxonomy):
    file = write_jsonl(
        tmp_path / "m.jsonl", [ROW, {**ROW, "id": "X002", "name": "박열처리", "fields": ["HEAT"]}]
    )
    call_command("import_meisters", str(file))
    assert Meister.objects.count() == 2
    meister = Meister.objects.get(roster_id="X001")
    assert [f.code for f in meister.ordered_fields] == ["WELD", "NDT"]
    assert meister.weekdays == "02"

    write_jsonl(file, [{**ROW, "title": "명장", "fields": ["NDT"]}])
    call_command("import_meisters", str(file))
    meister.refresh_from_db()
    assert Meister.objects.count() == 2
    assert meister.title == "명장"
    assert [f.code for f in meister.ordered_fields] == ["NDT"]
    update = History.objects.filter(action="meisters.meister.updated").get()
    assert update.changes["title"] == ["기술사", "명장"]
    assert update.changes["fields"] == [["WELD", "NDT"], ["NDT"]]


def test_bad_rows_are_all_reported_and_nothing_is_imported(tmp_path, taxonomy, capsys):
    rows = [
        ROW,
        {**ROW, "id": "X002", "fields": ["WELDING"]},
        {**ROW, "id": "X001"},
        {"id": "X003", "name": "", "title": "기술사", "fields": ["WELD"]},
    ]
    file = write_jsonl(tmp_path / "bad.jsonl", rows)
    with file.open("a", encoding="utf-8") as handle:
        handle.write("\n{broken json\n")
    with pytest.raises(CommandError, match="아무것도 가져오지 않았습니다"):
        call_command("import_meisters", str(file))
    errors = capsys.readouterr().err
    assert "2행: 알 수 없는 전문분야 코드: WELDING" in errors
    assert "3행: ID X001가 1행과 중복됩니다" in errors
    assert "4행: 필수 항목이 비어 있습니다: name" in errors
    assert "5행: JSON 형식 오류" in errors
    assert Meister.objects.count() == 0


def test_skip_invalid_imports_only_the_good_rows(tmp_path, taxonomy):
    file = write_jsonl(tmp_path / "m.jsonl", [ROW, {**ROW, "id": "X002", "fields": ["NOPE"]}])
    call_command("import_meisters", str(file), "--skip-invalid")
    assert list(Meister.objects.values_list("roster_id", flat=True)) == ["X001"]


def test_csv_with_wrong_encoding_is_refused(tmp_path, taxonomy):
    file = tmp_path / "m.csv"
    file.write_bytes("id,name,title,fields\nX001,김용접,기술사,WELD\n".encode("cp949"))
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("import_meisters", str(file))
    assert Meister.objects.count() == 0


def test_csv_with_missing_columns_is_refused(tmp_path, taxonomy):
    file = tmp_path / "m.csv"
    file.write_text("id,name,fields\nX001,김용접,WELD\n", encoding="utf-8")
    with pytest.raises(CommandError, match="필수 열이 없습니다: title"):
        call_command("import_meisters", str(file))


def test_csv_and_xlsx_use_semicolon_lists(tmp_path, taxonomy):
    csv_file = tmp_path / "m.csv"
    csv_file.write_text(
        "id,name,title,fields,keywords,days\nC001,이주조,기능장,CAST;MATL,사형;기공,화;목\n",
        encoding="utf-8-sig",
    )
    call_command("import_meisters", str(csv_file))
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["id", "name", "title", "fields", "keywords", "days", "active"])
    sheet.append(["X101", "최금형", "명장", "MOLD", "사출;게이트", "금", "아니오"])
    workbook.save(tmp_path / "m.xlsx")
    call_command("import_meisters", str(tmp_path / "m.xlsx"))
    cast = Meister.objects.get(roster_id="C001")
    assert (cast.keywords, cast.weekdays) == (["사형", "기공"], "13")
    mold = Meister.objects.get(roster_id="X101")
    assert mold.is_active is False and [f.code for f in mold.ordered_fields] == ["MOLD"]


def test_unknown_file_type_is_refused(tmp_path, taxonomy):
    file = tmp_path / "m.txt"
    file.write_text("x")
    with pytest.raises(CommandError, match="지원하지 않는 파일 형식"):
        call_command("import_meisters", str(file))


@pytest.mark.skipif(not SHARED_ROSTER.exists(), reason="the shared roster sits beside the repo")
def test_the_shared_roster_loads_all_seventy_and_reimport_never_duplicates(tmp_path, taxonomy):
    roster = shutil.copy(SHARED_ROSTER, tmp_path / "experts.jsonl")
    call_command("import_meisters", roster)
    call_command("import_meisters", roster)
    assert Meister.objects.count() == 70
    assert Meister.objects.get(roster_id="E001").ordered_fields[0].code == "WELD"
