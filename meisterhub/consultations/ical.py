"""iCalendar (RFC 5545) text for a booking, written by hand: CRLF, 75-octet folding."""

from datetime import UTC, datetime

from django.conf import settings
from django.utils import timezone

from .models import Booking, BookingStatus

PRODID = "-//Meister Hub//Consultations//KO"


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never splitting a character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    pieces, current, limit = [], b"", 75
    for char in line:
        octets = char.encode("utf-8")
        if len(current) + len(octets) > limit:
            pieces.append(current.decode("utf-8"))
            current, limit = b"", 74  # continuation lines begin with one space
        current += octets
    pieces.append(current.decode("utf-8"))
    return "\r\n ".join(pieces)


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def booking_calendar(booking: Booking, *, method: str = "REQUEST", now=None) -> str:
    """A VCALENDAR with one VEVENT; METHOD:CANCEL for a cancelled booking."""
    organizer = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip()
    status = {
        BookingStatus.CANCELLED: "CANCELLED",
        BookingStatus.REQUESTED: "TENTATIVE",
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
    return "".join(fold(line) + "\r\n" for line in lines)
