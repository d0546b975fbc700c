"""The staff dashboard and the annual report jobs."""


from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from meisterhub.accounts.roles import staff_required
from meisterhub.core.errors import DomainError
from meisterhub.core.http import is_htmx

from ..charts import chart_data
from ..figures import annual_figures
from ..forms import DashboardFilterForm
from ..permissions import access_report_job
from ..selectors import recent_report_jobs
from ..services import request_annual_report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@staff_required
@require_GET
def dashboard(request):
    form = DashboardFilterForm(request.GET or None)
    if form.is_valid():
        year, area = form.cleaned_data["year"], form.cleaned_data["area"]
    else:
        year, area = timezone.localdate().year, ""
    figures = annual_figures(year, area or None)
    context = {"form": form, "figures": figures, "charts": chart_data(figures),
               "jobs": recent_report_jobs(request.user, limit=5)}
    template = "reports/partials/figures.html" if is_htmx(request) else "reports/dashboard.html"
    return render(request, template, context)

@staff_required
@require_POST
def report_new(request):
    form = DashboardFilterForm(request.POST)
    if not form.is_valid():
        return render(request, "reports/dashboard.html", {
            "form": form, "figures": None, "charts": {}, "jobs": []}, status=400)
    try:
        job = request_annual_report(actor=request.user, year=form.cleaned_data["year"],
                                    area=form.cleaned_data["area"])
    except DomainError as exc:
        form.add_error(None, exc.message)
        return render(request, "reports/dashboard.html", {
            "form": form, "figures": None, "charts": {}, "jobs": []}, status=400)
    return redirect("reports:report_job", pk=job.pk)

@login_required
@require_GET
def report_job(request, pk: int):
    job = access_report_job(request.user, pk)
    template = "reports/partials/job_status.html" if is_htmx(request) else "reports/job.html"
    return render(request, template, {"job": job})

@login_required
@require_GET
def report_file(request, pk: int, kind: str):
    job = access_report_job(request.user, pk)
    file = {"pdf": job.pdf_file, "xlsx": job.xlsx_file}.get(kind)
    if job.status != job.Status.DONE or not file:
        raise Http404
    content_type = "application/pdf" if kind == "pdf" else XLSX
    name = f"성과보고서_{job.year}{'_' + job.area if job.area else ''}.{kind}"
    response = FileResponse(file.open("rb"), as_attachment=True, filename=name,
                            content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
