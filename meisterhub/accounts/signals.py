from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from .security import clear_login_failures, record_login_failure


@receiver(user_login_failed)
def _remember_failure(sender, credentials, request=None, **kwargs):
    username = credentials.get("username") or ""
    if username:
        ip = request.META.get("REMOTE_ADDR") if request is not None else None
        record_login_failure(username, ip)


@receiver(user_logged_in)
def _forget_failures(sender, request, user, **kwargs):
    clear_login_failures(user.get_username())
