"""Per-endpoint schemas of the staff API for programs and calls (see api_manage.py)."""

from datetime import datetime

from ninja import Field, Schema

from meisterhub.core.history_text import readable_history_of


class ProgramIn(Schema):
    area: str
    name: str
    year: int
    description: str = ""


class ProgramPatch(Schema):
    area: str | None = None
    name: str | None = None
    year: int | None = None
    description: str | None = None
    version: int | None = Field(None, description="불러올 때의 version (다르면 409)")


class ProgramOut(Schema):
    id: int
    area: str
    name: str
    year: int
    description: str
    version: int


class Rules(Schema):
    allowed_org_types: list[str] = []
    allowed_size_classes: list[str] = []
    allowed_ksic_prefixes: list[str] = []
    allowed_districts: list[str] = []
    min_years_since_founding: int | None = Field(None, ge=0)
    max_years_since_founding: int | None = Field(None, ge=0)
    min_employees: int | None = Field(None, ge=0)
    max_employees: int | None = Field(None, ge=0)
    exclude_selected_within_years: int | None = Field(None, ge=1)


class CallIn(Rules):
    program_id: int
    title: str
    description: str = ""
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    budget: int = 0
    selection_count: int = 1
    trim_extremes_min_evaluators: int | None = None  # None: the agency's setting


class CallPatch(Schema):
    """Only the fields sent change; `null` clears a rule."""

    program_id: int | None = None
    title: str | None = None
    description: str | None = None
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    budget: int | None = None
    selection_count: int | None = None
    trim_extremes_min_evaluators: int | None = None
    allowed_org_types: list[str] | None = None
    allowed_size_classes: list[str] | None = None
    allowed_ksic_prefixes: list[str] | None = None
    allowed_districts: list[str] | None = None
    min_years_since_founding: int | None = None
    max_years_since_founding: int | None = None
    min_employees: int | None = None
    max_employees: int | None = None
    exclude_selected_within_years: int | None = None
    version: int | None = Field(None, description="불러올 때의 version (다르면 409)")


class CallOut(Rules):
    id: int
    program_id: int
    program: str
    title: str
    description: str
    stage: str
    stage_label: str
    opens_at: datetime | None
    closes_at: datetime | None
    published_at: datetime | None
    closed_early_at: datetime | None
    budget: int
    selection_count: int
    version: int

    @staticmethod
    def resolve_program(obj) -> str:
        return str(obj.program)


class CallListOut(CallOut):
    submitted_count: int
    draft_count: int
    selected_count: int


class DocumentOut(Schema):
    id: int
    name: str
    accepted_kinds: list[str]
    is_required: bool
    order: int


class CriterionIn(Schema):
    name: str
    weight: int
    max_score: int = 10


class CriterionOut(CriterionIn):
    id: int


class EvaluatorOut(Schema):
    id: int
    username: str
    full_name: str


class HistoryOut(Schema):
    at: datetime
    actor: str
    text: str


class CallDetailOut(CallOut):
    required_documents: list[DocumentOut]
    criteria: list[CriterionOut]
    evaluators: list[EvaluatorOut]
    history: list[HistoryOut]

    @staticmethod
    def resolve_required_documents(obj):
        return list(obj.required_documents.all())

    @staticmethod
    def resolve_criteria(obj):
        return list(obj.criteria.all())

    @staticmethod
    def resolve_evaluators(obj):
        return list(obj.evaluators.order_by("full_name"))

    @staticmethod
    def resolve_history(obj):
        return readable_history_of(obj)


class VersionIn(Schema):
    version: int | None = None


class DocumentIn(Schema):
    name: str
    accepted_kinds: list[str]
    is_required: bool = True
    order: int | None = None


class CriteriaIn(Schema):
    criteria: list[CriterionIn]


class PoolIn(Schema):
    evaluator_id: int


class PreviewIn(Rules):
    program_id: int | None = None


class FailingOut(Schema):
    id: int
    name: str
    reasons: list[str]


class RuleCountOut(Schema):
    rule: str
    count: int


class PreviewOut(Schema):
    total: int
    passing_count: int
    failing_count: int
    by_rule: list[RuleCountOut]
    passing: list[dict]
    failing: list[FailingOut]
