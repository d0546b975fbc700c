"""Staff pages for meisters: the 마이스터 관리 list with search, create, edit, invite."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meisterhub.accounts.roles import staff_required
from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import readable_history_of
from meisterhub.core.http import is_htmx

from .manage_forms import InviteForm, MeisterForm, MeisterSearchForm
from .manage_services import create_meister, invite_meister, update_meister
from .models import Meister
from .selectors import list_meisters_for_staff

PAGE_SIZE = 50


@staff_required
@require_GET
def manage_list(request):
    form = MeisterSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    meisters = list_meisters_for_staff(query=filters.get("q") or "",
                                       state=filters.get("state") or "")
    page = Paginator(meisters, PAGE_SIZE).get_page(request.GET.get("page"))
    template = ("meisters/manage/partials/rows.html" if is_htmx(request)
                else "meisters/manage/list.html")
    return render(request, template, {"form": form, "page": page})


@staff_required
@require_http_methods(["GET", "POST"])
def manage_create(request):
    form = MeisterForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            meister = create_meister(actor=request.user, **form.service_values())
        except DomainError as error:
            form.show_error(error)
        else:
            invited = " 초대 메일을 보냈습니다." if meister.user_id else ""
            messages.success(request, f"{meister.name} 마이스터를 등록했습니다.{invited}")
            return redirect("meisters:manage_edit", meister.pk)
    return render(request, "meisters/manage/form.html", {"form": form, "meister": None})


def _edit_context(meister: Meister, form, invite_form=None) -> dict:
    return {
        "meister": meister, "form": form, "invite_form": invite_form or InviteForm(),
        # Invite, or invite again, until the meister has set a password (a staff-only page).
        "can_invite": not meister.has_active_account,
        "history": readable_history_of(meister),
    }


def _load(pk: int) -> Meister:
    return get_object_or_404(Meister.objects.select_related("user"), pk=pk)


@staff_required
@require_http_methods(["GET", "POST"])
def manage_edit(request, pk: int):
    meister = _load(pk)
    if request.method == "POST":
        form = MeisterForm(request.POST, request.FILES, editing=True)
        if form.is_valid():
            values = form.service_values()
            try:
                update_meister(actor=request.user, meister=meister,
                               version=form.cleaned_data["version"], **values)
            except DomainError as error:
                # A stale save keeps the person's input: they compare and save again.
                form.show_error(error)
            else:
                messages.success(request, f"{meister.name} 마이스터 정보를 저장했습니다.")
                return redirect("meisters:manage_edit", meister.pk)
    else:
        form = MeisterForm(initial=MeisterForm.initial_for(meister), editing=True)
    return render(request, "meisters/manage/form.html", _edit_context(meister, form))


@staff_required
@require_POST
def manage_invite(request, pk: int):
    meister = _load(pk)
    invite_form = InviteForm(request.POST)
    if invite_form.is_valid():
        try:
            meister = invite_meister(actor=request.user, meister=meister,
                                     email=invite_form.cleaned_data["email"])
        except DomainError as error:
            invite_form.show_error(error)
        else:
            messages.success(request, f"{meister.user.email}(으)로 초대 메일을 보냈습니다.")
            return redirect("meisters:manage_edit", meister.pk)
    form = MeisterForm(initial=MeisterForm.initial_for(meister), editing=True)
    return render(request, "meisters/manage/form.html",
                  _edit_context(meister, form, invite_form), status=400)
