"""Staff pages: screening, assigning evaluators, selection, agreements, imports, champions."""


from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from meisterhub.accounts.roles import staff_required
from meisterhub.companies.models import Company
from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import readable_history_of
from meisterhub.core.paging import paginate

from .. import selectors, services
from ..forms import AgreementForm, AssignForm, ChampionForm, ImportForm, SupplementForm
from ..importing import import_outcomes
from ..models import STEPS, Application, Call, Milestone
from ..permissions import can_assign_evaluators, can_manage_agreement, can_screen_application
from ..ranking import TIE_BREAK_RULES
from ..services.applications import open_supplement
from .common import add_domain_error


@staff_required
def call_manage(request, pk: int):
    call = get_object_or_404(Call.objects.select_related("program"), pk=pk)
    if request.method == "POST" and "select" in request.POST:
        try:
            selected = services.select_applications(actor=request.user, call=call)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"{len(selected)}개 기업을 선정하고 결과를 알렸습니다.")
        return redirect("programs:call_manage", call.pk)
    return render(request, "programs/staff/call_manage.html", {
        "call": call, "applications": paginate(request, selectors.applications_of_call(call)),
        "tie_break_rules": TIE_BREAK_RULES})


@staff_required
def staff_application(request, pk: int):
    application = get_object_or_404(
        Application.objects.select_related("call__program", "company"), pk=pk)
    supplement_form = SupplementForm(call=application.call)
    assign_form = AssignForm(call=application.call)
    agreement_form = AgreementForm()
    action = request.POST.get("action") if request.method == "POST" else None
    form, error = None, None
    try:
        if action == "pass":
            services.pass_screening(actor=request.user, application=application)
        elif action == "supplement":
            form = supplement_form = SupplementForm(request.POST, call=application.call)
            if form.is_valid():
                services.request_supplement(actor=request.user, application=application,
                                            **form.cleaned_data)
        elif action == "assign":
            form = assign_form = AssignForm(request.POST, call=application.call)
            if form.is_valid():
                services.assign_evaluator(actor=request.user, application=application,
                                          evaluator=form.cleaned_data["evaluator"])
        elif action == "agreement":
            form = agreement_form = AgreementForm(request.POST)
            if form.is_valid():
                services.create_agreement(actor=request.user, application=application,
                                          **form.cleaned_data)
        elif action == "milestone":
            milestone = get_object_or_404(Milestone, pk=request.POST.get("milestone"),
                                          agreement__application=application)
            services.complete_milestone(actor=request.user, milestone=milestone,
                                        completed_on=request.POST.get("completed_on"))
    except DomainError as exc:
        error = exc
        if form is not None:
            add_domain_error(form, exc)
        else:
            messages.error(request, exc.message)
    if action and error is None and (form is None or form.is_valid()):
        messages.success(request, "처리했습니다.")
        return redirect("programs:staff_application", application.pk)
    return render(request, "programs/staff/application.html", {
        "application": application, "steps": STEPS,
        "documents": application.documents.select_related("required_document"),
        "assignments": application.assignments.select_related("evaluator"),
        "supplement": open_supplement(application),
        "agreement": getattr(application, "agreement", None),
        "supplement_form": supplement_form, "assign_form": assign_form,
        "agreement_form": agreement_form, "history": readable_history_of(application),
        "can_screen": can_screen_application(request.user, application),
        "can_assign": can_assign_evaluators(request.user, application),
        "can_manage_agreement": can_manage_agreement(request.user, application),
    })


@staff_required
def outcome_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            result = import_outcomes(actor=request.user, upload=form.cleaned_data["file"],
                                     only_good_rows=form.cleaned_data["only_good_rows"])
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            if result.imported:
                messages.success(request, f"{result.imported}개 행을 가져왔습니다.")
            elif result.errors:
                messages.error(request, "잘못된 행이 있어 아무것도 가져오지 않았습니다.")
    return render(request, "programs/staff/outcome_import.html", {"form": form, "result": result})


@staff_required
@require_POST
def champion_designate(request):
    form = ChampionForm(request.POST)
    if form.is_valid():
        brn = "".join(ch for ch in form.cleaned_data["brn"] if ch.isdigit())
        company = Company.objects.filter(brn=brn).first()
        if company is None:
            messages.error(request, "등록되지 않은 사업자등록번호입니다.")
        else:
            try:
                services.designate_hidden_champion(
                    actor=request.user, company=company, year=form.cleaned_data["year"],
                    citation=form.cleaned_data["citation"])
            except DomainError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, f"{company.name}을(를) 강소기업으로 지정했습니다.")
    else:
        messages.error(request, "입력한 내용을 확인해 주세요.")
    return redirect("programs:champions")
