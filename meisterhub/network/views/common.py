from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from ..permissions import is_staff


def staff_only(view):
    """Staff pages: sign in first, then 404 for everybody else (hidden, not forbidden)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_staff(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def add_domain_error(form, error) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
