"""Agency staff (운영자): the one answer to "is this user staff", for services, views and the API.

A refusal by role is 403 on pages and in the API (docs/adr/0005-one-refusal-status.md); a record
the user may not see stays 404 through the apps' access_* functions.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from meisterhub.core.errors import DomainError

STAFF_ONLY = "운영자만 할 수 있습니다."


def is_staff(user) -> bool:
    """Signed in with the staff role, or a superuser acting as staff (User.is_operator)."""
    return bool(getattr(user, "is_authenticated", False) and user.is_operator)


def require_staff(actor, message: str = STAFF_ONLY) -> None:
    """For services and API operations: DomainError "forbidden" (403 in the API).

    The message may name the action ("운영자만 행사를 관리할 수 있습니다."); the rule is the same.
    """
    if not is_staff(actor):
        raise DomainError(message, code="forbidden")


def staff_required(view):
    """For pages: anonymous → the login page (as login_required), other roles → 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_staff(request.user):
            raise PermissionDenied("운영자만 볼 수 있는 페이지입니다.")
        return view(request, *args, **kwargs)

    return wrapper
