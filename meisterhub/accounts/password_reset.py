"""Password reset by e-mail: Django's token views, mail through the outbox, throttled.

Known and unknown addresses get the same page; over the limit the page is the same too, so
neither the address book nor the limit can be probed.
"""

import hashlib
import ipaddress
import logging

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from meisterhub.notifications.conf import site_url
from meisterhub.notifications.services import Recipient, notify

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


def client_address(request) -> str:
    """The client's address, also behind the local HTTPS proxy (docs/operations.md).

    gunicorn listens on loopback, so there REMOTE_ADDR is the proxy. Only then is the
    right-most X-Forwarded-For entry used, the one the proxy itself appended; entries further
    left come from the client and could be forged to dodge the limit.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    try:
        behind_proxy = ipaddress.ip_address(remote).is_loopback
    except ValueError:
        behind_proxy = False
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
    if behind_proxy and forwarded:
        return forwarded
    return remote


class OutboxPasswordResetForm(PasswordResetForm):
    """One reset mail per request, written to the outbox (its text hidden from the log)."""

    def save(self, *, token_generator=default_token_generator, **kwargs):
        email = self.cleaned_data["email"]
        for user in self.get_users(email):
            uid = urlsafe_base64_encode(force_bytes(user.pk))
            token = token_generator.make_token(user)
            link = site_url() + reverse("accounts:password_reset_confirm", args=[uid, token])
            text = render_to_string("accounts/password_reset_email.txt",
                                    {"user": user, "link": link})
            # Mail only (no inbox copy of a live link); the key holds a hash, never the token.
            notify(recipients=[Recipient(email=getattr(user, "email", ""))],
                   kind="account", template="password_reset", record=user,
                   event=f"password_reset.{_digest(token)[:20]}",
                   subject="[마이스터 허브] 비밀번호 재설정 안내",
                   text=text, link=link, sensitive=True)


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
