"""Evaluator pages: only their own assignments, scoring alone, conflicts of interest."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from meisterhub.companies.models import Company
from meisterhub.core.errors import DomainError
from meisterhub.core.paging import paginate

from .. import selectors, services
from ..forms import INPUT, ConflictForm
from ..models import ConflictDeclaration
from ..permissions import access_assignment, is_evaluator
from .common import add_domain_error


def _evaluator_only(request):
    if not is_evaluator(request.user):
        raise Http404("페이지를 찾을 수 없습니다.")


def score_form(assignment, data=None):
    """One number input per rubric criterion, bounded by its max score."""
    current = {s.criterion_id: s.value for s in assignment.scores.all()}
    form = forms.Form(data)
    for criterion in assignment.application.call.criteria.all():
        form.fields[f"criterion_{criterion.pk}"] = forms.DecimalField(
            label=f"{criterion.name} (가중치 {criterion.weight}%, 0~{criterion.max_score}점)",
            required=False, decimal_places=2, initial=current.get(criterion.pk),
            widget=forms.NumberInput(attrs={**INPUT, "step": "0.5"}))
    form.fields["comment"] = forms.CharField(
        label="평가 의견", required=False, max_length=2000, initial=assignment.comment,
        widget=forms.Textarea(attrs={**INPUT, "rows": 3}))
    return form


@login_required
def my_assignments(request):
    _evaluator_only(request)
    conflict_form = ConflictForm(request.POST or None)
    if request.method == "POST" and conflict_form.is_valid():
        brn = "".join(ch for ch in conflict_form.cleaned_data["brn"] if ch.isdigit())
        company = Company.objects.filter(brn=brn).first()
        if company is None:
            conflict_form.add_error("brn", "등록되지 않은 사업자등록번호입니다.")
        else:
            try:
                services.declare_conflict(actor=request.user, company=company,
                                          reason=conflict_form.cleaned_data["reason"])
            except DomainError as exc:
                add_domain_error(conflict_form, exc)
            else:
                messages.success(request, f"{company.name}와(과)의 이해충돌을 신고했습니다.")
                return redirect("programs:my_assignments")
    return render(request, "programs/evaluator/assignments.html", {
        "assignments": paginate(request, selectors.assignments_of(request.user)),
        "conflicts": ConflictDeclaration.objects.filter(evaluator=request.user)
        .select_related("company"),
        "conflict_form": conflict_form,
    })


@login_required
def assignment_score(request, pk: int):
    assignment = access_assignment(request.user, pk)
    form = score_form(assignment, request.POST or None)
    if request.method == "POST" and not assignment.is_submitted and form.is_valid():
        data = dict(form.cleaned_data)
        comment = data.pop("comment")
        scores = {int(k.removeprefix("criterion_")): v for k, v in data.items()}
        submit = "submit" in request.POST
        try:
            services.save_scores(actor=request.user, assignment=assignment, scores=scores,
                                 comment=comment, submit=submit)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "평가를 제출했습니다." if submit else "임시 저장했습니다.")
            return redirect("programs:assignment_score", assignment.pk)
    application = assignment.application
    return render(request, "programs/evaluator/score.html", {
        "assignment": assignment, "application": application, "form": form,
        "documents": application.documents.select_related("required_document"),
    })
