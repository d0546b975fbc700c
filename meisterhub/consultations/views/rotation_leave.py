"""The meister's 내 일정 (blocks, leave, the slots companies will see) and leave declare/withdraw."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import readable
from meisterhub.core.models import History

from ..forms_rotation import BlockForm, LeaveForm, active_meisters
from ..models import MeisterLeave, RotationBlock
from ..permissions_rotation import access_leave, access_schedule_meister
from ..rotation_board import upcoming_slots
from ..schedule import pattern_label
from ..services.rotation import BookingsAffected, declare_leave, withdraw_leave
from ..window import booking_window
from .common import meister_required
from .rotation import _back, _manager, back_url


def _schedule_history(blocks, leaves, limit: int = 15):
    types = ContentType.objects.get_for_models(RotationBlock, MeisterLeave)
    wanted = Q(content_type=types[RotationBlock], object_id__in=[str(b.pk) for b in blocks])
    wanted |= Q(content_type=types[MeisterLeave], object_id__in=[str(lv.pk) for lv in leaves])
    entries = History.objects.filter(wanted).select_related("actor", "content_type")
    return readable(entries.order_by("-created_at")[:limit])


@meister_required
@require_GET
def my_schedule(request, meister):
    today = timezone.localdate()
    blocks = list(RotationBlock.objects.filter(meister=meister).order_by("weekday", "start_time"))
    for block in blocks:
        block.pattern_label = pattern_label(block)
    leaves = list(
        MeisterLeave.objects.filter(meister=meister, ends_on__gte=today).order_by("starts_on")
    )
    for leave in leaves:
        leave.can_withdraw = leave.starts_on > today
    window = booking_window()
    return render(
        request,
        "consultations/rotation/my_schedule.html",
        {
            "meister": meister,
            "blocks": blocks,
            "leaves": leaves,
            "slot_days": upcoming_slots(meister, now=window.now),
            "window": window,
            "block_form": BlockForm(),
            "leave_form": LeaveForm(),
            "history": _schedule_history(blocks, leaves),
        },
    )


@login_required
def leave_new(request):
    own = _manager(request)
    choices = active_meisters() if own is None else None
    initial = {}
    if own is None and request.GET.get("meister", "").isdigit():
        initial["meister"] = request.GET["meister"]
    form = LeaveForm(request.POST or None, initial=initial, meister_choices=choices)
    affected = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meister = access_schedule_meister(request.user, (data.get("meister") or own).pk)
        try:
            result = declare_leave(
                actor=request.user,
                meister=meister,
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                reason=data["reason"],
                apply_to_bookings=data["apply_to_bookings"],
            )
        except BookingsAffected as error:
            form.add_error(None, error.message)
            affected = error.bookings
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request, f"휴가를 등록했습니다 ({data['starts_on']}~{data['ends_on']})."
            )
            if result.needs_change:
                messages.warning(
                    request,
                    f"예약 {len(result.needs_change)}건을 ‘변경 필요’로 바꾸고 해당 기업에 알렸습니다.",
                )
            return _back(request, data["starts_on"])
    return render(
        request,
        "consultations/rotation/leave_page.html",
        {"form": form, "affected": affected, "action": reverse("consultations:rotation_leave_new"),
         "back_url": back_url(request.user)},
    )


@login_required
@require_POST
def leave_withdraw(request, pk: int):
    _manager(request)
    leave = access_leave(request.user, pk)
    try:
        withdraw_leave(actor=request.user, leave=leave)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"휴가({leave.starts_on}~{leave.ends_on})를 철회했습니다.")
    if request.user.is_operator:
        return _back(request, leave.starts_on)
    return redirect("consultations:my_schedule")
