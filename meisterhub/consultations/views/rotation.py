"""The staff rotation board (상담 일정표) and block add/edit/delete, for staff on the board
(htmx: the cell turns into a form and back) and for a meister on their own 내 일정 page."""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from meisterhub.accounts.roles import is_staff, staff_required
from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import readable_history_of
from meisterhub.core.http import is_htmx
from meisterhub.core.paging import paginate

from ..forms_rotation import BlockForm, WeekForm, active_meisters
from ..permissions_rotation import access_block, access_schedule_meister
from ..rotation_board import board, board_cell
from ..services.rotation import (
    BookingsAffected,
    create_rotation_block,
    delete_rotation_block,
    update_rotation_block,
)
from ..slots import monday_of

PARTIAL = "consultations/rotation/partials/"


def _day(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _manager(request):
    """Staff, or a meister (who acts on their own rotation only); anybody else is refused."""
    user = request.user
    if user.is_operator:
        return None
    meister = getattr(user, "meister", None) if user.is_meister else None
    if meister is None:
        raise PermissionDenied("운영자나 마이스터만 상담 일정을 바꿀 수 있습니다.")
    return meister


def _back(request, day: date | None = None):
    if request.user.is_operator:
        week = (day or timezone.localdate()).isoformat()
        return redirect(f"{reverse('consultations:rotation_board')}?week={week}")
    return redirect("consultations:my_schedule")


def back_url(user) -> str:
    """Where a block or leave page's 돌아가기 leads: staff to the board, a meister to 내 일정."""
    name = "consultations:rotation_board" if is_staff(user) else "consultations:my_schedule"
    return reverse(name)


def _cells(request, meister, days: list[date], moved=()):
    """The re-rendered cell(s): the first replaces the target, the others swap out of band."""
    cells = [board_cell(meister, d) for d in dict.fromkeys(days)]
    return render(request, PARTIAL + "cells.html", {"cells": cells, "moved": moved})


def _tell_moved(request, bookings) -> None:
    if bookings:
        messages.warning(
            request, f"예약 {len(bookings)}건을 ‘변경 필요’로 바꾸고 해당 기업에 알렸습니다."
        )


def _same_week(day: date, weekday: int) -> date:
    return monday_of(day) + timedelta(days=weekday)


def _show_error(form, error: DomainError) -> list:
    if isinstance(error, BookingsAffected):
        form.add_error(None, error.message)
        return error.bookings
    form.add_error(error.field if error.field in form.fields else None, error.message)
    return []


def _form_response(request, context: dict, status: int = 200):
    template = (
        PARTIAL + "block_form.html"
        if context.get("cell_mode")
        else ("consultations/rotation/block_page.html")
    )
    return render(request, template, {**context, "back_url": back_url(request.user)},
                  status=status)


@staff_required
@require_GET
def rotation_board(request):
    form = WeekForm(request.GET or None)
    chosen = form.cleaned_data.get("week") if form.is_valid() else None
    monday = monday_of(chosen or timezone.localdate())
    page = paginate(request, active_meisters())
    headers, rows = board(monday, page)
    return render(
        request,
        "consultations/rotation/board.html",
        {
            "form": WeekForm(initial={"week": monday}),
            "monday": monday,
            "friday": monday + timedelta(days=4),
            "previous": monday - timedelta(weeks=1),
            "next": monday + timedelta(weeks=1),
            "headers": headers,
            "rows": rows,
            "page": page,
        },
    )


@staff_required
@require_GET
def rotation_cell(request, meister_pk: int, day: str):
    meister = active_meisters().filter(pk=meister_pk).first()
    when = _day(day)
    if meister is None or when is None:
        raise Http404("일정표 칸을 찾을 수 없습니다.")
    return _cells(request, meister, [when])


@login_required
def block_new(request):
    own = _manager(request)
    day = _day(request.GET.get("day"))
    meister = own
    if own is None and request.GET.get("meister", "").isdigit():
        meister = active_meisters().filter(pk=request.GET["meister"]).first()
    cell_mode = bool(is_htmx(request) and day and meister)
    choices = active_meisters() if own is None and not cell_mode else None
    initial = {"weekday": day.weekday()} if day and day.weekday() < 5 else {}
    if meister is not None and choices is not None:
        initial["meister"] = meister.pk
    form = BlockForm(request.POST or None, initial=initial, meister_choices=choices)
    affected = []
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data.get("meister") or meister
        if target is None:
            raise PermissionDenied("마이스터를 고르세요.")
        try:
            result = create_rotation_block(
                actor=request.user,
                meister=access_schedule_meister(request.user, target.pk),
                **form.service_values(),
            )
        except DomainError as error:
            affected = _show_error(form, error)
        else:
            block = result.instance
            if cell_mode:
                return _cells(request, meister, [day, _same_week(day, block.weekday)])
            messages.success(request, f"상담 일정을 추가했습니다: {block}")
            return _back(request, day)
    context = {
        "form": form,
        "meister": meister,
        "day": day,
        "cell_mode": cell_mode,
        "affected": affected,
        "action": reverse("consultations:rotation_block_new"),
        "query": request.GET.urlencode(),
        "title": "상담 일정 추가",
    }
    return _form_response(request, context)


@login_required
def block_edit(request, pk: int):
    _manager(request)
    block = access_block(request.user, pk)
    day = _day(request.GET.get("day"))
    cell_mode = bool(is_htmx(request) and day)
    form = BlockForm(request.POST or None, initial=BlockForm.initial_of(block))
    affected = []
    if request.method == "POST" and form.is_valid():
        old_weekday = block.weekday
        try:
            result = update_rotation_block(
                actor=request.user,
                block=block,
                apply_to_bookings=form.cleaned_data["apply_to_bookings"],
                **form.service_values(),
            )
        except DomainError as error:
            affected = _show_error(form, error)
        else:
            if cell_mode:
                days = [day, _same_week(day, old_weekday), _same_week(day, result.instance.weekday)]
                return _cells(request, block.meister, days, result.needs_change)
            _tell_moved(request, result.needs_change)
            messages.success(request, "상담 일정을 저장했습니다.")
            return _back(request, day)
    context = {
        "form": form,
        "rotation_block": block,
        "meister": block.meister,
        "day": day,
        "cell_mode": cell_mode,
        "affected": affected,
        "action": reverse("consultations:rotation_block_edit", args=[block.pk]),
        "query": request.GET.urlencode(),
        "title": "상담 일정 수정",
        "history": readable_history_of(block, limit=10),
    }
    return _form_response(request, context)


@login_required
@require_POST
def block_delete(request, pk: int):
    _manager(request)
    block = access_block(request.user, pk)
    day = _day(request.GET.get("day"))
    cell_mode = bool(is_htmx(request) and day)
    apply = bool(request.POST.get("apply_to_bookings"))
    try:
        result = delete_rotation_block(actor=request.user, block=block, apply_to_bookings=apply)
    except DomainError as error:
        form = BlockForm(BlockForm.data_of(block))
        form.is_valid()
        form.add_error(None, error.message)
        context = {
            "form": form,
            "rotation_block": block,
            "meister": block.meister,
            "day": day,
            "cell_mode": cell_mode,
            "affected": getattr(error, "bookings", []),
            "deleting": True,
            "action": reverse("consultations:rotation_block_edit", args=[block.pk]),
            "query": request.GET.urlencode(),
            "title": "상담 일정 수정",
            "history": readable_history_of(block, limit=10),
        }
        return _form_response(request, context)
    if cell_mode:
        return _cells(request, block.meister, [day], result.needs_change)
    _tell_moved(request, result.needs_change)
    messages.success(request, "상담 일정을 삭제했습니다.")
    return _back(request, day)
