import re
from datetime import time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.errors import DomainError
from meisterhub.core.models import History
from meisterhub.notifications.providers import console as messaging

from ..models import Booking, BookingStatus, ConsultationRequest, RequestAttachment
from ..services import book_consultation, cancel_booking, confirm_booking, enqueue_reminders
from ..slots import aware
from .factories import bookable_day, field, make_sitting_meister, upcoming_holiday

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


@pytest.fixture
def meister(taxonomy):
    return make_sitting_meister(weekday=1)


def book(member, company, meister, day, hour=10, **extra):
    values = {"problem": "TIG 용접부에 기공이 생깁니다.", "attachments": ()}
    values.update(extra)
    return book_consultation(
        actor=member,
        company=company,
        field=field(),
        meister=meister,
        starts_at=aware(day, time(hour)),
        **values,
    )


def assert_nothing_saved():
    assert Booking.objects.count() == 0
    assert ConsultationRequest.objects.count() == 0
    assert RequestAttachment.objects.count() == 0


def test_member_books_a_free_slot_and_gets_mail_with_icalendar(
    meister, company_a, member_a, mailoutbox, django_capture_on_commit_callbacks
):
    day = bookable_day(1)
    pdf = SimpleUploadedFile("도면.pdf", PDF, content_type="application/octet-stream")
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(member_a, company_a, meister, day, 11, attachments=[pdf])
    assert booking.status == BookingStatus.REQUESTED
    assert booking.starts_at == aware(day, time(11))
    assert booking.ends_at == aware(day, time(12))
    assert booking.place == "기술인 카페"
    assert booking.request.attachments.get().content_type == "application/pdf"
    assert History.objects.filter(action="consultations.booking.requested").count() == 1
    assert [m.subject for m in mailoutbox] == ["[마이스터 허브] 상담 신청이 접수되었습니다"] * 2
    name, content, mimetype = mailoutbox[0].attachments[0]
    assert name == "consultation.ics"
    assert mimetype.startswith("text/calendar; method=REQUEST")
    assert f"UID:consultation-booking-{booking.pk}@meisterhub.kr" in content
    assert "STATUS:TENTATIVE" in content


def test_staff_confirm_and_auto_confirm(
    meister,
    company_a,
    member_a,
    staff_user,
    settings,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    day = bookable_day(1)
    booking = book(member_a, company_a, meister, day)
    with django_capture_on_commit_callbacks(execute=True):
        confirm_booking(actor=staff_user, booking=booking)
    booking.refresh_from_db()
    assert (booking.status, booking.sequence) == (BookingStatus.CONFIRMED, 1)
    assert mailoutbox[-1].subject == "[마이스터 허브] 상담 예약이 확정되었습니다"
    with pytest.raises(DomainError, match="운영자만"):
        confirm_booking(actor=member_a, booking=booking)
    settings.CONSULTATION_AUTO_CONFIRM = True
    assert book(member_a, company_a, meister, day, 11).status == BookingStatus.CONFIRMED


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("past", "지난 시간은 예약할 수 없습니다."),
        ("outside", "마이스터의 상담 일정(요일별 상담 시간)에 없는 시간입니다."),
        ("no_company", "소속 기업이 없어 상담을 신청할 수 없습니다."),
        ("other_company", "소속된 기업으로만 상담을 신청할 수 있습니다."),
        ("empty_problem", "기술 애로 내용을 적어 주세요."),
        ("fake_pdf", "파일은 올릴 수 없는 형식입니다"),
        ("too_big", "파일이 너무 큽니다. 파일마다 20MB 이하만"),
        ("too_many", "첨부파일은 5개까지 올릴 수 있습니다."),
    ],
)
def test_bad_requests_are_refused_in_korean_and_save_nothing(
    case, message, meister, company_a, company_b, member_a
):
    day, hour, company, actor, extra = bookable_day(1), 10, company_a, member_a, {}
    if case == "past":
        day = timezone.localdate() - timedelta(days=7)
    elif case == "outside":
        hour = 15
    elif case == "no_company":
        actor = UserFactory(role="company_member", username="lonely")
    elif case == "other_company":
        company = company_b
    elif case == "empty_problem":
        extra["problem"] = "   "
    elif case == "fake_pdf":
        extra["attachments"] = [SimpleUploadedFile("drawing.pdf", b"MZ\x90\x00 not a pdf")]
    elif case == "too_big":
        extra["attachments"] = [SimpleUploadedFile("big.pdf", PDF + b"0" * (20 * 1024 * 1024))]
    elif case == "too_many":
        extra["attachments"] = [SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(6)]
    with pytest.raises(DomainError, match=re.escape(message)):
        book(actor, company, meister, day, hour, **extra)
    assert_nothing_saved()


def test_holiday_and_taken_slot_are_refused(taxonomy, company_a, member_a, member_b, company_b):
    holiday, name = upcoming_holiday()
    meister = make_sitting_meister(weekday=holiday.weekday())
    with pytest.raises(DomainError, match=f"공휴일\\({name}\\)"):
        book(member_a, company_a, meister, holiday)
    assert_nothing_saved()
    day = bookable_day(holiday.weekday())
    book(member_a, company_a, meister, day)
    with pytest.raises(DomainError, match=re.escape("이미 예약된 시간입니다.")) as error:
        book(member_b, company_b, meister, day)
    assert error.value.code == "conflict"
    assert Booking.objects.count() == 1


def test_drawings_are_recognised_by_content(meister, company_a, member_a):
    files = [
        SimpleUploadedFile("a.dwg", b"AC1032\x00\x00\x00\x00" + b"\x00" * 50),
        SimpleUploadedFile("b.dxf", b"  0\r\nSECTION\r\n  2\r\nHEADER\r\n"),
        SimpleUploadedFile("c.stp", b"ISO-10303-21;\nHEADER;\n"),
    ]
    booking = book(member_a, company_a, meister, bookable_day(1), attachments=files)
    assert sorted(booking.request.attachments.values_list("content_type", flat=True)) == [
        "image/vnd.dwg",
        "image/vnd.dxf",
        "model/step",
    ]


def test_cancellation_deadline(
    meister,
    company_a,
    member_a,
    staff_user,
    settings,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    booking = book(member_a, company_a, meister, bookable_day(1))
    settings.CONSULTATION_CANCEL_DEADLINE_HOURS = 24 * 60
    with pytest.raises(DomainError, match="1440시간 전까지만 취소할 수 있습니다"):
        cancel_booking(actor=member_a, booking=booking)
    assert Booking.objects.get().status == BookingStatus.REQUESTED
    settings.CONSULTATION_CANCEL_DEADLINE_HOURS = 24
    with django_capture_on_commit_callbacks(execute=True):
        cancel_booking(actor=member_a, booking=booking, reason="일정 변경")
    booking.refresh_from_db()
    assert (booking.status, booking.cancel_reason) == (BookingStatus.CANCELLED, "일정 변경")
    assert "METHOD:CANCEL" in mailoutbox[-1].attachments[0][1]
    # the slot is free again
    assert book(member_a, company_a, meister, booking.starts_at.date()).status == "requested"


def test_reminders_are_enqueued_once(
    meister,
    company_a,
    member_a,
    staff_user,
    mailoutbox,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.SMS_BACKEND = "meisterhub.notifications.providers.console.InMemoryBackend"
    messaging.InMemoryBackend.outbox.clear()
    member_a.phone = "+821012345678"
    member_a.save()
    day = bookable_day(1)
    confirm_booking(actor=staff_user, booking=book(member_a, company_a, meister, day))
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert enqueue_reminders(today=day - timedelta(days=1)) == 1
        assert enqueue_reminders(today=day - timedelta(days=1)) == 0
    assert [m.subject for m in mailoutbox] == ["[마이스터 허브] 내일 마이스터 상담이 있습니다"] * 2
    assert [m.template_code for m in messaging.InMemoryBackend.outbox] == ["consultation_reminder"]


def test_the_reminders_read_the_day_s_bookings_once(
    meister, company_a, member_a, staff_user, django_capture_on_commit_callbacks
):
    """Tomorrow's bookings are read in one query with what the notice prints, not one each."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    day = bookable_day(1)
    for hour in (10, 11):
        confirm_booking(actor=staff_user, booking=book(member_a, company_a, meister, day, hour))
    with CaptureQueriesContext(connection) as done:
        assert enqueue_reminders(today=day - timedelta(days=1)) == 2
    reads = [q["sql"] for q in done.captured_queries
             if q["sql"].startswith("SELECT") and 'FROM "consultations_booking"' in q["sql"]]
    assert len(reads) == 1
