"""The applicant's pages: start, fill, upload, submit, withdraw, history, results, outcomes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from meisterhub.companies.selectors import acting_companies
from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import action_label
from meisterhub.core.paging import paginate

from .. import selectors, services
from ..forms import ApplicationForm, DocumentForm, OutcomeForm, StartForm
from ..models import (
    STEPS,
    ApplicationDocument,
    ApplicationStatus,
    Beneficiary,
    Call,
    RequiredDocument,
)
from ..permissions import access_application, access_application_as_applicant
from ..services.applications import closed_draft_error, open_supplement, reopened_document_ids
from .common import add_domain_error, serve_document


@login_required
@require_GET
def my_applications(request):
    return render(request, "programs/my_applications.html", {
        "applications": paginate(request, selectors.applications_of(request.user)),
        "steps": STEPS})


@login_required
@require_POST
def application_start(request, call_pk: int):
    call = get_object_or_404(Call, pk=call_pk)
    form = StartForm(request.POST, companies=acting_companies(request.user))
    if not form.is_valid():
        messages.error(request, "신청할 기업을 고르세요. 기업 회원으로 소속된 기업만 신청할 수 있습니다.")
        return redirect(call)
    try:
        application = services.start_application(actor=request.user, call=call,
                                                 company=form.cleaned_data["company"])
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(call)
    return redirect("programs:application_edit", application.pk)


def _documents_context(application):
    uploaded = {d.required_document_id: d for d in application.documents.all()}
    reopened = reopened_document_ids(application)
    return [{"requirement": doc, "upload": uploaded.get(doc.pk), "open": doc.pk in reopened}
            for doc in application.call.required_documents.all()]


@login_required
def application_edit(request, pk: int):
    application = access_application_as_applicant(request.user, pk)
    if not application.is_editable:
        return redirect(application)
    form = ApplicationForm(initial={"plan_summary": application.plan_summary,
                                    "requested_amount": application.requested_amount})
    document_error = None
    # After the deadline a draft is read-only: the page says so and offers no form.
    closed = closed_draft_error(application)
    posted = request.method == "POST" and not closed
    if posted and "save" in request.POST:
        form = ApplicationForm(request.POST)
        if form.is_valid():
            try:
                services.save_draft(actor=request.user, application=application,
                                    **form.cleaned_data)
            except DomainError as exc:
                add_domain_error(form, exc)
            else:
                messages.success(request, "임시 저장했습니다.")
                return redirect("programs:application_edit", application.pk)
    elif posted and "upload" in request.POST:
        upload_form = DocumentForm(request.POST, request.FILES)
        if upload_form.is_valid():
            requirement = get_object_or_404(RequiredDocument, call=application.call,
                                            pk=upload_form.cleaned_data["required_document"])
            try:
                services.upload_document(actor=request.user, application=application,
                                         required_document=requirement,
                                         upload=upload_form.cleaned_data["file"])
            except DomainError as exc:
                document_error = exc.message
            else:
                messages.success(request, f"'{requirement.name}' 파일을 올렸습니다.")
                return redirect("programs:application_edit", application.pk)
        else:
            document_error = "올릴 파일을 고르세요."
    return render(request, "programs/application_edit.html", {
        "application": application, "form": form, "documents": _documents_context(application),
        "document_error": document_error, "supplement": open_supplement(application),
        "steps": STEPS, "closed": closed,
        # The plan itself is written in the draft; a supplement only reopens documents.
        "can_save_draft": application.status == ApplicationStatus.DRAFT,
    })


@login_required
@require_POST
def application_submit(request, pk: int):
    application = access_application_as_applicant(request.user, pk)
    resubmit = application.status == "supplement"
    try:
        if resubmit:
            services.resubmit_application(actor=request.user, application=application)
        else:
            services.submit_application(actor=request.user, application=application)
    except DomainError as exc:
        for reason in getattr(exc, "reasons", [exc.message]):
            messages.error(request, reason)
        return redirect("programs:application_edit", application.pk)
    messages.success(request, "보완 서류를 제출했습니다." if resubmit else "신청서를 제출했습니다.")
    return redirect(application)


@login_required
@require_POST
def application_withdraw(request, pk: int):
    application = access_application_as_applicant(request.user, pk)
    try:
        services.withdraw_application(actor=request.user, application=application)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "신청을 취소했습니다.")
    return redirect(application)


@login_required
@require_GET
def application_detail(request, pk: int):
    application = access_application_as_applicant(request.user, pk)
    return render(request, "programs/application_detail.html", {
        "application": application, "steps": STEPS,
        "documents": _documents_context(application),
        "supplement": open_supplement(application),
        "agreement": getattr(application, "agreement", None),
        # The applicant sees what happened, not the internal field changes.
        "history": [(h.created_at, action_label(h))
                    for h in history.history_of(application).select_related("content_type")[:30]],
    })


@login_required
@require_GET
def document_download(request, pk: int):
    """Applicant, staff, and the evaluators assigned to the application may read its files."""
    document = ApplicationDocument.objects.filter(pk=pk).first()
    if document is None:
        raise Http404("파일을 찾을 수 없습니다.")
    access_application(request.user, document.application_id)
    return serve_document(document)


@login_required
def outcome_report(request):
    companies = acting_companies(request.user).filter(
        pk__in=Beneficiary.objects.values("company_id"))
    if not companies.exists():
        raise Http404("지원사업 수혜기업의 소속 회원만 성과를 입력할 수 있습니다.")
    form = OutcomeForm(request.POST or None, companies=companies)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        company, year = data.pop("company"), data.pop("year")
        try:
            services.report_outcome(actor=request.user, company=company, year=year, figures=data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, f"{company.name}의 {year}년 성과를 저장했습니다.")
            return redirect("programs:outcome_report")
    reports = [r for c in companies.prefetch_related("outcome_reports")
               for r in c.outcome_reports.all()]
    return render(request, "programs/outcome_report.html", {"form": form, "reports": reports})
