import io
from datetime import time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meisterhub.accounts.tests.factories import UserFactory

from ..models import Booking, BookingStatus, ConsultationRecord, SatisfactionSurvey
from ..services import book_consultation, confirm_booking
from ..slots import aware
from .factories import bookable_day, field, make_sitting_meister, past_booking

pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def meister(taxonomy):
    return make_sitting_meister(weekday=1, fields=("WELD", "NDT"))


def test_public_week_and_month_pages(client, meister):
    page = client.get(reverse("consultations:week")).content.decode()
    assert meister.name in page and "화요일" in page and "10:00–12:00" in page
    day = bookable_day(1)
    response = client.get(
        reverse("consultations:meister_month", args=[meister.pk]), {"month": day.strftime("%Y-%m")}
    )
    assert response.status_code == 200
    assert "빈 시간 2개" in response.content.decode()


def test_request_form_filters_meisters_by_field_and_offers_slots(client, meister, member_a):
    other = make_sitting_meister(weekday=3, fields=("MOLD",))
    client.force_login(member_a)
    url = reverse("consultations:new")
    page = client.get(url, {"field": "NDT"}, headers={"HX-Request": "true"}).content.decode()
    assert meister.name in page and other.name not in page
    page = client.get(url, {"field": "WELD", "meister": meister.pk}).content.decode()
    assert 'id="field-suggestions"' in page
    day = bookable_day(1)
    assert aware(day, time(10)).isoformat() in page


def test_post_books_with_an_image_and_the_file_is_served_safely(
    client, meister, member_a, company_a, member_b
):
    client.force_login(member_a)
    starts = aware(bookable_day(1), time(11))
    response = client.post(
        reverse("consultations:new"),
        {
            "company": company_a.pk,
            "field": "WELD",
            "meister": meister.pk,
            "slot": starts.isoformat(),
            "problem": "배관 용접부 누설",
            "attachments": [SimpleUploadedFile("사진.png", png_bytes(), content_type="image/png")],
        },
    )
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("consultations:detail", args=[booking.pk])
    attachment = booking.request.attachments.get()
    file_response = client.get(reverse("consultations:attachment", args=[attachment.pk]))
    assert file_response["Content-Type"] == "image/png"
    assert file_response["X-Content-Type-Options"] == "nosniff"
    client.force_login(member_b)
    assert client.get(reverse("consultations:attachment", args=[attachment.pk])).status_code == 404
    assert client.get(reverse("consultations:detail", args=[booking.pk])).status_code == 404


def test_post_with_a_renamed_executable_shows_a_korean_error_and_saves_nothing(
    client, meister, member_a, company_a
):
    client.force_login(member_a)
    response = client.post(
        reverse("consultations:new"),
        {
            "company": company_a.pk,
            "field": "WELD",
            "meister": meister.pk,
            "slot": aware(bookable_day(1), time(10)).isoformat(),
            "problem": "문제",
            "attachments": [SimpleUploadedFile("drawing.png", b"MZ\x90\x00\x03")],
        },
    )
    assert response.status_code == 200
    assert "올릴 수 없는 형식입니다" in response.content.decode()
    assert Booking.objects.count() == 0


def test_user_without_company_cannot_request(client, meister):
    client.force_login(UserFactory(username="nobody"))
    response = client.get(reverse("consultations:new"))
    assert response.status_code == 403
    assert "소속 기업이 없어" in response.content.decode()


def test_staff_list_confirms_and_has_no_n_plus_one(
    client, meister, staff_user, company_a, member_a, django_assert_num_queries
):
    day = bookable_day(1)
    for hour in (10, 11):
        book_consultation(
            actor=member_a,
            company=company_a,
            field=field(),
            meister=meister,
            starts_at=aware(day, time(hour)),
            problem="문제",
        )
    other = make_sitting_meister(weekday=1)
    book_consultation(
        actor=member_a,
        company=company_a,
        field=field(),
        meister=other,
        starts_at=aware(day, time(10)),
        problem="문제",
    )
    client.force_login(staff_user)
    url = reverse("consultations:staff_list")
    # session, user, count, one page of bookings with everything joined; the meister filter
    # is a lookup (core/lookup.py): no query for an option per meister
    with django_assert_num_queries(4):
        page = client.get(url, {"status": "requested"}).content.decode()
    assert "3건" in page
    filtered = client.get(url, {"meister": other.pk}).content.decode()
    assert "1건" in filtered
    select = filtered[filtered.index('<select name="meister"'):]
    select = select[: select.index("</select>")]
    assert select.count("<option") == 2 and f'value="{other.pk}" selected' in select
    booking = Booking.objects.filter(meister=meister).first()
    client.post(reverse("consultations:confirm", args=[booking.pk]))
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CONFIRMED
    client.force_login(member_a)
    assert client.get(url).status_code == 403


def test_record_by_another_meister_is_refused_and_own_record_completes(
    client, meister, company_a, member_a
):
    booking = past_booking(meister, company_a, member_a)
    intruder = make_sitting_meister(weekday=2)
    form = {
        "diagnosis": "용접 입열 과다",
        "advice": "전류를 낮추고 예열",
        "follow_up": "site_visit",
        "hours": "1.5",
        "escalate": "on",
    }
    client.force_login(intruder.user)
    assert client.post(reverse("consultations:record", args=[booking.pk]), form).status_code == 404
    assert ConsultationRecord.objects.count() == 0
    client.force_login(meister.user)
    client.post(reverse("consultations:record", args=[booking.pk]), form)
    record = ConsultationRecord.objects.get()
    assert (record.diagnosis, str(record.hours), record.follow_up) == (
        "용접 입열 과다",
        "1.5",
        "site_visit",
    )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.COMPLETED
    engagement = record.onsite_engagements.get()
    assert (engagement.visit_quota, engagement.company_id) == (3, company_a.pk)
    home = client.get(reverse("consultations:meister_home")).content.decode()
    assert company_a.name in home and "방문 0/3" in home


def test_company_reads_record_and_answers_survey_once(client, meister, company_a, member_a):
    booking = past_booking(meister, company_a, member_a, status=BookingStatus.COMPLETED)
    ConsultationRecord.objects.create(
        booking=booking, diagnosis="균열", advice="PWHT 적용", hours=1, written_by=meister.user
    )
    client.force_login(member_a)
    my = client.get(reverse("consultations:my")).content.decode()
    assert "상담 만족도 조사" in my
    detail = client.get(reverse("consultations:detail", args=[booking.pk])).content.decode()
    assert "PWHT 적용" in detail
    client.post(
        reverse("consultations:survey", args=[booking.pk]), {"score": "4", "comment": "좋음"}
    )
    client.post(reverse("consultations:survey", args=[booking.pk]), {"score": "1"})
    assert list(SatisfactionSurvey.objects.values_list("score", "comment")) == [(4, "좋음")]


def test_walk_in_and_closure_pages(client, meister, staff_user, company_a):
    client.force_login(staff_user)
    day = bookable_day(1)
    response = client.post(
        reverse("consultations:closures"), {"starts_on": day, "ends_on": day, "reason": "센터 소독"}
    )
    assert response.status_code == 302
    new_page = client.get(
        reverse("consultations:meister_month", args=[meister.pk]), {"month": day.strftime("%Y-%m")}
    ).content.decode()
    assert "센터 휴무일입니다(센터 소독)." in new_page
    from ..slots import korean_holidays

    last_tuesday = bookable_day(1, weeks=0) - timedelta(weeks=1)
    while last_tuesday in korean_holidays(last_tuesday, last_tuesday):
        last_tuesday -= timedelta(weeks=1)
    form = {
        "day": last_tuesday,
        "start_time": "10:30",
        "minutes": 30,
        "meister": meister.pk,
        "company": company_a.pk,
        "field": "WELD",
        "summary": "도장 불량 문의",
    }
    client.post(reverse("consultations:walk_in"), form)
    walk_in = Booking.objects.get(channel="walk_in")
    assert (walk_in.status, walk_in.place) == ("completed", "기술인 카페")
    form["day"] = last_tuesday + timedelta(days=1)
    page = client.post(reverse("consultations:walk_in"), form).content.decode()
    assert "그날 센터에 나오는 마이스터가 아닙니다." in page
    assert Booking.objects.count() == 1


def test_satisfaction_averages(client, meister, staff_user, company_a, member_a):
    for days, score in ((7, 5), (14, 4)):
        booking = past_booking(
            meister, company_a, member_a, days_ago=days, status=BookingStatus.COMPLETED
        )
        SatisfactionSurvey.objects.create(booking=booking, score=score, respondent=member_a)
    client.force_login(staff_user)
    page = client.get(reverse("consultations:satisfaction")).content.decode()
    assert "4.50" in page and "용접" in page


def test_confirmed_booking_detail_for_member(client, meister, company_a, member_a, staff_user):
    booking = book_consultation(
        actor=member_a,
        company=company_a,
        field=field(),
        meister=meister,
        starts_at=aware(bookable_day(1), time(10)),
        problem="문제",
    )
    confirm_booking(actor=staff_user, booking=booking)
    client.force_login(member_a)
    client.post(reverse("consultations:cancel", args=[booking.pk]), {"reason": "출장"})
    assert Booking.objects.get().status == BookingStatus.CANCELLED
