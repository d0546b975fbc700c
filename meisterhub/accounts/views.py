from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from meisterhub.companies.selectors import memberships_of, pending_memberships_for_admin
from meisterhub.core import history
from meisterhub.core.navigation import my_link_groups

from .forms import LoginForm, SignupForm
from .models import Consent


def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:mypage")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        Consent.objects.create(
            user=user,
            purpose=Consent.Purpose.MEMBERSHIP,
            items="성명, 이메일, 휴대전화",
            retention="회원 탈퇴 또는 1년간 미이용 시까지",
        )
        history.record(actor=user, action="accounts.user.signed_up", instance=user)
        login(request, user, backend="meisterhub.accounts.backends.RolePermissionBackend")
        messages.success(
            request, "가입을 환영합니다. 소속 기업을 등록하거나 소속 신청을 해 주세요."
        )
        return redirect("companies:start")
    return render(request, "accounts/signup.html", {"form": form})


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@login_required
def mypage(request):
    return render(
        request,
        "accounts/mypage.html",
        {
            "memberships": memberships_of(request.user),
            "pending_requests": pending_memberships_for_admin(request.user),
            "link_groups": my_link_groups(request.user),
        },
    )
