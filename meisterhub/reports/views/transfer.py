"""Imports and exports page (staff only)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from meisterhub.accounts.roles import staff_required
from meisterhub.core.errors import DomainError

from ..exporting import export_data
from ..forms import ExportForm, ImportConfirmForm, ImportForm
from ..importing.staging import (
    StaleImport,
    access_staged_import,
    confirm_staged_import,
    preview_staged_import,
    stage_import,
)

PREVIEW_ROWS = 1000  # a longer file is previewed by its counts, its errors and these rows


def _page(request, *, import_form=None, export_form=None, outcome=None, status=200):
    return render(request, "reports/transfer.html", {
        "import_form": import_form or ImportForm(), "export_form": export_form or ExportForm(),
        "outcome": outcome}, status=status)


@staff_required
@require_GET
def transfer(request):
    return _page(request)


def _preview(request, staged, plan, *, only_good_rows=None, message="", status=200):
    # The preview now shown is the one the person confirms (its digest).
    form = ImportConfirmForm(initial={
        "digest": plan.digest,
        "only_good_rows": staged.only_good_rows if only_good_rows is None else only_good_rows})
    return render(request, "reports/import_preview.html", {
        "staged": staged, "plan": plan, "form": form, "message": message,
        "shown_rows": plan.rows[:PREVIEW_ROWS], "more_rows": max(len(plan.rows) - PREVIEW_ROWS, 0),
    }, status=status)


@staff_required
@require_POST
def import_view(request):
    """Upload: keep the file and show what importing it would do. Saves no business record."""
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, import_form=form, status=400)
    data = form.cleaned_data
    try:
        staged, plan = stage_import(actor=request.user, kind=data["kind"], mode=data["mode"],
                                    upload=data["file"], only_good_rows=data["only_good_rows"])
    except DomainError as exc:
        form.add_error(exc.field if exc.field in ("kind", "mode") else "file", exc.message)
        return _page(request, import_form=form, status=400)
    return _preview(request, staged, plan)


@login_required
@require_POST
def import_confirm(request, pk):
    """Save what the preview showed, for the person who uploaded it."""
    staged = access_staged_import(request.user, pk)
    form = ImportConfirmForm(request.POST)
    if not form.is_valid():
        plan = preview_staged_import(actor=request.user, staged=staged)
        return _preview(request, staged, plan, status=400)
    chosen = form.cleaned_data["only_good_rows"]
    try:
        outcome = confirm_staged_import(actor=request.user, staged=staged,
                                        digest=form.cleaned_data["digest"],
                                        only_good_rows=chosen)
    except StaleImport as exc:
        return _preview(request, staged, exc.plan, only_good_rows=chosen, message=exc.message,
                        status=409)
    except DomainError as exc:
        raise Http404 from exc  # confirmed twice: the preview is gone
    if not outcome.saved and outcome.plan.errors:
        return _preview(request, staged, outcome.plan, only_good_rows=chosen, status=400, message=(
            "잘못된 행이 있어 아무것도 저장하지 않았습니다. 고친 뒤 다시 올리거나 "
            "'올바른 행만 가져오기'를 선택해 주세요."))
    return _page(request, outcome=outcome)


@staff_required
@require_POST
def export_view(request):
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
