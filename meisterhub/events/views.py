from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meisterhub.accounts.roles import staff_required
from meisterhub.companies.selectors import acting_companies, companies_visible_to
from meisterhub.core.errors import DomainError
from meisterhub.core.http import is_htmx
from meisterhub.core.page_cache import cached_fragment, public_page
from meisterhub.core.paging import paginate

from .forms import CheckInForm, EventFilterForm, RegistrationForm
from .models import ProgramArea, Registration
from .permissions import (
    access_event,
    access_registration,
    can_cancel_registration,
    can_judge_contests,
    can_manage_events,
)
from .qr import qr_svg
from .selectors import (
    attendance_of,
    event_counts,
    event_counts_by_area,
    list_upcoming_events,
    registrations_of,
    waitlist_place,
)
from .services import announce_event, cancel_registration, check_in, register_for_event

EVENT_PAGE_SIZE = 20


@require_GET
@public_page("events.list", stamp_names=["events"], per_minute=True)
def event_list(request):
    form = EventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}

    def build() -> dict:
        kept = {name: filters[name] for name in ("kind", "area") if filters.get(name)}
        events = list_upcoming_events(kind=kept.get("kind"), area=kept.get("area"))
        page = Paginator(events, EVENT_PAGE_SIZE).get_page(request.GET.get("page"))
        return {"form": form, "page": page, "events": page.object_list,
                "query": urlencode(kept) + "&" if kept else ""}

    # per minute: an event leaves the list when it ends, with no write to bump a stamp
    results = cached_fragment(
        request, "events.list", template="events/partials/event_rows.html",
        stamp_names=["events"], build=build, per_minute=True,
    )
    if is_htmx(request):
        return HttpResponse(results)
    return render(request, "events/list.html", {
        "form": form, "results": results,
        "can_view_counts": can_manage_events(request.user),
        "can_judge": can_judge_contests(request.user),
    })


@require_GET
def event_detail(request, pk: int):
    event = access_event(request.user, pk)
    mine = None
    form = None
    if request.user.is_authenticated:
        mine = Registration.objects.filter(event=event, user=request.user).exclude(
            status=Registration.Status.CANCELLED).first()
        form = RegistrationForm(companies=acting_companies(request.user)
                                if not request.user.is_operator else None)
    return render(request, "events/detail.html", {
        "event": event, "mine": mine, "form": form,
        "place": waitlist_place(mine) if mine else None,
        "contest": getattr(event, "contest", None),
        "can_manage": can_manage_events(request.user),
    })


@login_required
@require_POST
def register(request, pk: int):
    event = access_event(request.user, pk)
    form = RegistrationForm(request.POST, companies=companies_visible_to(request.user))
    if not form.is_valid():
        messages.error(request, "소속 기업을 다시 선택해 주세요.")
        return redirect(event)
    try:
        registration = register_for_event(actor=request.user, event=event,
                                          company=form.cleaned_data["company"])
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(event)
    if registration.status == Registration.Status.WAITLISTED:
        messages.info(request, f"정원이 차서 대기 {waitlist_place(registration)}번으로 접수되었습니다.")
    else:
        messages.success(request, "참가 신청이 확정되었습니다.")
    return redirect("events:confirmation", registration.pk)


@login_required
@require_POST
def cancel(request, pk: int):
    registration = access_registration(request.user, pk)
    try:
        cancel_registration(actor=request.user, registration=registration)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "참가 신청을 취소했습니다.")
    return redirect("events:my")


@login_required
@require_GET
def confirmation(request, pk: int):
    registration = access_registration(request.user, pk)
    seated = registration.status in Registration.SEATED
    return render(request, "events/confirmation.html", {
        "registration": registration, "event": registration.event,
        "qr": mark_safe(qr_svg(registration.code)) if seated else "",  # noqa: S308 segno output
        "place": waitlist_place(registration),
    })


@login_required
@require_GET
def my_registrations(request):
    registrations = paginate(request, registrations_of(request.user))
    for registration in registrations:
        registration.can_cancel = can_cancel_registration(request.user, registration)
    return render(request, "events/my.html", {"registrations": registrations})


@staff_required
@require_http_methods(["GET", "POST"])
def checkin(request, pk: int):
    event = access_event(request.user, pk)
    form = CheckInForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            registration = check_in(actor=request.user, event=event,
                                    code=form.cleaned_data["code"])
        except DomainError as error:
            result = {"ok": False, "message": error.message}
        else:
            who = registration.user.full_name or registration.user.username
            result = {"ok": True, "message": f"{who}님 체크인되었습니다."}
        form = CheckInForm()
    elif request.method == "POST":
        result = {"ok": False, "message": "체크인 코드를 입력해 주세요."}
    context = {"event": event, "form": form, "result": result, "counts": attendance_of(event)}
    if is_htmx(request):
        return render(request, "events/partials/checkin_result.html", context)
    return render(request, "events/checkin.html", context)


@staff_required
@require_GET
def counts(request):
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    return render(request, "events/counts.html", {
        "year": year, "rows": event_counts_by_area(year), "total": event_counts(year),
        "years": range(timezone.localdate().year, timezone.localdate().year - 5, -1),
        "areas": ProgramArea.choices,
    })


@staff_required
@require_POST
def announce(request, pk: int):
    event = access_event(request.user, pk)
    try:
        count = announce_event(actor=request.user, event=event)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"수신 동의한 {count}명에게 행사 안내를 보냈습니다. "
                                  "문자는 밤 9시~아침 8시에는 아침 8시에 발송됩니다.")
    return redirect(event)
