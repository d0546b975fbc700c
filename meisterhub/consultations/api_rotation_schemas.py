"""Request and response schemas of the rotation API (one pair per operation)."""

from datetime import date, datetime

from ninja import Schema


class ErrorOut(Schema):
    detail: str
    field: str | None = None


class AffectedBookingOut(Schema):
    id: int
    starts_at: datetime
    ends_at: datetime
    company: str
    status: str


class AffectedOut(Schema):
    detail: str
    bookings: list[AffectedBookingOut]


class BlockOut(Schema):
    id: int
    meister_id: int
    weekday: int
    start_time: str
    end_time: str
    place: str
    slot_minutes: int
    pattern: str
    interval_weeks: int
    anchor_date: date | None
    ab_week: str
    valid_from: date | None
    valid_until: date | None

    @staticmethod
    def resolve_start_time(obj) -> str:
        return f"{obj.start_time:%H:%M}"

    @staticmethod
    def resolve_end_time(obj) -> str:
        return f"{obj.end_time:%H:%M}"


class BlockIn(Schema):
    weekday: int
    start_time: str  # "HH:MM"
    end_time: str
    place: str = ""
    slot_minutes: int = 60
    pattern: str = "weekly"
    interval_weeks: int | None = None
    anchor_date: str | None = None  # "YYYY-MM-DD"
    ab_week: str = ""
    valid_from: str | None = None
    valid_until: str | None = None
    apply_to_bookings: bool = False


class BlockPatch(Schema):
    weekday: int | None = None
    start_time: str | None = None
    end_time: str | None = None
    place: str | None = None
    slot_minutes: int | None = None
    pattern: str | None = None
    interval_weeks: int | None = None
    anchor_date: str | None = None
    ab_week: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    apply_to_bookings: bool = False


class ApplyIn(Schema):
    apply_to_bookings: bool = False


class LeaveIn(Schema):
    starts_on: str  # "YYYY-MM-DD"
    ends_on: str
    reason: str = ""
    apply_to_bookings: bool = False


class LeaveOut(Schema):
    id: int
    meister_id: int
    starts_on: date
    ends_on: date
    reason: str


class BoardCellOut(Schema):
    day: date
    closed: str | None
    leave: str | None
    blocks: list[BlockOut]
    bookings: int


class BoardRowOut(Schema):
    meister_id: int
    meister_name: str
    cells: list[BoardCellOut]


class BoardOut(Schema):
    monday: date
    rows: list[BoardRowOut]
