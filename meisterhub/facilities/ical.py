"""An iCalendar (RFC 5545) feed of the times a room is held, without personal data."""

from django.utils import timezone

from meisterhub.core.ical import escape_text, render, utc_stamp


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
    return render(lines)
