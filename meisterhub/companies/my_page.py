"""What the account page (accounts:mypage) shows of the user's companies. accounts sits below
companies, so it reaches this through settings.MY_PAGE_SECTIONS instead of importing it."""

from .permissions import can_join_company
from .selectors import memberships_of, pending_memberships_for_admin


def my_page_context(user) -> dict:
    return {
        "memberships": memberships_of(user),
        "pending_requests": pending_memberships_for_admin(user),
        "can_join_company": can_join_company(user),
    }
