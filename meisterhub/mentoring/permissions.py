from django.http import Http404

from meisterhub.accounts.roles import is_staff
from meisterhub.companies.selectors import acting_company_ids
from meisterhub.consultations.permissions import is_own_meister

from .models import MentoringEngagement


def can_view(user, engagement: MentoringEngagement) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        user.is_operator
        or is_own_meister(user, engagement.mentor_id)
        or engagement.company_id in acting_company_ids(user)
    )


def can_create_engagement(user) -> bool:
    return is_staff(user)


def can_complete_engagement(user, engagement: MentoringEngagement) -> bool:
    return is_staff(user) and engagement.status == MentoringEngagement.Status.ACTIVE


def can_write_session(user, engagement: MentoringEngagement) -> bool:
    return (
        is_own_meister(user, engagement.mentor_id)
        and engagement.status == MentoringEngagement.Status.ACTIVE
    )


def access_engagement(user, pk: int) -> MentoringEngagement:
    engagement = (
        MentoringEngagement.objects.select_related("company", "mentor").filter(pk=pk).first()
    )
    if engagement is None or not can_view(user, engagement):
        raise Http404("멘토링을 찾을 수 없습니다.")
    return engagement
