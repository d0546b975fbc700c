
import pytest
from django.utils import timezone

from meisterhub.reports.figures import annual_figures

from .factories import seed_year

YEAR = timezone.localdate().year - 1


def section(figures, section_id):
    return next(s for s in figures["sections"] if s["id"] == section_id)


def kpis(figures, section_id):
    return {k["label"]: k["value"] for k in section(figures, section_id)["kpis"]}


def table(figures, table_id):
    for s in figures["sections"]:
        for t in s["tables"]:
            if t["id"] == table_id:
                return t
    raise KeyError(table_id)


@pytest.fixture
def seeded(taxonomy, staff_user):
    return seed_year(YEAR, staff_user)


def test_figures_of_a_known_year(seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        figures = annual_figures(YEAR)
    assert figures["is_empty"] is False
    assert kpis(figures, "consultations") == {
        "상담 건수": 4, "사전 예약": 3, "현장 방문(워크인)": 1, "만족도 평균(5점)": 4.5,
        "만족도 응답": 2, "현장애로 지원 착수": 0, "현장 방문 지도": 0}
    months = table(figures, "consultations-month")["rows"]
    assert months[2] == ["3월", 2, 0, 2]
    assert months[3] == ["4월", 1, 0, 1]
    assert months[4] == ["5월", 0, 1, 1]
    assert months[5] == ["6월", 0, 0, 0]  # the cancelled booking does not count
    assert table(figures, "consultations-field")["rows"] == [
        ["주조", 2, 0, None], ["용접", 2, 2, 4.5]]
    assert kpis(figures, "mentoring") == {"진행 멘토링": 1, "신규 멘토링": 1, "멘토링 기업": 1,
                                          "참여 멘토": 1, "멘토링 회차": 3}
    assert table(figures, "facilities-room")["rows"] == [["세미나홀", 1, 3.0, 30]]
    assert kpis(figures, "events") == {"행사·교육 회차": 1, "신청자": 3, "참석자": 2}
    assert ["수소산업", 1, 3, 2] in table(figures, "events-area")["rows"]
    assert kpis(figures, "programs")["참여 기업"] == 1
    assert kpis(figures, "programs")["공고 예산 합계(원)"] == 300_000_000
    assert table(figures, "programs-budget")["rows"] == [
        ["수소 부품 실증 지원", "수소산업", 300_000_000, 0, 0, 0]]
    assert table(figures, "growth")["rows"] == [
        ["수출액(원)", 1_000_000_000, 1_100_000_000, 10.0],
        ["고용 인원(명)", 40, 42, 5.0],
        ["생산액·매출액(원)", 5_000_000_000, 5_200_000_000, 4.0]]
    assert kpis(figures, "growth")["MOU 체결(건)"] == 2
    assert kpis(figures, "champions") == {f"{YEAR}년 지정": 1, "누적 지정": 1}
    assert table(figures, "champions-target")["rows"][0] == ["2025년", 200, 1, 0.5]


def test_area_filter_scopes_programs_and_events(seeded):
    figures = annual_figures(YEAR, "export")
    assert kpis(figures, "events") == {"행사·교육 회차": 0, "신청자": 0, "참석자": 0}
    assert kpis(figures, "programs")["참여 기업"] == 0
    assert section(figures, "programs")["empty"] is True
    assert section(figures, "consultations")["note"]  # not area-specific, and says so
    hydrogen = annual_figures(YEAR, "hydrogen")
    assert kpis(hydrogen, "programs")["참여 기업"] == 1
    assert table(hydrogen, "growth")["rows"][0] == ["수출액(원)", 1_000_000_000, 1_100_000_000, 10.0]


def test_year_without_data_is_an_empty_report(seeded):
    figures = annual_figures(YEAR - 5)
    assert figures["is_empty"] is True
    assert all(s["empty"] for s in figures["sections"])
    assert figures["empty_text"] == "해당 연도의 실적이 없습니다"
