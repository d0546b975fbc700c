import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from meisterhub.core.errors import DomainError

from . import totp
from .forms import OTPForm
from .security import SESSION_VERIFIED, requires_two_factor, start_enrolment, verify_code


@login_required
def two_factor(request):
    """Enrol an authenticator app on first use, then ask for its code once per session."""
    user = request.user
    next_url = request.GET.get("next") or request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = "/"
    if not requires_two_factor(user) or request.session.get(SESSION_VERIFIED):
        return redirect(next_url)
    device = getattr(user, "totp_device", None)
    enrolling = device is None or device.confirmed_at is None
    if enrolling:
        device = start_enrolment(user)
    form = OTPForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            verify_code(user=user, code=form.cleaned_data["code"])
        except DomainError as exc:
            form.add_error("code", exc.message)
        else:
            request.session.cycle_key()
            request.session[SESSION_VERIFIED] = True
            if enrolling:
                messages.success(request, "2단계 인증을 등록했습니다.")
            return redirect(next_url)
    context = {"form": form, "enrolling": enrolling, "next": next_url}
    if enrolling:
        uri = totp.provisioning_uri(device.secret, user.get_username())
        context |= {
            "secret": device.secret,
            "qr_svg": segno.make(uri, error="m").svg_inline(scale=4, title="2단계 인증 QR 코드"),
        }
    return render(request, "accounts/two_factor.html", context)
