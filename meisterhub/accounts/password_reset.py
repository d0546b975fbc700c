"""Password reset by e-mail: Django's token views, mail through the outbox, throttled.

Known and unknown addresses get the same page; over the limit the page is the same too, so
neither the address book nor the limit can be probed.
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.module_loading import import_string

from meisterhub.core.http import client_address, site_url

logger = logging.getLogger(__name__)

PER_ADDRESS = (5, 15 * 60)  # requests per client address per 15 minutes
PER_EMAIL = (3, 60 * 60)  # requests per e-mail address per hour


def _over(key: str, limit: tuple[int, int]) -> bool:
    count, window = limit
    cache.add(key, 0, window)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        used = 1
    return used > count


def _digest(value: str) -> str:
    # Short, safe cache keys for any backend, and no e-mail addresses lying in the cache.
    return hashlib.sha256(value.encode()).hexdigest()[:32]


def throttled(*, client_address: str, email: str) -> bool:
    """Count this request against both limits; True if either is exceeded."""
    by_address = _over(f"pwreset:ip:{_digest(client_address)}", PER_ADDRESS)
    by_email = _over(f"pwreset:email:{_digest(email.strip().lower())}", PER_EMAIL)
    return by_address or by_email


class OutboxPasswordResetForm(PasswordResetForm):
    """One reset mail per request, written to the outbox (its text hidden from the log)."""

    def save(self, *, token_generator=default_token_generator, **kwargs):
        email = self.cleaned_data["email"]
        # The outbox lives in notifications, above accounts: reached through a setting.
        send = import_string(settings.ACCOUNT_MAIL_SENDER)
        for user in self.get_users(email):
            uid = urlsafe_base64_encode(force_bytes(user.pk))
            token = token_generator.make_token(user)
            link = site_url() + reverse("accounts:password_reset_confirm", args=[uid, token])
            text = render_to_string("accounts/password_reset_email.txt",
                                    {"user": user, "link": link})
            # Mail only (no inbox copy of a live link); the key holds a hash, never the token.
            send(user=user, template="password_reset",
                 event=f"password_reset.{_digest(token)[:20]}",
                 subject="[마이스터 허브] 비밀번호 재설정 안내", text=text, link=link)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = OutboxPasswordResetForm
    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        address = client_address(self.request)
        if throttled(client_address=address, email=form.cleaned_data["email"]):
            # Same redirect as a sent mail, so the limit reveals nothing; no address in the log.
            logger.warning("password reset throttled for client %s", address)
            return super(auth_views.PasswordResetView, self).form_valid(form)  # no mail
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
