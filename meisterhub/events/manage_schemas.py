"""Per-endpoint schemas of the staff event API (manage_api.py)."""

from datetime import datetime

from ninja import Schema

from .contest_manage_services import rubric_rows
from .models import Contest, EventKind
from .selectors import event_history


class ErrorOut(Schema):
    detail: str
    field: str | None = None


ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class EventIn(Schema):
    title: str
    kind: str
    area: str
    description: str = ""
    starts_at: datetime
    ends_at: datetime
    place: str = ""
    facility_id: int | None = None
    capacity: int
    registration_opens_at: datetime
    registration_closes_at: datetime
    eligible_org_types: list[str] = []
    allow_individuals: bool = True
    waitlist_enabled: bool = True


class EventUpdateIn(EventIn):
    """All settings again; `version` (from a GET) refuses a save over someone's newer one."""

    version: int | None = None


class ManagedEventOut(Schema):
    id: int
    title: str
    kind: str
    area: str
    status: str
    description: str
    starts_at: datetime
    ends_at: datetime
    place: str
    facility_id: int | None
    capacity: int
    seated: int
    waitlisted: int
    registration_opens_at: datetime
    registration_closes_at: datetime
    eligible_org_types: list[str]
    allow_individuals: bool
    waitlist_enabled: bool
    cancel_reason: str
    copied_from_id: int | None
    version: int

    @staticmethod
    def resolve_seated(obj) -> int:
        return getattr(obj, "seated_count", 0)

    @staticmethod
    def resolve_waitlisted(obj) -> int:
        return getattr(obj, "waitlisted_count", 0)


class CriterionIO(Schema):
    name: str
    weight: int
    max_score: int = 10


class JudgeOut(Schema):
    id: int
    full_name: str


class ContestOut(Schema):
    submission_opens_at: datetime | None
    submission_deadline: datetime
    version: int
    criteria: list[CriterionIO]
    judges: list[JudgeOut]

    @staticmethod
    def resolve_criteria(obj) -> list[dict]:
        return rubric_rows(obj)

    @staticmethod
    def resolve_judges(obj) -> list:
        return [a.judge for a in obj.assignments.select_related("judge").order_by("assigned_at")]


class HistoryOut(Schema):
    at: datetime
    actor: str
    text: str


class ManagedEventDetailOut(ManagedEventOut):
    contest: ContestOut | None
    history: list[HistoryOut]

    @staticmethod
    def resolve_contest(obj):
        return Contest.objects.filter(event=obj).first() if obj.kind == EventKind.CONTEST else None

    @staticmethod
    def resolve_history(obj) -> list[dict]:
        return event_history(obj)


class CancelIn(Schema):
    reason: str = ""


class CancelOut(Schema):
    event: ManagedEventOut
    registrations_cancelled: int


class ContestIn(Schema):
    submission_opens_at: datetime | None = None
    submission_deadline: datetime
    criteria: list[CriterionIO]
    version: int | None = None


class JudgeIn(Schema):
    judge_id: int
