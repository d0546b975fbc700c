"""상담 건수 counts completed consultations only, and the other states stand in their own
columns, the same on the dashboard, in the PDF text and in the XLSX cells."""

import re
import subprocess
from datetime import date, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meisterhub.companies.tests.factories import CompanyFactory
from meisterhub.consultations.models import Booking, BookingStatus
from meisterhub.meisters.tests.factories import make_meister
from meisterhub.reports import measures
from meisterhub.reports.figures import annual_figures
from meisterhub.reports.models import ReportJob
from meisterhub.reports.services import request_annual_report

from .test_figures import table
from .test_report import xlsx_values

NOW = timezone.now()
YEAR = timezone.localdate(NOW).year


def _within_year(moment: datetime) -> datetime:
    """Keep a booking inside this year even in the first or last hours of it."""
    tz = timezone.get_current_timezone()
    start = datetime.combine(date(YEAR, 1, 1), time.min, tz)
    end = datetime.combine(date(YEAR, 12, 31), time(23, 0), tz)
    return min(max(moment, start), end)


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def one_of_each(taxonomy):
    """One booking in every state: only the completed one is a consultation."""
    meister = make_meister(fields=("WELD",), name="김용접")
    other = make_meister(fields=("WELD",), name="박용접")
    company = CompanyFactory(name="가나정밀")
    past = _within_year(NOW - timedelta(hours=3))
    future = _within_year(NOW + timedelta(hours=3))
    states = [
        (meister, BookingStatus.COMPLETED, past),
        (meister, BookingStatus.NO_SHOW, past),
        (meister, BookingStatus.CANCELLED, past),
        (meister, BookingStatus.DECLINED, past),
        (meister, BookingStatus.CONFIRMED, future),  # booked, not yet held
        (other, BookingStatus.CONFIRMED, past),  # held, but its result is not recorded
    ]
    assert future > NOW > past
    for who, status, starts_at in states:
        Booking.objects.create(
            meister=who,
            company=company,
            field_id="WELD",
            place="카페",
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=30),
            status=status,
        )


# 경로, 상담 건수, 예약(예정), 결과 미기록, 노쇼(불참), 취소, 거절
EXPECTED_STATES = [
    ["사전 예약", 1, 1, 1, 1, 1, 1],
    ["현장 방문", 0, 0, 0, 0, 0, 0],
    ["합계", 1, 1, 1, 1, 1, 1],
]


def test_only_completed_consultations_count_and_the_rest_stand_apart(
    client, staff_user, one_of_each, tmp_path, django_capture_on_commit_callbacks
):
    # The dashboard
    client.force_login(staff_user)
    response = client.get(reverse("reports:dashboard"), {"year": YEAR})
    figures = response.context["figures"]
    consultations = next(s for s in figures["sections"] if s["id"] == "consultations")
    assert consultations["kpis"][0] == {
        "code": "consultations.completed",
        "label": "상담 건수",
        "value": 1,
    }
    status = table(figures, "consultations-status")
    assert status["columns"] == [
        "경로",
        "상담 건수",
        "예약(예정)",
        "결과 미기록",
        "노쇼(불참)",
        "취소",
        "거절",
    ]
    assert status["rows"] == EXPECTED_STATES
    assert sum(row[3] for row in table(figures, "consultations-month")["rows"]) == 1
    assert table(figures, "consultations-field")["rows"] == [["용접", 1, 0, None]]
    html = response.content.decode()
    assert '<li data-kpi="consultations:0">상담 건수<strong>1</strong></li>' in html
    status_html = html.split('id="table-consultations-status"')[1].split("</table>")[0]
    assert (
        '<th scope="row">합계</th><td>1</td><td>1</td><td>1</td><td>1</td><td>1</td><td>1</td>'
    ) in status_html

    # The PDF and the XLSX built from the same year
    with django_capture_on_commit_callbacks(execute=True):
        job = request_annual_report(actor=staff_user, year=YEAR)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.DONE
    text = pdf_text(job.pdf_file.read(), tmp_path)
    assert "상담 건수 1 " in text
    assert "경로 상담 건수 예약(예정) 결과 미기록 노쇼(불참) 취소 거절" in text
    for row in EXPECTED_STATES:
        assert " ".join(str(cell) for cell in row) in text, row
    sheets = xlsx_values(job.xlsx_file.read())
    assert ["마이스터 기술상담", "상담 건수", 1] in sheets["요약"]
    sheet = next(rows for name, rows in sheets.items() if name.startswith("1."))
    assert ["상담 건수", 1] in [row[:2] for row in sheet]
    for row in EXPECTED_STATES:
        assert row in [r[:7] for r in sheet], row


def test_the_definitions_are_printed_in_words_everywhere(
    client, staff_user, one_of_each, tmp_path, django_capture_on_commit_callbacks
):
    figures = annual_figures(YEAR)
    part = figures["definitions"]
    assert part["title"] == "지표 정의"
    # Every key figure the report shows has its definition in its own section.
    for section, defined in zip(figures["sections"], part["sections"], strict=True):
        assert section["id"] == defined["id"]
        codes = {m["code"] for m in defined["measures"]}
        assert {k["code"] for k in section["kpis"]} <= codes, section["id"]
    completed = next(
        m for m in part["sections"][0]["measures"] if m["code"] == "consultations.completed"
    )
    assert completed["label"] == "상담 건수"
    assert "‘완료’" in completed["definition"] and "노쇼" in completed["definition"]

    client.force_login(staff_user)
    html = client.get(reverse("reports:dashboard"), {"year": YEAR}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        job = request_annual_report(actor=staff_user, year=YEAR)
    job.refresh_from_db()
    text = pdf_text(job.pdf_file.read(), tmp_path)
    sheet = xlsx_values(job.xlsx_file.read())["지표 정의"]
    assert '<h2 id="h-definitions">지표 정의</h2>' in html
    assert text.index("7. 강소기업 지정") < text.index("지표 정의")  # after the figures
    for defined in part["sections"]:
        for measure in defined["measures"]:
            assert (
                f'<dt>{measure["label"]}</dt><dd data-measure="{measure["code"]}">'
                f"{measure['definition']}</dd>"
            ) in html
            assert [defined["title"], measure["label"], measure["definition"]] in sheet
            words = re.sub(r"\s+", " ", measure["definition"])
            assert words in text, measure["code"]


@pytest.mark.parametrize("status", BookingStatus.values)
def test_every_booking_state_falls_under_exactly_one_measure(status):
    for started in (False, True):
        measure = measures.booking_measure(status, started=started)
        assert measure in (measures.CONSULTATIONS, *measures.BOOKING_STATES)
        assert (measure is measures.CONSULTATIONS) == (status == BookingStatus.COMPLETED)


def test_a_booking_moves_from_upcoming_to_unrecorded_when_its_time_passes(one_of_each):
    from meisterhub.reports import aggregates

    later = NOW + timedelta(days=400)  # every booking of the year has started by then
    states = aggregates.consultations(YEAR, now=later)["states"]["reservation"]
    assert states["bookings.upcoming"] == 0
    assert states["bookings.unrecorded"] == 2
    assert states["consultations.completed"] == 1


def test_facilities_count_confirmed_reservations_and_show_the_others_apart(taxonomy, staff_user):
    from .factories import seed_year

    seed_year(YEAR - 1, staff_user)  # one confirmed and one cancelled reservation of 세미나홀
    figures = annual_figures(YEAR - 1)
    facilities = next(s for s in figures["sections"] if s["id"] == "facilities")
    assert facilities["kpis"][0] == {
        "code": "facilities.reservations",
        "label": "예약 건수",
        "value": 1,
    }
    status = table(figures, "facilities-status")
    assert status["columns"] == ["시설", "예약 건수", "승인 대기", "대관 취소", "반려"]
    assert status["rows"] == [["세미나홀", 1, 0, 1, 0]]
