from django.http import Http404

from meisterhub.consultations.permissions import is_own_meister, member_company_ids

from .models import MentoringEngagement


def can_view(user, engagement: MentoringEngagement) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        user.is_operator
        or is_own_meister(user, engagement.mentor_id)
        or engagement.company_id in member_company_ids(user)
    )


def access_engagement(user, pk: int) -> MentoringEngagement:
    engagement = (
        MentoringEngagement.objects.select_related("company", "mentor").filter(pk=pk).first()
    )
    if engagement is None or not can_view(user, engagement):
        raise Http404("멘토링을 찾을 수 없습니다.")
    return engagement
