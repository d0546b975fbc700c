"""iCalendar (RFC 5545) content lines, written by hand: TEXT escaping, UTC times, CRLF line
endings and folding at 75 octets that never splits a UTF-8 character (Hangul is 3 octets)."""

from collections.abc import Iterable
from datetime import UTC, datetime

CRLF = "\r\n"


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
    """Fold a content line into pieces of at most 75 octets (§3.1)."""
    if len(line.encode("utf-8")) <= 75:
        return line
    pieces, current, limit = [], b"", 75
    for char in line:
        octets = char.encode("utf-8")
        if len(current) + len(octets) > limit:
            pieces.append(current.decode("utf-8"))
            current, limit = b"", 74  # continuation lines begin with one space
        current += octets
    pieces.append(current.decode("utf-8"))
    return (CRLF + " ").join(pieces)


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def render(lines: Iterable[str]) -> str:
    return "".join(fold(line) + CRLF for line in lines)
