"""Imports and exports page (staff only)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from meisterhub.core.errors import DomainError

from ..exporting import export_data
from ..forms import ExportForm, ImportForm
from ..importing import run_import
from ..permissions import is_staff_user


def _require_staff(request):
    if not is_staff_user(request.user):
        raise Http404


def _page(request, *, import_form=None, export_form=None, outcome=None, status=200):
    return render(request, "reports/transfer.html", {
        "import_form": import_form or ImportForm(), "export_form": export_form or ExportForm(),
        "outcome": outcome}, status=status)


@login_required
@require_GET
def transfer(request):
    _require_staff(request)
    return _page(request)


@login_required
@require_POST
def import_view(request):
    _require_staff(request)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, import_form=form, status=400)
    try:
        outcome = run_import(actor=request.user, kind=form.cleaned_data["kind"],
                             upload=form.cleaned_data["file"],
                             only_good_rows=form.cleaned_data["only_good_rows"])
    except DomainError as exc:
        form.add_error("file", exc.message)
        return _page(request, import_form=form, status=400)
    return _page(request, import_form=form, outcome=outcome,
                 status=400 if outcome.errors and not outcome.saved else 200)


@login_required
@require_POST
def export_view(request):
    _require_staff(request)
    form = ExportForm(request.POST)
    if not form.is_valid():
        return _page(request, export_form=form, status=400)
    data = form.cleaned_data
    try:
        name, content_type, content = export_data(
            actor=request.user, kind=data["kind"], file_format=data["format"], year=data["year"],
            unmasked=data["unmasked"], reason=data["reason"])
    except DomainError as exc:
        form.add_error("reason" if exc.field == "reason" else None, exc.message)
        return _page(request, export_form=form, status=400)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
