"""Staff pages for calls (공고 관리): the list, the form, publish, close, copy, rule preview."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from meisterhub.accounts.roles import staff_required
from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import readable_history_of
from meisterhub.core.locking import StaleEdit

from .. import conf, selectors, services
from ..forms_manage import (
    RULE_FIELDS,
    CallForm,
    CriterionFormSet,
    DocumentAddForm,
    PoolAddForm,
    call_initial,
)
from ..models import Call
from ..preview import preview_eligibility, rules_call
from .common import add_domain_error

PAGE_SIZE = 30
STAGES = [("", "전체"), ("draft", "작성 중(미게시)"), ("upcoming", "접수 예정"),
          ("open", "접수 중"), ("closed", "접수 마감")]


def get_managed_call(pk: int) -> Call:
    return get_object_or_404(Call.objects.select_related("program"), pk=pk)


def criteria_formset(call, data=None):
    initial = [{"name": c.name, "weight": c.weight, "max_score": c.max_score}
               for c in call.criteria.all()]
    return CriterionFormSet(data, initial=initial, prefix="criteria")


def keep_input_after_conflict(form, error, current_version: int) -> None:
    """After a stale save the typed input stays; the next save is made knowing what changed."""
    if isinstance(error, StaleEdit):
        form.data = form.data.copy()
        form.data["version"] = current_version


def call_page_context(call, *, form=None, document_form=None, criteria=None,
                      criteria_error=None, pool_form=None, notice=None, error=None) -> dict:
    """Everything on a call's staff page; a part that failed brings its bound form."""
    return {
        "call": call,
        "form": form or CallForm(initial=call_initial(call)),
        "documents": call.required_documents.all(),
        "document_form": document_form or DocumentAddForm(initial={"is_required": True}),
        "criteria": criteria or criteria_formset(call),
        "criteria_error": criteria_error,
        "criteria_total": sum(c.weight for c in call.criteria.all()),
        "pool": call.evaluators.order_by("full_name"),
        "pool_form": pool_form or PoolAddForm(call=call),
        "history": readable_history_of(call),
        "notice": notice, "error": error,
    }


def render_call_page(request, call, **overrides):
    return render(request, "programs/manage/call_edit.html", call_page_context(call, **overrides))


@staff_required
@require_GET
def call_list(request):
    query, stage = request.GET.get("q", "")[:100], request.GET.get("stage", "")
    calls = selectors.list_calls_for_staff(query=query, stage=stage)
    page = Paginator(calls, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "programs/manage/call_list.html", {
        "page": page, "q": query, "stage": stage, "stages": STAGES})


@staff_required
def call_create(request):
    form = CallForm(request.POST or None, initial={
        "program": request.GET.get("program"), "budget": 0, "selection_count": 1,
        "trim_extremes_min_evaluators": conf.TRIM_EXTREMES_MIN_EVALUATORS})
    if request.method == "POST" and form.is_valid():
        try:
            call = services.create_call(actor=request.user, **form.values())
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "공고를 작성 중 상태로 저장했습니다. 제출 서류와 평가 항목을 넣은 뒤 게시하세요.")
            return redirect("programs:manage_call_edit", call.pk)
    return render(request, "programs/manage/call_create.html", {"form": form})


@staff_required
def call_edit(request, pk: int):
    call = get_managed_call(pk)
    if request.method != "POST":
        return render_call_page(request, call)
    form = CallForm(request.POST)
    if form.is_valid():
        try:
            services.update_call(actor=request.user, call=call,
                                 version=form.cleaned_data["version"], **form.values())
        except DomainError as exc:
            add_domain_error(form, exc)
            keep_input_after_conflict(form, exc, Call.objects.get(pk=call.pk).version)
        else:
            messages.success(request, "공고를 저장했습니다.")
            return redirect("programs:manage_call_edit", call.pk)
    return render_call_page(request, call, form=form)


def _lifecycle(request, pk: int, action, success: str):
    call = get_managed_call(pk)
    version = request.POST.get("version", "")
    version = int(version) if version.isdigit() else None
    try:
        result = action(actor=request.user, call=call, version=version)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("programs:manage_call_edit", call.pk)
    messages.success(request, success)
    return redirect("programs:manage_call_edit", result.pk)


@staff_required
@require_POST
def call_publish(request, pk: int):
    return _lifecycle(request, pk, services.publish_call, "공고를 게시했습니다. 공개 공고 목록에 보입니다.")


@staff_required
@require_POST
def call_close(request, pk: int):
    return _lifecycle(request, pk, services.close_call, "공고 접수를 지금 마감했습니다.")


@staff_required
@require_POST
def call_copy(request, pk: int):
    def copy(*, actor, call, version):
        return services.copy_call(actor=actor, call=call)

    return _lifecycle(request, pk, copy, "공고를 복사했습니다. 접수 기간을 정한 뒤 게시하세요.")


@staff_required
@require_GET
def call_preview(request):
    """htmx: who the rules as they stand in the form (saved or not) would let apply."""
    form = CallForm(request.GET)
    form.is_valid()
    rule_errors = {form.fields[name].label: errors for name, errors in form.errors.items()
                   if name in RULE_FIELDS}
    preview = preview_eligibility(rules_call(form.rule_values()))
    return render(request, "programs/manage/partials/preview.html", {
        "preview": preview, "rule_errors": rule_errors})
