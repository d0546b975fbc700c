"""JSON API: open calls (public), my applications, an evaluator's assignments and scoring.

Endpoints that act for a person use the session (with CSRF on writes) and the same services
and selectors as the pages; refusals come back as {"detail": "<Korean message>"}.
"""

from datetime import datetime
from decimal import Decimal

from django.http import Http404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth

from meisterhub.core.pagination import BoundedLimitOffsetPagination

from . import selectors, services
from .api_manage import router as manage_router
from .models import CallStatus
from .permissions import access_assignment

router = Router()


class CallOut(Schema):
    id: int
    title: str
    area: str
    area_label: str
    program: str
    opens_at: datetime
    closes_at: datetime
    budget: int
    selection_count: int
    status: str

    @staticmethod
    def resolve_area(obj) -> str:
        return obj.program.area

    @staticmethod
    def resolve_area_label(obj) -> str:
        return obj.program.get_area_display()

    @staticmethod
    def resolve_program(obj) -> str:
        return obj.program.name


class ApplicationOut(Schema):
    id: int
    call_id: int
    call_title: str
    company: str
    status: str
    status_label: str
    step: int
    requested_amount: int
    submitted_at: datetime | None
    final_score: Decimal | None
    rank: int | None

    @staticmethod
    def resolve_call_title(obj) -> str:
        return obj.call.title

    @staticmethod
    def resolve_company(obj) -> str:
        return obj.company.name

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_step(obj) -> int:
        return obj.step_index


class AssignmentOut(Schema):
    id: int
    application_id: int
    call_title: str
    company: str
    submitted_at: datetime | None
    total: Decimal | None

    @staticmethod
    def resolve_call_title(obj) -> str:
        return obj.application.call.title

    @staticmethod
    def resolve_company(obj) -> str:
        return obj.application.company.name


class ScoreIn(Schema):
    scores: dict[int, Decimal | str]
    comment: str = ""
    submit: bool = False


@router.get("/calls", response=list[CallOut], summary="접수 중인 공고 (검색·분야·상태)")
@paginate(BoundedLimitOffsetPagination)
def list_calls(request, q: str = "", area: str = "", status: str = CallStatus.OPEN):
    return selectors.list_calls(query=q, area=area, status=status)


@router.get("/my/applications", response=list[ApplicationOut], auth=django_auth,
            summary="내 신청 내역")
@paginate(BoundedLimitOffsetPagination)
def my_applications(request):
    return selectors.applications_of(request.auth)


@router.get("/evaluations", response=list[AssignmentOut], auth=django_auth,
            summary="내게 배정된 평가")
@paginate(BoundedLimitOffsetPagination)
def my_assignments(request):
    return selectors.assignments_of(request.auth)


@router.post("/evaluations/{assignment_id}/scores", response=AssignmentOut, auth=django_auth,
             summary="평가 점수 저장·제출")
def score_assignment(request, assignment_id: int, payload: ScoreIn):
    try:
        assignment = access_assignment(request.auth, assignment_id)
    except Http404:
        raise HttpError(404, "평가 배정을 찾을 수 없습니다.") from None
    return services.save_scores(actor=request.auth, assignment=assignment,
                                scores=payload.scores, comment=payload.comment,
                                submit=payload.submit)


# The staff twins of the program and call pages live in their own module.
router.add_router("/manage", manage_router)
