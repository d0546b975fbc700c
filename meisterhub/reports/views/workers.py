"""The skilled-worker database pages (staff only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from meisterhub.accounts.roles import staff_required
from meisterhub.core.errors import DomainError
from meisterhub.core.privacy import mask_value

from ..forms import WorkerForm, WorkerSearchForm
from ..permissions import access_skilled_worker
from ..selectors import search_skilled_workers
from ..workers import parse_certificates, register_skilled_worker

PAGE_SIZE = 30


@staff_required
@require_GET
def worker_list(request):
    form = WorkerSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    workers = search_skilled_workers(
        request.user,
        field=filters["field"].code if filters.get("field") else "",
        level=filters.get("level", ""), district=filters.get("district", ""),
        query=filters.get("query", ""), mentor=filters.get("mentor", False),
        teach=filters.get("teach", False),
    )
    page = Paginator(workers, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {"worker": w, "phone": mask_value(w.phone), "email": mask_value(w.email)} for w in page
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "reports/workers/list.html", {
        "form": form, "page": page, "rows": rows, "query": query.urlencode(),
    })


@login_required
@require_GET
def worker_detail(request, pk: int):
    worker = access_skilled_worker(request.user, pk)
    return render(request, "reports/workers/detail.html", {
        "worker": worker, "phone": mask_value(worker.phone), "email": mask_value(worker.email),
        "consent_valid": worker.consent_valid_on(timezone.localdate()),
    })


@staff_required
@require_http_methods(["GET", "POST"])
def worker_new(request):
    form = WorkerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            certificates = parse_certificates(data.pop("certificates"))
            worker = register_skilled_worker(
                actor=request.user, data=data,
                field_codes=[f.code for f in data.pop("skills")], certificates=certificates,
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"{worker.name}님을 기능인력 DB에 등록했습니다.")
            return redirect("reports:worker_detail", pk=worker.pk)
    return render(request, "reports/workers/form.html", {"form": form},
                  status=400 if form.errors else 200)
