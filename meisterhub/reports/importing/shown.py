"""Values as the preview shows them (old → new)."""

from datetime import date


def shown(value) -> str:
    if value is None or value == "":
        return "(빈칸)"
    if isinstance(value, bool):
        return "예" if value else "아니오"
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(str(v) for v in value) or "(빈칸)"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
