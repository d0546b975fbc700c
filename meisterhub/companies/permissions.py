from .models import Company, Membership


def can_manage_company(user, company: Company) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_operator:
        return True
    return Membership.objects.filter(
        user=user,
        company=company,
        status=Membership.Status.ACTIVE,
        position=Membership.Position.ADMIN,
    ).exists()


def is_member_of(user, company: Company) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and Membership.objects.filter(
            user=user, company=company, status=Membership.Status.ACTIVE
        ).exists()
    )
