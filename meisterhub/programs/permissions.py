"""Who may see and change what. access_* return 404 for both missing and hidden records."""

from django.http import Http404

from meisterhub.accounts.models import Role
from meisterhub.companies.models import Company, Membership

from .models import Application, Assignment


def is_evaluator(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.role == Role.EVALUATOR


def is_operator(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.is_operator


def companies_acting_for(user):
    """Companies the user acts for through an active membership (company members only)."""
    if not getattr(user, "is_authenticated", False) or not user.is_company_member:
        return Company.objects.none()
    return Company.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    ).select_related("industry")


def can_act_for(user, company) -> bool:
    return companies_acting_for(user).filter(pk=company.pk).exists()


def applications_visible_to(user):
    qs = Application.objects.all()
    if is_operator(user):
        return qs
    if is_evaluator(user):
        return qs.filter(assignments__evaluator=user)
    return qs.filter(company__in=companies_acting_for(user).values("pk"))


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
        Application.objects.filter(pk=pk, company__in=companies_acting_for(user).values("pk"))
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
