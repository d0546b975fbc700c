"""Who may see and change what. access_* return 404 for both missing and hidden records."""

from django.http import Http404

from meisterhub.accounts.models import Role
from meisterhub.accounts.roles import is_staff
from meisterhub.companies.selectors import acting_companies

from .models import Application, ApplicationStatus, Assignment


def is_evaluator(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.role == Role.EVALUATOR


def applications_visible_to(user):
    qs = Application.objects.all()
    if is_staff(user):
        return qs
    if is_evaluator(user):
        return qs.filter(assignments__evaluator=user)
    return qs.filter(company__in=acting_companies(user).values("pk"))


def access_application(user, pk: int) -> Application:
    application = (
        applications_visible_to(user)
        .select_related("call__program", "company__industry", "applicant")
        .filter(pk=pk).first()
    )
    if application is None:
        raise Http404("신청을 찾을 수 없습니다.")
    return application


def access_application_as_applicant(user, pk: int) -> Application:
    """The applicant's own application (staff and evaluators use their own pages)."""
    application = (
        Application.objects.filter(pk=pk, company__in=acting_companies(user).values("pk"))
        .select_related("call__program", "company__industry").first()
    )
    if application is None:
        raise Http404("신청을 찾을 수 없습니다.")
    return application


def access_assignment(user, pk: int) -> Assignment:
    """An evaluator reaches only their own assignments; everybody else gets 404."""
    if not is_evaluator(user):
        raise Http404("평가 배정을 찾을 수 없습니다.")
    assignment = (
        Assignment.objects.filter(pk=pk, evaluator=user)
        .select_related("application__call__program", "application__company").first()
    )
    if assignment is None:
        raise Http404("평가 배정을 찾을 수 없습니다.")
    return assignment


# The staff application page's steps; each service checks the same state again on post.
def can_screen_application(user, application: Application) -> bool:
    """Pass screening or ask for a supplement."""
    return is_staff(user) and application.status == ApplicationStatus.SUBMITTED


def can_assign_evaluators(user, application: Application) -> bool:
    return is_staff(user) and application.status == ApplicationStatus.EVALUATION


def can_manage_agreement(user, application: Application) -> bool:
    """Sign the agreement and complete its milestones: a selected application's."""
    return is_staff(user) and application.status == ApplicationStatus.SELECTED
