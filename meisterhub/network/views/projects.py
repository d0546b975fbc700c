from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meisterhub.accounts.roles import is_staff, staff_required
from meisterhub.core.errors import DomainError
from meisterhub.core.paging import paginate

from ..forms import ProjectForm
from ..models import SmartFactoryProject
from ..permissions import access_project
from ..selectors import projects_visible_to, smart_factory_table
from ..services import create_project, set_project_status
from .common import add_domain_error


@login_required
@require_GET
def project_list(request):
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    staff = is_staff(request.user)
    return render(request, "network/project_list.html", {
        "projects": paginate(request, projects_visible_to(request.user, year=year)
                             .order_by("-year", "company__name", "pk")),
        "table": smart_factory_table() if staff else [], "year": year, "can_manage": staff,
        "levels": SmartFactoryProject.Level.choices,
    })


@login_required
@require_GET
def project_detail(request, pk: int):
    project = access_project(request.user, pk)
    return render(request, "network/project_detail.html", {
        "project": project, "can_manage": is_staff(request.user),
        "financings": list(project.financings.select_related("bank")),
        "milestones": list(project.milestones.all()),
        "statuses": SmartFactoryProject.Status.choices,
    })


@staff_required
@require_http_methods(["GET", "POST"])
def project_new(request):
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        financings = form.financings()
        milestones = data.pop("milestones")
        data.pop("bank"), data.pop("financing_amount")
        try:
            project = create_project(actor=request.user, financings=financings,
                                     milestones=milestones, **data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "스마트공장 구축 사업을 등록했습니다.")
            return redirect("network:project_detail", project.pk)
    return render(request, "network/project_form.html", {"form": form})


@staff_required
@require_POST
def project_status(request, pk: int):
    project = access_project(request.user, pk)
    try:
        set_project_status(actor=request.user, project=project,
                           status=request.POST.get("status", ""))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("network:project_detail", pk)
