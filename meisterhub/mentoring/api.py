from datetime import date

from django.http import Http404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth

from meisterhub.core.pagination import BoundedLimitOffsetPagination

from .permissions import access_engagement
from .selectors import engagements_visible_to, progress

router = Router()


class GoalOut(Schema):
    title: str
    status: str


class SessionOut(Schema):
    held_on: date
    notes: str
    next_steps: str


class EngagementOut(Schema):
    id: int
    company: str
    mentor: str
    starts_on: date
    ends_on: date
    status: str
    progress: int

    @staticmethod
    def resolve_company(obj) -> str:
        return obj.company.name

    @staticmethod
    def resolve_mentor(obj) -> str:
        return obj.mentor.name

    @staticmethod
    def resolve_progress(obj) -> int:
        return progress(obj)


class EngagementDetailOut(EngagementOut):
    goals: list[GoalOut]
    sessions: list[SessionOut]

    @staticmethod
    def resolve_goals(obj):
        return list(obj.goals.all())

    @staticmethod
    def resolve_sessions(obj):
        return list(obj.sessions.all())


@router.get("/", response=list[EngagementOut], auth=django_auth, summary="나의 멘토링")
@paginate(BoundedLimitOffsetPagination)
def list_engagements(request):
    return engagements_visible_to(request.user).order_by("-starts_on", "-pk")


@router.get(
    "/{engagement_id}", response=EngagementDetailOut, auth=django_auth, summary="멘토링 상세"
)
def get_engagement(request, engagement_id: int):
    try:
        return access_engagement(request.user, engagement_id)
    except Http404:
        raise HttpError(404, "멘토링을 찾을 수 없습니다.") from None
