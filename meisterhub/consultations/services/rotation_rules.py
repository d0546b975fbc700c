"""The rules of a rotation block: shape, date/time order, and overlap with the meister's other
blocks (same weekday, crossing times, and a week in which both patterns occur)."""

from datetime import date, timedelta
from math import lcm

from django.utils import timezone

from meisterhub.core.errors import DomainError
from meisterhub.meisters.models import WEEKDAYS, Meister

from .. import conf
from ..models import RotationBlock, WeekPattern
from ..models.rotation import DEFAULT_PLACE
from ..schedule import pattern_label
from ..slots import block_occurs_on, monday_of

BLOCK_FIELDS = (
    "weekday",
    "start_time",
    "end_time",
    "place",
    "slot_minutes",
    "pattern",
    "interval_weeks",
    "anchor_date",
    "ab_week",
    "valid_from",
    "valid_until",
)
MAX_INTERVAL_WEEKS = 12


def describe_block(block: RotationBlock) -> str:
    return (
        f"{WEEKDAYS[block.weekday]} {block.start_time:%H:%M}–{block.end_time:%H:%M} "
        f"{pattern_label(block)}"
    )


def normalise(values: dict) -> dict:
    data = {name: values.get(name) for name in BLOCK_FIELDS}
    data["place"] = (data["place"] or "").strip() or DEFAULT_PLACE
    data["slot_minutes"] = data["slot_minutes"] or 60
    data["pattern"] = data["pattern"] or WeekPattern.WEEKLY
    data["interval_weeks"] = data["interval_weeks"] or 1
    data["ab_week"] = data["ab_week"] or ""
    if data["pattern"] != WeekPattern.EVERY_N_WEEKS:
        data["interval_weeks"], data["anchor_date"] = 1, None
    if data["pattern"] != WeekPattern.AB:
        data["ab_week"] = ""
    return data


def check_block(data: dict) -> None:
    if data["weekday"] not in range(5):
        raise DomainError("요일은 월요일부터 금요일 중에서 고르세요.", field="weekday")
    start, end = data["start_time"], data["end_time"]
    if start is None:
        raise DomainError("시작 시각을 적어 주세요.", field="start_time")
    if end is None:
        raise DomainError("종료 시각을 적어 주세요.", field="end_time")
    if end <= start:
        raise DomainError("종료 시각이 시작 시각보다 늦어야 합니다.", field="end_time")
    minutes = data["slot_minutes"]
    if not 15 <= minutes <= 240:
        raise DomainError("상담 단위는 15분에서 240분 사이로 정하세요.", field="slot_minutes")
    length = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    if length < minutes:
        raise DomainError(f"상담 시간이 상담 단위({minutes}분)보다 짧습니다.", field="end_time")
    if len(data["place"]) > 50:
        raise DomainError("장소는 50자 이내로 적어 주세요.", field="place")
    if data["pattern"] not in WeekPattern.values:
        raise DomainError("주기를 고르세요.", field="pattern")
    if data["pattern"] == WeekPattern.EVERY_N_WEEKS:
        if not 2 <= data["interval_weeks"] <= MAX_INTERVAL_WEEKS:
            raise DomainError(
                f"N주마다의 N은 2에서 {MAX_INTERVAL_WEEKS} 사이로 정하세요.",
                field="interval_weeks",
            )
        if not data["anchor_date"]:
            raise DomainError("N주 주기에는 기준일(첫 주)이 필요합니다.", field="anchor_date")
    if data["pattern"] == WeekPattern.AB and data["ab_week"] not in {"A", "B"}:
        raise DomainError("A주 또는 B주를 고르세요.", field="ab_week")
    if data["valid_from"] and data["valid_until"] and data["valid_until"] < data["valid_from"]:
        raise DomainError("적용 종료일이 시작일보다 빠릅니다.", field="valid_until")


def _period(block: RotationBlock) -> int:
    if block.pattern == WeekPattern.EVERY_N_WEEKS:
        return max(block.interval_weeks, 1)
    return 2 if block.pattern == WeekPattern.AB else 1


def could_meet(a: RotationBlock, b: RotationBlock, today: date | None = None) -> bool:
    """Can both blocks fall on one date (from today on)? Same weekday, and a week where both
    patterns occur inside both validity ranges; the joint pattern repeats every lcm weeks."""
    if a.weekday != b.weekday:
        return False
    starts = [monday_of(today or timezone.localdate())]
    starts += [d for d in (a.valid_from, b.valid_from, a.anchor_date, b.anchor_date) if d]
    first = max(starts)
    ends = [d for d in (a.valid_until, b.valid_until) if d]
    last = min(ends) if ends else None
    anchor = conf.ab_anchor()
    day = monday_of(first) + timedelta(days=a.weekday)
    for _ in range(lcm(_period(a), _period(b)) + 1):
        if last and day > last:
            return False
        if day >= first and block_occurs_on(a, day, anchor) and block_occurs_on(b, day, anchor):
            return True
        day += timedelta(weeks=1)
    return False


def check_overlap(meister: Meister, block: RotationBlock) -> None:
    others = RotationBlock.objects.filter(meister=meister, weekday=block.weekday).exclude(
        pk=block.pk
    )
    for other in others:
        times_cross = other.start_time < block.end_time and block.start_time < other.end_time
        if times_cross and could_meet(block, other):
            raise DomainError(
                f"같은 요일의 다른 일정({describe_block(other)})과 시간이 겹칩니다.",
                field="start_time",
            )
