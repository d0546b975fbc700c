import io
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from meisterhub.core.errors import DomainError
from meisterhub.core.ical import fold
from meisterhub.facilities.models import FacilityPhoto, Reservation
from meisterhub.facilities.services import add_facility_photo, create_reservation

from .factories import at, make_facility, next_monday

pytestmark = pytest.mark.django_db


def test_list_shows_both_centers_in_fixed_queries(client, django_assert_num_queries):
    for n in range(6):
        make_facility(name=f"회의실 {n}", center="startup" if n % 2 else "meister")
    with django_assert_num_queries(2):
        response = client.get(reverse("facilities:list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "마이스터센터" in body and "창업지원센터" in body
    assert len(re.findall(r'href="/facilities/\d+/"', body)) == 6


def test_week_calendar_marks_busy_and_free_cells_and_htmx_moves_weeks(client, member_a, company_a):
    room = make_facility()
    monday = next_monday()
    create_reservation(actor=member_a, facility=room, company=company_a, headcount=2,
                       purpose="비공개 목적", starts_at=at(monday, 10), ends_at=at(monday, 11))
    url = reverse("facilities:detail", args=[room.pk])
    page = client.get(url, {"day": monday.isoformat()}).content.decode()
    assert page.count('class="slot slot-busy"') == 1
    assert "비공개 목적" not in page
    assert f"?day={monday:%Y-%m-%d}&amp;start=09:00&amp;end=10:00" in page
    fragment = client.get(url, {"day": (monday + timedelta(7)).isoformat()},
                          headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and "slot-busy" not in fragment
    day = client.get(url, {"day": monday.isoformat(), "view": "day"}).content.decode()
    assert 'data-view="day"' in day and day.count("slot-free") == 8


def test_reserve_form_posts_through_the_service(client, member_a, company_a):
    room = make_facility()
    monday = next_monday()
    client.force_login(member_a)
    url = reverse("facilities:reserve", args=[room.pk])
    form = client.get(url, {"day": monday.isoformat(), "start": "14:00", "end": "15:00"})
    assert 'value="14:00"' in form.content.decode()
    data = {"company": company_a.pk, "day": monday.isoformat(), "start": "14:00", "end": "15:00",
            "headcount": 3, "purpose": "투자 미팅", "weeks": 1}
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert "다음 날짜에 이미 예약이 있습니다" in again.content.decode()
    assert Reservation.objects.count() == 1
    mine = client.get(reverse("facilities:my")).content.decode()
    assert "투자 미팅" in mine


def test_cancel_of_someone_elses_reservation_is_404(client, member_a, member_b, company_a):
    room = make_facility()
    monday = next_monday()
    made = create_reservation(actor=member_a, facility=room, company=company_a, headcount=2,
                              purpose="회의", starts_at=at(monday, 10), ends_at=at(monday, 11))
    client.force_login(member_b)
    assert client.post(reverse("facilities:cancel", args=[made.pk])).status_code == 404
    made.refresh_from_db()
    assert made.status == "confirmed"


def test_ical_feed_is_rfc5545_without_personal_data(client, member_a, company_a):
    room = make_facility(name="투자상담실 가나다라마바사아자차카타파하 " * 2)
    monday = next_monday()
    made = create_reservation(actor=member_a, facility=room, company=company_a, headcount=2,
                              purpose="대표 개인 상담", starts_at=at(monday, 10),
                              ends_at=at(monday, 11, 30))
    response = client.get(reverse("facilities:ics", args=[room.pk]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"\n" not in raw.replace(b"\r\n", b"")
    text = raw.decode().replace("\r\n ", "")  # unfold
    start_utc = (at(monday, 10) - timedelta(hours=9)).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{start_utc}" in text
    assert f"UID:facility-reservation-{made.pk}@testserver" in text
    assert re.search(r"DTSTAMP:\d{8}T\d{6}Z", text)
    for private in ("대표 개인 상담", member_a.full_name, company_a.name):
        assert private not in text


def test_fold_never_splits_a_korean_character():
    line = "SUMMARY:" + "가" * 60
    folded = fold(line).encode()
    pieces = folded.split(b"\r\n ")
    assert all(len(p) <= 75 for p in pieces)
    assert b"".join(pieces).decode() == line


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, "PNG")
    return buffer.getvalue()


def test_photo_is_checked_by_content_and_served_nosniff(client, staff_user):
    room = make_facility()
    fake = SimpleUploadedFile("room.png", b"<script>alert(1)</script>", "image/png")
    with pytest.raises(DomainError, match="이미지 파일이 아닙니다"):
        add_facility_photo(actor=staff_user, facility=room, upload=fake)
    assert FacilityPhoto.objects.count() == 0
    photo = add_facility_photo(actor=staff_user, facility=room,
                               upload=SimpleUploadedFile("room.jpg", _png(), "image/jpeg"))
    response = client.get(reverse("facilities:photo", args=[photo.pk]))
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
