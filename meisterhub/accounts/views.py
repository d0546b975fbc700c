from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string

from meisterhub.core.errors import DomainError
from meisterhub.core.navigation import my_link_groups

from .forms import LoginForm, SignupForm
from .services import register_company_member


def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:mypage")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = register_company_member(
                username=data["username"],
                password=data["password1"],
                full_name=data["full_name"],
                email=data["email"],
                phone=data["phone"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
            return render(request, "accounts/signup.html", {"form": form})
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
    context = {"link_groups": my_link_groups(request.user)}
    # The apps above accounts add their sections (companies: memberships) through a setting.
    for section in settings.MY_PAGE_SECTIONS:
        context.update(import_string(section)(request.user))
    return render(request, "accounts/mypage.html", context)
