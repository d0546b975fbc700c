from django.http import Http404
from django.utils import timezone

from meisterhub.accounts.models import Role
from meisterhub.accounts.roles import is_staff

from .models import Contest, Event, Registration, Submission
from .selectors import get_event_for


def can_manage_events(user) -> bool:
    """Edit events, check people in, announce, run contests and see the counts: staff."""
    return is_staff(user)


def can_publish_event(user, event: Event) -> bool:
    return can_manage_events(user) and event.status == Event.Status.DRAFT


def can_change_event(user, event: Event) -> bool:
    """Edit or cancel: until the event is cancelled."""
    return can_manage_events(user) and event.status != Event.Status.CANCELLED


def can_run_contest(user, event: Event) -> bool:
    """Judges, criteria and the results page: a published contest's."""
    return can_manage_events(user) and event.status == Event.Status.PUBLISHED


def can_cancel_registration(user, registration: Registration) -> bool:
    """The registrant's own cancel button: a live registration for an event still to come.

    (Staff may also cancel after the start, from the event's management page.)
    """
    return (
        getattr(user, "is_authenticated", False)
        and registration.user_id == user.pk
        and registration.status in (Registration.Status.REGISTERED, Registration.Status.WAITLISTED)
        and registration.event.starts_at > timezone.now()
    )


def can_judge_contests(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.role == Role.EVALUATOR)


def access_event(user, pk: int):
    event = get_event_for(user, pk)
    if event is None:
        raise Http404("행사를 찾을 수 없습니다.")
    return event


def access_registration(user, pk: int) -> Registration:
    registration = Registration.objects.select_related("event", "event__facility", "company",
                                                        "user").filter(pk=pk).first()
    if registration is None or not getattr(user, "is_authenticated", False) or not (
            user.is_operator or registration.user_id == user.pk):
        raise Http404("신청 내역을 찾을 수 없습니다.")
    return registration


def access_contest(pk: int) -> Contest:
    contest = Contest.objects.select_related("event").filter(
        event_id=pk, event__status="published").first()
    if contest is None:
        raise Http404("공모전을 찾을 수 없습니다.")
    return contest


def can_read_submission(user, submission: Submission) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_operator or submission.user_id == user.pk:
        return True
    return submission.contest.assignments.filter(judge=user).exists()


def access_submission(user, pk: int) -> Submission:
    submission = Submission.objects.select_related("contest", "contest__event").filter(
        pk=pk).first()
    if submission is None or not can_read_submission(user, submission):
        raise Http404("제출작을 찾을 수 없습니다.")
    return submission
