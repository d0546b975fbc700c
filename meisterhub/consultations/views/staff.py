"""Staff pages: requests to confirm, walk-ins, closures and satisfaction averages."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from meisterhub.accounts.roles import staff_required
from meisterhub.core.errors import DomainError
from meisterhub.core.paging import paginate

from .. import services
from ..forms import ClosureForm, StaffFilterForm, WalkInForm
from ..models import Closure
from ..permissions import access_booking, can_confirm_booking
from ..selectors import list_staff_bookings, survey_averages
from .common import run_action


@staff_required
def staff_list(request):
    form = StaffFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    if not request.GET:
        filters = {"status": "requested"}
    bookings = list_staff_bookings(**{k: v for k, v in filters.items() if v})
    page = Paginator(bookings, 50).get_page(request.GET.get("page"))
    for booking in page.object_list:
        booking.can_confirm = can_confirm_booking(request.user, booking)
    return render(request, "consultations/staff_list.html", {"form": form, "page": page})


@staff_required
@require_POST
def confirm(request, pk: int):
    booking = access_booking(request.user, pk)
    return run_action(
        request,
        lambda: services.confirm_booking(actor=request.user, booking=booking),
        "상담 예약을 확정했습니다.",
        "consultations:staff_list",
    )


@staff_required
def walk_in(request):
    form = WalkInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            booking = services.log_walk_in(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "현장 상담을 기록했습니다.")
            return redirect("consultations:detail", booking.pk)
    return render(request, "consultations/walk_in.html", {"form": form})


@staff_required
def closures(request):
    form = ClosureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_closure(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "센터 휴무를 등록했습니다.")
            return redirect("consultations:closures")
    return render(
        request,
        "consultations/closures.html",
        {
            "form": form,
            "closures": paginate(
                request, Closure.objects.select_related("created_by").order_by("-starts_on", "-pk")
            ),
        },
    )


@staff_required
def satisfaction(request):
    averages = survey_averages()
    averages["per_meister"] = paginate(request, averages["per_meister"])
    return render(request, "consultations/satisfaction.html", averages)
