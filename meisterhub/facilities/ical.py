"""An iCalendar (RFC 5545) feed of the times a room is held, without personal data."""

from datetime import UTC, datetime

from django.utils import timezone

CRLF = "\r\n"


def escape_text(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not pieces else 74  # continuation lines start with one space
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return (CRLF + " ").join(pieces)


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def facility_calendar(facility, reservations, *, host: str = "meisterhub.kr", now=None) -> str:
    now = now or timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Meister Hub//Facilities//KO",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(str(facility))}",
        "X-WR-TIMEZONE:Asia/Seoul",
    ]
    for reservation in reservations:
        lines += [
            "BEGIN:VEVENT",
            f"UID:facility-reservation-{reservation.pk}@{host}",
            f"DTSTAMP:{utc_stamp(now)}",
            f"DTSTART:{utc_stamp(reservation.starts_at)}",
            f"DTEND:{utc_stamp(reservation.ends_at)}",
            f"SUMMARY:{escape_text('예약됨 (' + facility.name + ')')}",
            f"LOCATION:{escape_text(str(facility))}",
            "TRANSP:OPAQUE",
            "CLASS:PUBLIC",
            "STATUS:" + ("CONFIRMED" if reservation.status == "confirmed" else "TENTATIVE"),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
