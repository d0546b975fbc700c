"""iCalendar (RFC 5545) text for a booking, written by hand: CRLF, 75-octet folding."""

from django.conf import settings
from django.utils import timezone

from meisterhub.core.ical import escape_text, render, utc_stamp

from .models import Booking, BookingStatus

PRODID = "-//Meister Hub//Consultations//KO"


def booking_calendar(booking: Booking, *, method: str = "REQUEST", now=None) -> str:
    """A VCALENDAR with one VEVENT; METHOD:CANCEL for a cancelled booking."""
    organizer = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip()
    status = {
        BookingStatus.CANCELLED: "CANCELLED",
        BookingStatus.DECLINED: "CANCELLED",
        BookingStatus.REQUESTED: "TENTATIVE",
        # The time is in question: the company accepts another slot or moves the booking.
        BookingStatus.PROPOSED: "TENTATIVE",
        BookingStatus.NEEDS_CHANGE: "TENTATIVE",
    }.get(booking.status, "CONFIRMED")
    summary = f"마이스터 상담: {booking.meister.name} {booking.meister.title}"
    description = (booking.request.problem if booking.request_id else booking.summary)[:500]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:consultation-booking-{booking.pk}@meisterhub.kr",
        f"DTSTAMP:{utc_stamp(now or timezone.now())}",
        f"DTSTART:{utc_stamp(booking.starts_at)}",
        f"DTEND:{utc_stamp(booking.ends_at)}",
        f"SEQUENCE:{booking.sequence}",
        f"STATUS:{status}",
        f"SUMMARY:{escape_text(summary)}",
        f"LOCATION:{escape_text(booking.place)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"ORGANIZER;CN=마이스터 허브:mailto:{organizer}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return render(lines)
