"""The meister's side: home, the consultation record, on-site engagements."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from meisterhub.core.errors import DomainError
from meisterhub.core.paging import paginate

from .. import services
from ..forms import OnsiteCloseForm, OnsiteVisitForm, RecordForm, meister_slot_choices
from ..permissions import (
    access_booking,
    access_engagement,
    can_close_engagement,
    can_confirm_time,
    can_report_visit,
    is_own_meister,
)
from ..selectors import (
    meister_dashboard,
    meister_open_proposals,
    meister_pending,
    meister_records_due,
    meister_upcoming,
)
from .common import meister_required, run_action


def _awaiting(request, meister) -> dict:
    """Bookings waiting for the meister's answer, and proposals waiting for the company's."""
    # 20 a page: every pending row carries a "다른 시간 제안" select of the free slots.
    pending = paginate(request, meister_pending(meister), 20, param="pending_page")
    for booking in pending:
        booking.can_confirm = can_confirm_time(request.user, booking)
    # One calendar for every row's select.
    choices = meister_slot_choices(meister.pk) if pending.object_list else []
    proposals = paginate(request, meister_open_proposals(meister), param="proposals_page")
    return {"pending": pending, "proposals": proposals, "slot_choices": choices}


@meister_required
def meister_home(request, meister):
    dashboard = meister_dashboard(
        meister,
        upcoming=paginate(request, meister_upcoming(meister), param="upcoming_page"),
        records_due=paginate(request, meister_records_due(meister), param="records_page"),
    )
    return render(
        request,
        "consultations/meister_home.html",
        {"meister": meister, **dashboard, **_awaiting(request, meister)},
    )


@login_required
@require_POST
def record(request, pk: int):
    booking = access_booking(request.user, pk)
    if not is_own_meister(request.user, booking.meister_id):
        messages.error(request, "본인이 맡은 상담에만 상담일지를 쓸 수 있습니다.")
        return redirect("consultations:detail", pk)
    form = RecordForm(request.POST)
    if not form.is_valid():
        first = next(iter(form.errors.values()))[0]
        messages.error(request, f"상담일지를 저장하지 못했습니다: {first}")
        return redirect("consultations:detail", pk)
    return run_action(
        request,
        lambda: services.write_record(actor=request.user, booking=booking, **form.cleaned_data),
        "상담일지를 저장했습니다.",
        "consultations:detail",
        pk,
    )


@login_required
@require_POST
def complete(request, pk: int):
    booking = access_booking(request.user, pk)
    no_show = request.POST.get("outcome") == "no_show"
    action = services.mark_no_show if no_show else services.mark_completed
    return run_action(
        request,
        lambda: action(actor=request.user, booking=booking),
        "불참으로 처리했습니다." if no_show else "완료로 처리했습니다.",
        "consultations:detail",
        pk,
    )


@login_required
def onsite_detail(request, pk: int):
    engagement = access_engagement(request.user, pk)
    own = is_own_meister(request.user, engagement.meister_id)
    can_close = own or request.user.is_operator
    if request.method == "POST":
        if request.POST.get("action") == "close" and can_close:
            form = OnsiteCloseForm(request.POST)
            call = lambda: services.close_onsite_engagement(  # noqa: E731
                actor=request.user, engagement=engagement, **form.cleaned_data
            )
        elif own:
            form = OnsiteVisitForm(request.POST)
            call = lambda: services.log_onsite_visit(  # noqa: E731
                actor=request.user, engagement=engagement, **form.cleaned_data
            )
        else:
            raise PermissionDenied("배정된 마이스터나 운영자만 바꿀 수 있습니다.")
        if form.is_valid():
            try:
                call()
            except DomainError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, "저장했습니다.")
                return redirect("consultations:onsite_detail", pk)
        else:
            messages.error(request, "입력한 내용을 확인해 주세요.")
    return render(
        request,
        "consultations/onsite_detail.html",
        {
            "engagement": engagement,
            "visits": engagement.visits.all(),
            "visit_form": OnsiteVisitForm() if can_report_visit(request.user, engagement) else None,
            "close_form": OnsiteCloseForm()
            if can_close_engagement(request.user, engagement) else None,
        },
    )
