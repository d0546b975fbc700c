from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meisterhub.accounts.roles import is_staff, staff_required
from meisterhub.companies.selectors import companies_visible_to
from meisterhub.core.errors import DomainError
from meisterhub.core.http import is_htmx
from meisterhub.core.paging import paginate

from .calendar import build_grid, week_start
from .forms import ReservationForm
from .ical import facility_calendar
from .models import FacilityPhoto
from .permissions import access_facility, access_reservation, booking_refusal
from .selectors import (
    busy_reservations,
    facilities_by_center,
    my_reservations,
    pending_reservations,
)
from .services import cancel_reservation, create_recurring_reservation, decide_reservation


def _parse_day(value: str | None) -> date:
    try:
        return date.fromisoformat(value) if value else timezone.localdate()
    except ValueError:
        return timezone.localdate()


@require_GET
def facility_list(request):
    return render(request, "facilities/list.html", {"centers": facilities_by_center()})


def _calendar_context(request, facility):
    view = "day" if request.GET.get("view") == "day" else "week"
    anchor = _parse_day(request.GET.get("day"))
    if view == "day":
        days, previous, following = [anchor], anchor - timedelta(1), anchor + timedelta(1)
    else:
        first = week_start(anchor)
        days = [first + timedelta(n) for n in range(7)]
        previous, following = first - timedelta(7), first + timedelta(7)
    user = request.user if request.user.is_authenticated else None
    return {
        "facility": facility, "view": view, "anchor": anchor, "previous": previous,
        "following": following, "today": timezone.localdate(),
        "grid": build_grid(facility, days, user=user),
    }


@require_GET
def facility_detail(request, pk: int):
    facility = access_facility(pk)
    context = _calendar_context(request, facility)
    if is_htmx(request):
        return render(request, "facilities/partials/calendar.html", context)
    context["photos"] = list(facility.photos.all())
    return render(request, "facilities/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def reserve(request, pk: int):
    facility = access_facility(pk)
    companies = companies_visible_to(request.user)
    form_kwargs = {"companies": companies, "require_company": not request.user.is_operator}
    if request.method == "POST":
        form = ReservationForm(request.POST, **form_kwargs)
        if form.is_valid():
            data = form.cleaned_data
            try:
                created = create_recurring_reservation(
                    actor=request.user, facility=facility, company=data["company"],
                    starts_at=data["starts_at"], ends_at=data["ends_at"], weeks=data["weeks"],
                    headcount=data["headcount"], purpose=data["purpose"],
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                status = created[0].get_status_display()
                messages.success(request, f"{facility.name} 예약 {len(created)}건이 접수되었습니다 ({status}).")
                return redirect("facilities:my")
    else:
        form = ReservationForm(initial={
            "day": request.GET.get("day"), "start": request.GET.get("start"),
            "end": request.GET.get("end"), "weeks": 1, "headcount": 1,
        }, **form_kwargs)
    # Say up front when the room is closed to this person (staff-only, residents-only).
    refusal = booking_refusal(request.user, facility, form.fields["company"].initial)
    if refusal and not request.user.is_operator and form.fields["company"].initial is None:
        refusal = refusal if facility.booking_policy == "staff" else None
    return render(request, "facilities/reserve.html",
                  {"facility": facility, "form": form, "refusal": refusal})


@login_required
@require_GET
def my_list(request):
    reservations = paginate(request, my_reservations(request.user))
    # Staff see two lists here, each paged on its own parameter.
    pending = (paginate(request, pending_reservations(), param="pending_page")
               if request.user.is_operator else [])
    return render(request, "facilities/my.html", {
        "reservations": reservations, "now": timezone.now(), "pending": pending,
    })


@login_required
@require_POST
def cancel(request, pk: int):
    reservation = access_reservation(request.user, pk)
    try:
        count = cancel_reservation(actor=request.user, reservation=reservation,
                                   whole_series=request.POST.get("series") == "1")
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"예약 {count}건을 취소했습니다.")
    return redirect("facilities:my")


@staff_required
@require_POST
def decide(request, pk: int):
    reservation = access_reservation(request.user, pk)
    try:
        decide_reservation(actor=request.user, reservation=reservation,
                           approve=request.POST.get("approve") == "1")
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("facilities:my")


@require_GET
def calendar_feed(request, pk: int):
    facility = access_facility(pk)
    now = timezone.now()
    reservations = busy_reservations(facility, now - timedelta(days=30), now + timedelta(days=365))
    body = facility_calendar(facility, reservations, host=request.get_host().split(":")[0], now=now)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="facility-{facility.pk}.ics"'
    return response


@require_GET
def photo(request, pk: int):
    photos = FacilityPhoto.objects.select_related("facility")
    # Staff also see the photos of a room not running yet (a fresh copy, say).
    if not is_staff(request.user):
        photos = photos.filter(facility__is_active=True)
    item = get_object_or_404(photos, pk=pk)
    response = FileResponse(item.image.open("rb"), content_type=item.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
