"""Staff edit a call's documents, criteria and evaluator pool on its page (htmx or plain POST).

With htmx the section comes back alone, with its message inside; without, a success or a
refusal redirects to the page with a message, and bad input renders the whole page with the
section's bound form and the errors beside their fields.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from meisterhub.accounts.models import User
from meisterhub.accounts.roles import staff_required
from meisterhub.core.errors import DomainError
from meisterhub.core.http import is_htmx

from .. import services
from ..forms_manage import CriterionFormSet, DocumentAddForm, PoolAddForm, criteria_rows
from ..models import RequiredDocument
from .common import add_domain_error
from .manage_calls import call_page_context, get_managed_call, render_call_page


def _section(request, call, template: str, *, success=None, error=None, **overrides):
    if is_htmx(request):
        context = call_page_context(call, notice=success, error=error, **overrides)
        return render(request, f"programs/manage/partials/{template}", context)
    if success or error:
        (messages.success if success else messages.error)(request, success or error)
        return redirect("programs:manage_call_edit", call.pk)
    return render_call_page(request, call, **overrides)


@staff_required
@require_POST
def document_add(request, pk: int):
    call = get_managed_call(pk)
    form = DocumentAddForm(request.POST)
    if form.is_valid():
        try:
            document = services.add_required_document(actor=request.user, call=call,
                                                      **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return _section(request, call, "documents.html",
                            success=f"'{document.name}' 서류를 넣었습니다.")
    return _section(request, call, "documents.html", document_form=form)


@staff_required
@require_POST
def document_remove(request, pk: int, document_pk: int):
    call = get_managed_call(pk)
    document = get_object_or_404(RequiredDocument, pk=document_pk, call=call)
    try:
        services.remove_required_document(actor=request.user, document=document)
    except DomainError as exc:
        return _section(request, call, "documents.html", error=exc.message)
    return _section(request, call, "documents.html", success=f"'{document.name}' 서류를 뺐습니다.")


@staff_required
@require_POST
def criteria_save(request, pk: int):
    call = get_managed_call(pk)
    formset = CriterionFormSet(request.POST, prefix="criteria")
    if not formset.is_valid():
        return _section(request, call, "criteria.html", criteria=formset,
                        criteria_error="평가 항목 입력을 확인해 주세요.")
    try:
        services.save_criteria(actor=request.user, call=call, rows=criteria_rows(formset))
    except DomainError as exc:
        # The rows as typed stay in the form, the reason beside the criteria.
        return _section(request, call, "criteria.html", criteria=formset,
                        criteria_error=exc.message)
    return _section(request, call, "criteria.html", success="평가 항목을 저장했습니다.")


@staff_required
@require_POST
def pool_add(request, pk: int):
    call = get_managed_call(pk)
    form = PoolAddForm(request.POST, call=call)
    if form.is_valid():
        evaluator = form.cleaned_data["evaluator"]
        try:
            services.add_pool_evaluator(actor=request.user, call=call, evaluator=evaluator)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return _section(request, call, "pool.html",
                            success=f"{evaluator.full_name} 평가위원을 풀에 넣었습니다.")
    return _section(request, call, "pool.html", pool_form=form)


@staff_required
@require_POST
def pool_remove(request, pk: int, user_pk: int):
    call = get_managed_call(pk)
    evaluator = get_object_or_404(User, pk=user_pk, evaluator_pool_calls=call)
    try:
        services.remove_pool_evaluator(actor=request.user, call=call, evaluator=evaluator)
    except DomainError as exc:
        return _section(request, call, "pool.html", error=exc.message)
    return _section(request, call, "pool.html",
                    success=f"{evaluator.full_name} 평가위원을 풀에서 뺐습니다.")
