"""Answers to a booking: the meister confirms, declines or proposes another time; the company
accepts or rejects a proposal, or moves its booking to another free slot."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from meisterhub.companies.selectors import acting_company_ids
from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import readable_history_of

from .. import services
from ..forms import DecisionForm, DeclineForm, ProposeForm, SlotForm, meister_slot_choices
from ..models import Booking
from ..permissions import access_booking, can_confirm_time, is_own_meister
from ..services import decisions


def _as_meister(request, pk: int) -> Booking:
    """The booking for its own meister or staff; anyone else sees no such booking."""
    booking = access_booking(request.user, pk)
    if not (request.user.is_operator or is_own_meister(request.user, booking.meister_id)):
        raise Http404("상담을 찾을 수 없습니다.")
    return booking


def _as_company(request, pk: int) -> Booking:
    """The booking for a member of its company or staff; anyone else sees no such booking."""
    booking = access_booking(request.user, pk)
    if not (request.user.is_operator or booking.company_id in acting_company_ids(request.user)):
        raise Http404("상담을 찾을 수 없습니다.")
    return booking


def _after_meister(request, booking: Booking):
    if is_own_meister(request.user, booking.meister_id):
        return redirect("consultations:meister_home")
    return redirect("consultations:detail", booking.pk)


def _apply(form, call) -> bool:
    """Run the service; a refusal goes beside its field (or above the form)."""
    try:
        call()
    except DomainError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return False
    return True


def _decide_page(request, booking, *, decline=None, propose=None, confirm=None, status=200):
    initial = {"sequence": booking.sequence}
    return render(
        request,
        "consultations/decide.html",
        {
            "booking": booking,
            "confirm_form": confirm or DecisionForm(initial=initial),
            "decline_form": decline or DeclineForm(initial=initial),
            "propose_form": propose
            or ProposeForm(initial=initial, choices=meister_slot_choices(booking.meister_id)),
            "history": readable_history_of(booking),
            # Only its meister or staff reach this page; what is left to do depends on state.
            "can_answer": booking.status in decisions.PROPOSABLE,
            "can_confirm": can_confirm_time(request.user, booking),
        },
        status=status,
    )


@login_required
def decide(request, pk: int):
    return _decide_page(request, _as_meister(request, pk))


@login_required
@require_POST
def meister_confirm(request, pk: int):
    booking = _as_meister(request, pk)
    form = DecisionForm(request.POST)
    call = lambda: services.confirm_booking(  # noqa: E731
        actor=request.user, booking=booking, sequence=form.cleaned_data["sequence"]
    )
    if form.is_valid() and _apply(form, call):
        messages.success(request, "상담 예약을 확정했습니다.")
        return _after_meister(request, booking)
    return _decide_page(request, booking, confirm=form)


@login_required
@require_POST
def decline(request, pk: int):
    booking = _as_meister(request, pk)
    form = DeclineForm(request.POST)
    if form.is_valid() and _apply(
        form,
        lambda: decisions.decline_booking(actor=request.user, booking=booking, **form.cleaned_data),
    ):
        messages.success(request, "상담 신청을 거절했습니다. 기업에 사유와 함께 알렸습니다.")
        return _after_meister(request, booking)
    return _decide_page(request, booking, decline=form)


@login_required
@require_POST
def propose(request, pk: int):
    booking = _as_meister(request, pk)
    form = ProposeForm(request.POST, choices=meister_slot_choices(booking.meister_id))
    if form.is_valid() and _apply(
        form,
        lambda: decisions.propose_booking_time(
            actor=request.user,
            booking=booking,
            starts_at=form.cleaned_data["slot"],
            reason=form.cleaned_data["reason"],
            sequence=form.cleaned_data["sequence"],
        ),
    ):
        messages.success(request, "다른 시간을 제안했습니다. 기업이 답하면 알려 드립니다.")
        return _after_meister(request, booking)
    return _decide_page(request, booking, propose=form)


def _proposal_answer(request, pk: int, service, success: str):
    booking = _as_company(request, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "잘못된 요청입니다. 페이지를 새로 불러와 다시 하세요.")
    else:
        try:
            service(actor=request.user, booking=booking, sequence=form.cleaned_data["sequence"])
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, success)
    return redirect("consultations:detail", pk)


@login_required
@require_POST
def accept_proposal(request, pk: int):
    return _proposal_answer(
        request, pk, decisions.accept_proposal, "제안된 시간으로 상담이 확정되었습니다."
    )


@login_required
@require_POST
def reject_proposal(request, pk: int):
    return _proposal_answer(
        request, pk, decisions.reject_proposal, "제안을 거절했습니다. 상담 예약은 취소되었습니다."
    )


def reschedule_form(booking: Booking, data=None) -> SlotForm:
    return SlotForm(
        data,
        initial={"sequence": booking.sequence},
        choices=meister_slot_choices(booking.meister_id),
        prefix="move",
    )


@login_required
def reschedule(request, pk: int):
    booking = _as_company(request, pk)
    form = reschedule_form(booking, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        call = lambda: decisions.reschedule_booking(  # noqa: E731
            actor=request.user,
            booking=booking,
            starts_at=form.cleaned_data["slot"],
            sequence=form.cleaned_data["sequence"],
        )
        if _apply(form, call):
            messages.success(request, "상담 일정을 바꾸었습니다. 마이스터에게 알렸습니다.")
            return redirect("consultations:detail", pk)
    return render(
        request,
        "consultations/reschedule.html",
        {
            "booking": booking,
            "form": form,
            "movable": decisions.is_movable(booking),
            "history": readable_history_of(booking),
        },
    )
