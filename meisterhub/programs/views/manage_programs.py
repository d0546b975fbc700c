"""Staff pages for support programs (지원사업): the list, create and edit."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from meisterhub.accounts.roles import staff_required
from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import readable_history_of
from meisterhub.core.paging import paginate

from .. import services
from ..forms_manage import ProgramForm
from ..models import Program
from .common import add_domain_error
from .manage_calls import keep_input_after_conflict


@staff_required
@require_GET
def program_list(request):
    programs = Program.objects.annotate(call_count=Count("calls")).order_by("-year", "area", "name")
    return render(request, "programs/manage/program_list.html",
                  {"programs": paginate(request, programs)})


@staff_required
def program_create(request):
    form = ProgramForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            program = services.create_program(actor=request.user, **data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, f"지원사업 '{program.name}'을(를) 등록했습니다. 이제 공고를 작성하세요.")
            return redirect(f"{reverse('programs:manage_call_create')}?program={program.pk}")
    return render(request, "programs/manage/program_form.html", {"form": form, "program": None})


@staff_required
def program_edit(request, pk: int):
    program = get_object_or_404(Program, pk=pk)
    initial = {"area": program.area, "name": program.name, "year": program.year,
               "description": program.description, "version": program.version}
    form = ProgramForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.update_program(actor=request.user, program=program, version=version, **data)
        except DomainError as exc:
            add_domain_error(form, exc)
            keep_input_after_conflict(form, exc, Program.objects.get(pk=program.pk).version)
        else:
            messages.success(request, "지원사업을 저장했습니다.")
            return redirect("programs:manage_program_edit", program.pk)
    return render(request, "programs/manage/program_form.html", {
        "form": form, "program": program, "calls": program.calls.order_by("-created_at"),
        "history": readable_history_of(program)})
