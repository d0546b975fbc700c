"""Notifications about a booking: e-mail with an iCalendar file, and a text message."""

from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task

from . import messaging
from .ical import booking_calendar
from .models import Booking

SUBJECTS = {
    "requested": "[마이스터 허브] 상담 신청이 접수되었습니다",
    "confirmed": "[마이스터 허브] 상담 예약이 확정되었습니다",
    "reminder": "[마이스터 허브] 내일 마이스터 상담이 있습니다",
    "cancelled": "[마이스터 허브] 상담 예약이 취소되었습니다",
}


def _when(booking: Booking) -> str:
    start = timezone.localtime(booking.starts_at)
    end = timezone.localtime(booking.ends_at)
    return f"{start:%Y-%m-%d %H:%M}~{end:%H:%M}"


@task()
def send_booking_notice(booking_id: int, kind: str) -> int:
    """Mail the requester (and the meister) about the booking; returns the mails sent."""
    booking = (
        Booking.objects.select_related("meister__user", "request__requester", "company")
        .filter(pk=booking_id)
        .first()
    )
    if booking is None or kind not in SUBJECTS:
        return 0
    method = "CANCEL" if kind == "cancelled" else "REQUEST"
    ics = booking_calendar(booking, method=method)
    body = (
        f"{booking.who} · {booking.meister.name} {booking.meister.title}\n"
        f"일시: {_when(booking)}\n장소: {booking.place}\n상태: {booking.get_status_display()}\n"
    )
    requester = booking.request.requester if booking.request_id else None
    recipients = [u.email for u in (requester, booking.meister.user) if u and u.email]
    sent = 0
    for address in dict.fromkeys(recipients):
        message = EmailMessage(SUBJECTS[kind], body, to=[address])
        message.attach("consultation.ics", ics, f"text/calendar; method={method}; charset=UTF-8")
        sent += message.send()
    if requester and requester.phone:
        messaging.send_text(
            to=requester.phone,
            body=f"{SUBJECTS[kind]} {_when(booking)} {booking.place}",
            channel="alimtalk",
            template_code=f"consultation_{kind}",
        )
    return sent
