from django.db.models import QuerySet

from .models import Company, Membership


def companies_visible_to(user) -> QuerySet[Company]:
    """Staff see every company; a member sees only the companies they belong to."""
    qs = Company.objects.select_related("industry")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_operator:
        return qs
    return qs.filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    ).distinct()


def memberships_of(user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("company", "company__industry")


def pending_memberships_for_admin(user) -> QuerySet[Membership]:
    admin_of = Membership.objects.filter(
        user=user, status=Membership.Status.ACTIVE, position=Membership.Position.ADMIN
    ).values("company_id")
    return Membership.objects.filter(
        company_id__in=admin_of, status=Membership.Status.PENDING
    ).select_related("user", "company")
