from datetime import date, time

import pytest
from django.core.management import call_command

from meisterhub.core.ical import escape_text, fold

from ..ical import booking_calendar
from ..models import Booking, BookingStatus, ConsultationRequest
from ..slots import aware
from .factories import field, make_sitting_meister


def test_fold_keeps_lines_within_75_octets_without_splitting_korean():
    line = "DESCRIPTION:" + "가나다라마바사" * 20
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


@pytest.mark.django_db
def test_calendar_has_the_required_properties(taxonomy, company_a, member_a):
    meister = make_sitting_meister(weekday=1)
    request = ConsultationRequest.objects.create(
        company=company_a, requester=member_a, field=field(), problem="금형, 마모; 문제\n두 줄"
    )
    booking = Booking.objects.create(
        request=request,
        meister=meister,
        company=company_a,
        field=field(),
        starts_at=aware(date(2027, 3, 9), time(10)),
        ends_at=aware(date(2027, 3, 9), time(11)),
        place="기술인 카페",
        status=BookingStatus.CANCELLED,
        sequence=2,
    )
    text = booking_calendar(booking, method="CANCEL", now=aware(date(2027, 3, 1), time(9)))
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    for expected in [
        "METHOD:CANCEL",
        f"UID:consultation-booking-{booking.pk}@meisterhub.kr",
        "DTSTAMP:20270301T000000Z",
        "DTSTART:20270309T010000Z",
        "DTEND:20270309T020000Z",
        "SEQUENCE:2",
        "STATUS:CANCELLED",
        "DESCRIPTION:금형\\, 마모\\; 문제\\n두 줄",
    ]:
        assert expected in lines


@pytest.mark.django_db
def test_reminder_command_runs(capsys):
    call_command("send_consultation_reminders")
    assert "전날 알림 0건" in capsys.readouterr().out
