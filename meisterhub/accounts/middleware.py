from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from .security import requires_two_factor

OPEN_PREFIXES = ("/static/", "/i18n/")


class TwoFactorMiddleware:
    """Staff and meisters must pass a TOTP check in each session before anything else.

    Runs after django-otp's OTPMiddleware, which marks the session's user as verified.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and requires_two_factor(user)
            and not user.is_verified()
            and not request.path.startswith(OPEN_PREFIXES)
        ):
            allowed = {
                reverse("accounts:two_factor"),
                reverse("accounts:logout"),
            }
            if request.path not in allowed:
                if request.path.startswith("/api/"):
                    return JsonResponse({"detail": "2단계 인증이 필요합니다."}, status=401)
                return redirect(f"{reverse('accounts:two_factor')}?next={request.get_full_path()}")
        return self.get_response(request)
