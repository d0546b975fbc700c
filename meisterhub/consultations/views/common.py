from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from meisterhub.core.errors import DomainError


def meister_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        meister = getattr(request.user, "meister", None) if request.user.is_meister else None
        if meister is None:
            raise PermissionDenied("마이스터 계정만 볼 수 있는 페이지입니다.")
        return view(request, meister, *args, **kwargs)

    return wrapper


def run_action(request, action, success: str, then: str, *args):
    """Call one service for a POST button; a refusal becomes a Korean message."""
    try:
        action()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect(then, *args)
