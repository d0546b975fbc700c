"""The annual figures: one structure that the dashboard, the PDF and the XLSX all render.

`annual_figures(year, area)` returns plain JSON values: sections, each with key figures and
tables (caption, columns, rows) and, for most tables, a chart drawn from the same rows. The
renderers only format what is here, so the report's figures equal the dashboard's.
"""

from decimal import Decimal

from meisterhub.programs.models import Area

from . import aggregates
from . import measures as m

EMPTY_TEXT = "해당 연도의 실적이 없습니다"
ALL_AREAS_NOTE = "사업 분야와 관계없이 기관 전체 실적입니다."
GROWTH_AREA_NOTE = ("증감률은 선택한 사업 분야의 수혜기업 기준이고, 수출 상담액·계약액·MOU는 기관 전체 "
                    "실적입니다.")
MONTHS = [f"{m}월" for m in range(1, 13)]
GROWTH_LABELS = {"export": "수출액(원)", "employees": "고용 인원(명)",
                 "production": "생산액·매출액(원)"}


def _number(value):
    if value is None:
        return None
    if isinstance(value, Decimal | float):
        return round(float(value), 2)
    return value


def fmt(value) -> str:
    """How every renderer prints a figure."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "예" if value else "아니오"
    if isinstance(value, int | float):
        return f"{value:,}"
    return str(value)


def _table(table_id, caption, columns, rows, chart=None):
    rows = [[_number(cell) for cell in row] for row in rows]
    return {"id": table_id, "caption": caption, "columns": columns, "rows": rows, "chart": chart}


def _section(section_id, title, kpis, tables, *, note="", empty=None):
    """kpis: (measure, value) pairs, or (measure, value, label) where the label depends on the year."""
    kpis = [{"code": kpi[0].code, "label": kpi[2] if len(kpi) > 2 else kpi[0].label,
             "value": _number(kpi[1])} for kpi in kpis]
    if empty is None:
        empty = not any(k["value"] for k in kpis)
    return {"id": section_id, "title": title, "note": note, "empty": empty,
            "kpis": kpis, "tables": [] if empty else tables}


def _consultations(data, note):
    months = data["months"]
    reservations = sum(m["reservation"] for m in months)
    walk_ins = sum(m["walk_in"] for m in months)
    survey = data["satisfaction"]
    average = round(survey["average"], 2) if survey["average"] is not None else None
    kpis = [(m.CONSULTATIONS, reservations + walk_ins), (m.RESERVED, reservations),
            (m.WALK_INS, walk_ins), (m.SATISFACTION_AVERAGE, average),
            (m.SATISFACTION_ANSWERS, survey["answers"]),
            (m.ONSITE_ENGAGEMENTS, data["onsite"]["engagements"]),
            (m.ONSITE_VISITS, data["onsite"]["visits"])]
    # Every booking of the year in exactly one column: only the first is a consultation.
    shown = (m.CONSULTATIONS, *m.BOOKING_STATES)
    channels = [("사전 예약", data["states"]["reservation"]), ("현장 방문", data["states"]["walk_in"])]
    by_state = _table(
        "consultations-status", "예약 상태별 건수 (상담 건수에는 ‘완료’만 셉니다)",
        ["경로", *(measure.label for measure in shown)],
        [[name, *(counts[measure.code] for measure in shown)] for name, counts in channels]
        + [["합계", *(sum(counts[measure.code] for _, counts in channels) for measure in shown)]])
    by_month = _table(
        "consultations-month", "월별 상담 건수", ["월", "사전 예약", "현장 방문", "합계"],
        [[MONTHS[i], m["reservation"], m["walk_in"], m["reservation"] + m["walk_in"]]
         for i, m in enumerate(months)],
        chart={"type": "bar", "stacked": True, "series": [1, 2]})
    by_field = _table(
        "consultations-field", "분야별 상담 건수와 만족도",
        ["분야", m.CONSULTATIONS.label, m.SATISFACTION_ANSWERS.label, "만족도 평균"],
        [[row["field__name_ko"] or "분야 없음", row["n"], row["answers"],
          round(row["average"], 2) if row["average"] is not None else None]
         for row in data["by_field"]],
        chart={"type": "bar", "horizontal": True, "series": [1]})
    return _section("consultations", "마이스터 기술상담", kpis, [by_month, by_field, by_state],
                    note=note)


def _mentoring(data, note):
    kpis = [(m.MENTORING_ACTIVE, data["engagements"]), (m.MENTORING_STARTED, data["started"]),
            (m.MENTORING_COMPANIES, data["companies"]), (m.MENTORING_MENTORS, data["mentors"]),
            (m.MENTORING_SESSIONS, data["sessions"])]
    return _section("mentoring", "창업 멘토링", kpis, [], note=note)


def _facilities(rows, note):
    confirmed = [row for row in rows if row["n"]]
    table = _table(
        "facilities-room", "시설별 대관 실적(확정 예약)", ["시설", "예약 건수", "사용 시간", "이용 인원"],
        [[row["facility__name"], row["n"], row["hours"], row["people"]] for row in confirmed],
        chart={"type": "bar", "series": [2]})
    states = list(m.RESERVATION_MEASURES.items())
    by_state = _table(
        "facilities-status", "시설별 대관 상태 (실적에는 ‘예약 확정’만 셉니다)",
        ["시설", *(measure.label for _, measure in states)],
        [[row["facility__name"], *(row[f"status_{status}"] for status, _ in states)]
         for row in rows])
    kpis = [(m.RESERVATIONS, sum(r["n"] for r in rows)),
            (m.RESERVATION_HOURS, round(sum(r["hours"] for r in rows), 1)),
            (m.RESERVATION_PEOPLE, sum(r["people"] or 0 for r in rows))]
    return _section("facilities", "시설 대관", kpis, [table, by_state], note=note)


def _events(data, area_label):
    totals = data["totals"]
    rows = [[label, row["sessions"], row["registrants"], row["attendees"]]
            for label, row in data["by_area"].items() if not area_label or label == area_label]
    table = _table("events-area", "사업 분야별 행사·교육", ["사업 분야", "회차", "신청자", "참석자"], rows,
                   chart={"type": "bar", "series": [1, 2, 3]})
    kpis = [(m.EVENT_SESSIONS, totals["sessions"]), (m.EVENT_REGISTRANTS, totals["registrants"]),
            (m.EVENT_ATTENDEES, totals["attendees"])]
    return _section("events", "행사·교육", kpis, [table])


def _programs(data, area_label):
    participation = data["participation_by_area"]
    by_area = _table(
        "programs-area", "사업 분야별 참여 기업 수", ["사업 분야", "참여 기업"],
        [[label, participation.get(value, 0)] for value, label in Area.choices
         if not area_label or label == area_label],
        chart={"type": "bar", "series": [1]})
    labels = dict(Area.choices)
    budget = _table(
        "programs-budget", "지원사업별 예산과 선정", ["지원사업", "사업 분야", "공고 예산(원)", "신청", "선정",
                                             m.PROGRAM_AGREED.label],
        [[p["name"], labels.get(p["area"], p["area"]), p["budget"], p["applications"],
          p["selected"], p["agreed"]] for p in data["programs"]],
        chart={"type": "bar", "horizontal": True, "series": [2]})
    kpis = [(m.PROGRAM_COMPANIES, data["companies"]),
            (m.PROGRAM_COUNT, len(data["programs"])),
            (m.PROGRAM_BUDGET, sum(p["budget"] for p in data["programs"])),
            (m.PROGRAM_APPLICATIONS, sum(p["applications"] for p in data["programs"])),
            (m.PROGRAM_SELECTED, sum(p["selected"] for p in data["programs"]))]
    return _section("programs", "지원사업 참여와 예산", kpis, [by_area, budget])


def _growth(data, outcomes, note):
    rows = [[GROWTH_LABELS[key], data[key]["previous"], data[key]["current"],
             data[key]["growth"]] for key in GROWTH_LABELS]
    table = _table("growth", "수혜기업 전년 대비 성장(두 해 모두 보고한 기업)",
                   ["지표", "전년", "당해", m.GROWTH_RATE.label], rows,
                   chart={"type": "bar", "series": [3]})
    kpis = [(m.GROWTH_COMPANIES, data["companies"]),
            (m.EXPORT_CONSULTATION, outcomes["export_consultation"] or 0),
            (m.CONTRACTS, outcomes["contracts"] or 0), (m.MOUS, outcomes["mous"] or 0),
            (m.OUTCOME_REPORTS, outcomes["reports"])]
    return _section("growth", "수혜기업 성과", kpis, [table], note=note)


def _champions(data, year, note):
    rows = [[f"{r['year']}년", r["designated"], r["cumulative"]] for r in data["by_year"]]
    by_year = _table("champions-year", "강소기업 연도별 지정과 누적", ["연도", "지정", "누적"], rows,
                     chart={"type": "line", "series": [2]})
    targets = _table("champions-target", "강소기업 목표 대비 누적",
                     ["목표 연도", "목표", m.CHAMPIONS_TOTAL.label, m.CHAMPIONS_SHARE.label],
                     [[f"{t['year']}년", t["target"], t["reached"], t["share"]]
                      for t in data["targets"]])
    this_year = next((r["designated"] for r in data["by_year"] if r["year"] == year), 0)
    kpis = [(m.CHAMPIONS_YEAR, this_year, m.CHAMPIONS_YEAR.label_for(year)),
            (m.CHAMPIONS_TOTAL, data["total"])]
    return _section("champions", "강소기업 지정", kpis, [by_year, targets], note=note)


def annual_figures(year: int, area: str | None = None) -> dict:
    area = area or None
    area_label = Area(area).label if area else ""
    note = ALL_AREAS_NOTE if area else ""
    program_data = aggregates.programs(year, area)
    sections = [
        _consultations(aggregates.consultations(year), note),
        _mentoring(aggregates.mentoring(year), note),
        _facilities(aggregates.facilities(year), note),
        _events(aggregates.events(year, area), area_label),
        _programs(program_data, area_label),
        _growth(program_data["growth"], program_data["outcomes"], GROWTH_AREA_NOTE if area else ""),
        _champions(program_data["champions"], year, note),
    ]
    title = f"{year}년 성과 보고" + (f" · {area_label}" if area else "")
    yearly = [s for s in sections if s["id"] != "champions"]
    return {"year": year, "area": area or "", "area_label": area_label or "전체 분야",
            "title": title, "empty_text": EMPTY_TEXT,
            "is_empty": all(s["empty"] for s in yearly), "sections": sections,
            "definitions": definitions(sections, year)}


def definitions(sections, year: int) -> dict:
    """The "지표 정의" part every renderer prints: each section's measures in words."""
    return {"title": m.DEFINITIONS_TITLE, "sections": [
        {"id": s["id"], "title": s["title"], "measures": [
            {"code": measure.code, "label": measure.label_for(year),
             "definition": measure.definition} for measure in m.SECTION_MEASURES[s["id"]]]}
        for s in sections]}
