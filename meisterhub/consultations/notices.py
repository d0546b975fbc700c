"""What a company and its meister are told about a booking, fixed when it happens."""

from django.urls import reverse
from django.utils import timezone

from meisterhub.notifications.services import Attachment, Recipient, notify

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


def booking_notice(booking: Booking, kind: str) -> None:
    """The requester (mail, text, inbox) and the meister (mail, inbox) about one booking."""
    method = "CANCEL" if kind == "cancelled" else "REQUEST"
    body = (
        f"{booking.who} · {booking.meister.name} {booking.meister.title}\n"
        f"일시: {_when(booking)}\n장소: {booking.place}\n상태: {booking.get_status_display()}\n"
    )
    calendar = Attachment("consultation.ics", booking_calendar(booking, method=method),
                          f"text/calendar; method={method}; charset=UTF-8")
    requester = booking.request.requester if booking.request_id else None
    event = f"{kind}.{booking.sequence}"
    common = {"kind": "consultation", "template": f"consultation_{kind}", "record": booking,
              "event": event, "subject": SUBJECTS[kind], "text": body, "attachment": calendar}
    if requester is not None:
        notify(recipients=[Recipient.of(requester)],
               link=reverse("consultations:detail", args=[booking.pk]),
               sms_text=f"{SUBJECTS[kind]} {_when(booking)} {booking.place}", **common)
    if booking.meister.user_id:
        notify(recipients=[Recipient.of(booking.meister.user)],
               link=reverse("consultations:meister_home"), **common)
