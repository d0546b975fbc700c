from datetime import date

from django.db.models import Count, Q, QuerySet

from meisterhub.companies.selectors import acting_company_ids

from .models import MentoringEngagement, MentoringGoal, MentoringSession


def engagements_visible_to(user) -> QuerySet[MentoringEngagement]:
    """With goal and session counts; `progress` is the share of goals reached."""
    qs = MentoringEngagement.objects.select_related("company", "mentor").annotate(
        goals_total=Count("goals", distinct=True),
        goals_done=Count("goals", filter=Q(goals__status=MentoringGoal.Status.DONE), distinct=True),
        session_count=Count("sessions", distinct=True),
    )
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_operator:
        return qs
    if user.is_meister:
        meister = getattr(user, "meister", None)
        return qs.filter(mentor=meister) if meister else qs.none()
    return qs.filter(company_id__in=acting_company_ids(user))


def progress(engagement) -> int:
    total = getattr(engagement, "goals_total", None)
    if total is None:
        goals = list(engagement.goals.all())
        total, done = len(goals), sum(g.status == MentoringGoal.Status.DONE for g in goals)
    else:
        done = engagement.goals_done
    return round(100 * done / total) if total else 0


def mentoring_counts(first: date, last: date) -> dict:
    """For the annual report: engagements running at some point in [first, last], those started
    in it, their distinct companies and mentors, and the sessions held in it (two queries)."""
    counts = MentoringEngagement.objects.filter(starts_on__lte=last, ends_on__gte=first).aggregate(
        engagements=Count("id"),
        started=Count("id", filter=Q(starts_on__gte=first)),
        companies=Count("company", distinct=True),
        mentors=Count("mentor", distinct=True),
    )
    counts["sessions"] = MentoringSession.objects.filter(
        held_on__gte=first, held_on__lte=last
    ).count()
    return counts
