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
    "declined": "[마이스터 허브] 상담 신청이 거절되었습니다",
    "proposed": "[마이스터 허브] 마이스터가 다른 상담 시간을 제안했습니다",
    "rescheduled": "[마이스터 허브] 상담 일정이 바뀌었습니다",
}
# Kinds after which the booking holds no time in the calendar.
RELEASED = {"cancelled", "declined"}


def _when(booking: Booking) -> str:
    start = timezone.localtime(booking.starts_at)
    end = timezone.localtime(booking.ends_at)
    return f"{start:%Y-%m-%d %H:%M}~{end:%H:%M}"


def booking_notice(booking: Booking, kind: str, *, fresh: bool = False) -> None:
    """The requester (mail, text, inbox) and the meister (mail, inbox) about one booking.
    `fresh`: the booking was inserted in this transaction (see notify)."""
    method = "CANCEL" if kind in RELEASED else "REQUEST"
    body = (
        f"{booking.who} · {booking.meister.name} {booking.meister.title}\n"
        f"일시: {_when(booking)}\n장소: {booking.place}\n상태: {booking.get_status_display()}\n"
    )
    if kind == "proposed" and booking.proposed_starts_at:
        start = timezone.localtime(booking.proposed_starts_at)
        end = timezone.localtime(booking.proposed_ends_at)
        body += f"제안한 일시: {start:%Y-%m-%d %H:%M}~{end:%H:%M} (나의 상담에서 수락하거나 거절하세요)\n"
    if kind in ("declined", "proposed") and booking.decision_reason:
        body += f"사유: {booking.decision_reason}\n"
    calendar = Attachment("consultation.ics", booking_calendar(booking, method=method),
                          f"text/calendar; method={method}; charset=UTF-8")
    requester = booking.request.requester if booking.request_id else None
    event = f"{kind}.{booking.sequence}"
    common = {"kind": "consultation", "template": f"consultation_{kind}", "record": booking,
              "event": event, "subject": SUBJECTS[kind], "text": body, "attachment": calendar,
              "fresh": fresh}
    if requester is not None:
        notify(recipients=[Recipient.of(requester)],
               link=reverse("consultations:detail", args=[booking.pk]),
               sms_text=f"{SUBJECTS[kind]} {_when(booking)} {booking.place}", **common)
    if booking.meister.user_id:
        notify(recipients=[Recipient.of(booking.meister.user)],
               link=reverse("consultations:meister_home"), **common)


NEEDS_CHANGE_SUBJECT = "[마이스터 허브] 상담 시간을 다시 정해 주세요"


def needs_change_notice(booking: Booking, *, tell_meister: bool = False) -> None:
    """The meister's schedule no longer holds the booked time: the company picks another."""
    body = (
        f"{booking.who} · {booking.meister.name} {booking.meister.title}\n"
        f"예약했던 일시: {_when(booking)}\n장소: {booking.place}\n"
        f"사유: {booking.decision_reason or '마이스터 상담 일정 변경'}\n"
        "이 시간에는 상담할 수 없게 되었습니다. 다른 시간을 골라 주세요.\n"
    )
    calendar = Attachment("consultation.ics", booking_calendar(booking, method="CANCEL"),
                          "text/calendar; method=CANCEL; charset=UTF-8")
    common = {"kind": "consultation", "template": "consultation_needs_change",
              "record": booking, "event": f"needs_change.{booking.sequence}",
              "subject": NEEDS_CHANGE_SUBJECT, "text": body, "attachment": calendar}
    requester = booking.request.requester if booking.request_id else None
    if requester is not None:
        notify(recipients=[Recipient.of(requester)],
               link=reverse("consultations:detail", args=[booking.pk]),
               sms_text=f"{NEEDS_CHANGE_SUBJECT} {_when(booking)}", **common)
    if tell_meister and booking.meister.user_id:
        notify(recipients=[Recipient.of(booking.meister.user)],
               link=reverse("consultations:meister_home"), **common)
