from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import readable_history_of
from meisterhub.core.privacy import can_view_personal_data

from . import services
from .forms import CompanyForm, JoinForm
from .models import Membership
from .permissions import can_act_for, can_join_company, can_manage_company
from .selectors import companies_visible_to


def _company_members_only(user):
    if not can_join_company(user):
        raise PermissionDenied("기업 회원만 이용할 수 있습니다.")


@login_required
def start(request):
    """Register a new company or ask to join an existing one."""
    _company_members_only(request.user)
    register_form = CompanyForm(prefix="new")
    join_form = JoinForm(prefix="join")
    if request.method == "POST" and "register" in request.POST:
        register_form = CompanyForm(request.POST, prefix="new")
        if register_form.is_valid():
            try:
                company = services.register_company(
                    actor=request.user, **register_form.cleaned_data
                )
            except DomainError as exc:
                register_form.add_error(
                    exc.field if exc.field in register_form.fields else None, exc.message
                )
            else:
                for warning in register_form.warnings:
                    messages.warning(request, warning)
                messages.success(request, f"{company.name}을(를) 등록했습니다.")
                return redirect("companies:detail", company.pk)
    elif request.method == "POST" and "join" in request.POST:
        join_form = JoinForm(request.POST, prefix="join")
        if join_form.is_valid():
            try:
                membership = services.request_membership(
                    actor=request.user, brn=join_form.cleaned_data["brn"]
                )
            except DomainError as exc:
                join_form.add_error("brn", exc.message)
            else:
                messages.success(
                    request,
                    f"{membership.company.name}에 소속 신청을 했습니다. 기업 관리자가 승인하면 이용할 수 있습니다.",
                )
                return redirect("accounts:mypage")
    return render(
        request, "companies/start.html", {"register_form": register_form, "join_form": join_form}
    )


@login_required
def company_detail(request, pk: int):
    company = get_object_or_404(companies_visible_to(request.user), pk=pk)
    return render(
        request,
        "companies/detail.html",
        {
            "company": company,
            "can_manage": can_manage_company(request.user, company),
            "can_reveal_personal_data": can_view_personal_data(request.user),
            "members": company.memberships.select_related("user").order_by("created_at"),
            "history": readable_history_of(company, limit=20),
        },
    )


@login_required
def company_edit(request, pk: int):
    company = get_object_or_404(companies_visible_to(request.user), pk=pk)
    if not can_manage_company(request.user, company):
        raise Http404
    form = CompanyForm(
        request.POST or None, instance=company, mask_personal=not can_act_for(request.user, company)
    )
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            services.update_company(actor=request.user, company=company, **changes)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            for warning in form.warnings:
                messages.warning(request, warning)
            messages.success(request, "기업 정보를 저장했습니다.")
            return redirect("companies:detail", company.pk)
    return render(request, "companies/edit.html", {"form": form, "company": company})


@login_required
@require_POST
def approve_membership(request, pk: int):
    membership = get_object_or_404(Membership.objects.select_related("company"), pk=pk)
    try:
        services.approve_membership(actor=request.user, membership=membership)
    except DomainError as exc:
        if exc.code == "forbidden":
            raise Http404 from None
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{membership.user.full_name}님의 소속을 승인했습니다.")
    return redirect("accounts:mypage")
