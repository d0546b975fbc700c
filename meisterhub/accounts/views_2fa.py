import django_otp
import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from meisterhub.core.errors import DomainError
from meisterhub.core.http import client_address

from .forms import OTPForm
from .security import device_of, requires_two_factor, secret_of, start_enrolment, verify_code


@login_required
def two_factor(request):
    """Enrol an authenticator app on first use, then ask for its code once per session."""
    user = request.user
    next_url = request.GET.get("next") or request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = "/"
    if not requires_two_factor(user) or user.is_verified():
        return redirect(next_url)
    device = device_of(user)
    enrolling = device is None or not device.confirmed
    if enrolling:
        device = start_enrolment(user)
    form = OTPForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = verify_code(
                user=user, code=form.cleaned_data["code"], client_address=client_address(request)
            )
        except DomainError as exc:
            form.add_error("code", exc.message)
        else:
            request.session.cycle_key()
            django_otp.login(request, device)
            if enrolling:
                messages.success(request, "2단계 인증을 등록했습니다.")
            return redirect(next_url)
    context = {"form": form, "enrolling": enrolling, "next": next_url}
    if enrolling:
        context |= {
            "secret": secret_of(device),
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(
                scale=4, title="2단계 인증 QR 코드"
            ),
        }
    return render(request, "accounts/two_factor.html", context)
