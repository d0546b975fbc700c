from django.db.models import QuerySet

from .models import Company, Industry, Membership


def companies_visible_to(user) -> QuerySet[Company]:
    """Staff see every company; a member sees only the companies they belong to."""
    qs = Company.objects.select_related("industry")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_operator:
        return qs
    return acting_companies(user)


def acting_companies(user) -> QuerySet[Company]:
    """The companies a person acts for: active memberships, and only while their role is
    company member (a member later made evaluator or meister no longer acts for the company)."""
    if not getattr(user, "is_authenticated", False) or not user.is_company_member:
        return Company.objects.none()
    # One row per company: a user has at most one membership per company (unique constraint).
    return Company.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    ).select_related("industry")


def acting_company_ids(user) -> set[int]:
    return set(acting_companies(user).values_list("pk", flat=True))


def memberships_of(user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("company", "company__industry")


def administered_memberships(user) -> QuerySet[Membership]:
    """The user's active admin memberships: the companies they manage."""
    return Membership.objects.filter(
        user=user, status=Membership.Status.ACTIVE, position=Membership.Position.ADMIN
    )


def pending_memberships_for_admin(user) -> QuerySet[Membership]:
    admin_of = administered_memberships(user).values("company_id")
    return Membership.objects.filter(
        company_id__in=admin_of, status=Membership.Status.PENDING
    ).select_related("user", "company")


def list_companies() -> QuerySet[Company]:
    """Every company by name, for staff exports (callers pick the columns)."""
    return Company.objects.order_by("name", "pk")


def industry_codes() -> set[str]:
    """Every industry code, to check imported rows against."""
    return set(Industry.objects.values_list("code", flat=True))
