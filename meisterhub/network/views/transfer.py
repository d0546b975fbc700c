from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from meisterhub.accounts.roles import is_staff, staff_required
from meisterhub.companies.selectors import acting_companies
from meisterhub.core.errors import DomainError
from meisterhub.core.paging import paginate
from meisterhub.meisters.models import Field

from ..forms import TransferRequestForm
from ..models import TransferRequest
from ..permissions import access_transfer
from ..selectors import public_technologies, transfers_visible_to
from ..services import move_transfer, request_transfer


@require_GET
def technology_list(request):
    field = request.GET.get("field") or None
    return render(request, "network/technology_list.html", {
        "technologies": paginate(request, public_technologies(field=field)),
        "fields": Field.objects.all(), "field": field})


@require_GET
def technology_detail(request, pk: int):
    technology = public_technologies().filter(pk=pk).first()
    if technology is None:
        raise Http404("기술을 찾을 수 없습니다.")
    companies = [] if is_staff(request.user) else list(acting_companies(request.user))
    form = TransferRequestForm(companies=companies) if companies else None
    return render(request, "network/technology_detail.html",
                  {"technology": technology, "form": form})


@login_required
@require_POST
def transfer_new(request, pk: int):
    technology = public_technologies().filter(pk=pk).first()
    if technology is None:
        raise Http404("기술을 찾을 수 없습니다.")
    companies = [] if is_staff(request.user) else list(acting_companies(request.user))
    form = TransferRequestForm(request.POST, companies=companies)
    if not form.is_valid():
        messages.error(request, "요청할 기업을 골라 주세요.")
        return redirect("network:technology_detail", pk)
    try:
        request_transfer(actor=request.user, technology=technology, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("network:technology_detail", pk)
    messages.success(request, "기술이전 관심을 등록했습니다. 담당자가 연락드립니다.")
    return redirect("network:transfers")


@login_required
@require_GET
def transfers(request):
    return render(request, "network/transfers.html", {
        "transfers": paginate(request, transfers_visible_to(request.user)),
        "can_manage": is_staff(request.user), "dropped": TransferRequest.Status.DROPPED})


@staff_required
@require_POST
def transfer_move(request, pk: int):
    transfer = access_transfer(request.user, pk)
    try:
        move_transfer(actor=request.user, transfer=transfer, status=request.POST.get("status", ""))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("network:transfers")
