from .models import Company
from .selectors import acting_companies, administered_memberships


def can_join_company(user) -> bool:
    """Register a company or ask to join one: company members only (other roles act for none)."""
    return bool(getattr(user, "is_authenticated", False) and user.is_company_member)


def can_manage_company(user, company: Company) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_operator:
        return True
    return administered_memberships(user).filter(company=company).exists()


def can_act_for(user, company: Company) -> bool:
    return acting_companies(user).filter(pk=company.pk).exists()
