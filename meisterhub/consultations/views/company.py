"""The company member's side: request, my consultations, cancel, survey, attachments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from meisterhub.accounts.roles import is_staff
from meisterhub.companies.selectors import acting_company_ids
from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import readable_history_of
from meisterhub.core.http import is_htmx
from meisterhub.core.paging import paginate

from .. import services
from ..forms import BookingRequestForm, RecordForm, SurveyForm
from ..models import RequestAttachment
from ..permissions import (
    access_booking,
    can_cancel_booking,
    can_close_booking,
    can_confirm_booking,
    can_decide_booking,
    can_view_booking,
    can_write_record,
    is_own_meister,
)
from ..selectors import (
    awaiting_consultations,
    called_off_consultations,
    company_engagements,
    my_consultations,
    past_consultations,
    upcoming_consultations,
)
from ..slots import SlotTaken
from .common import run_action

SAFE_INLINE = {"image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"}


@login_required
def new(request):
    if not acting_company_ids(request.user):
        messages.error(
            request,
            "소속 기업이 없어 상담을 신청할 수 없습니다. 먼저 기업을 등록하거나 "
            "소속 신청을 해 주세요.",
        )
        return render(request, "consultations/no_company.html", status=403)
    if request.method == "POST":
        form = BookingRequestForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                booking = services.book_consultation(
                    actor=request.user,
                    company=data["company"],
                    field=data["field"],
                    meister=data["meister"],
                    starts_at=data["slot"],
                    problem=data["problem"],
                    attachments=data["attachments"],
                )
            except SlotTaken as error:
                form.show_taken(error)
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, "상담 신청이 접수되었습니다. 확정되면 알려 드립니다.")
                return redirect("consultations:detail", booking.pk)
    else:
        # The month calendar links a day's first free slot (`slot`); the form offers the rest.
        initial = {k: request.GET[k] for k in ("field", "meister", "slot") if request.GET.get(k)}
        companies = acting_company_ids(request.user)
        if len(companies) == 1:
            initial["company"] = next(iter(companies))
        form = BookingRequestForm(initial=initial, user=request.user)
        if is_htmx(request):
            return render(request, "consultations/partials/choices.html", {"form": form})
    return render(request, "consultations/new.html", {"form": form})


@login_required
def my(request):
    user = request.user
    groups = my_consultations(
        user,
        upcoming=paginate(request, upcoming_consultations(user), param="upcoming_page"),
        past=paginate(request, past_consultations(user)),
        cancelled=paginate(request, called_off_consultations(user), param="cancelled_page"),
        awaiting=paginate(request, awaiting_consultations(user), param="awaiting_page"),
        engagements=paginate(request, company_engagements(user), param="onsite_page"),
    )
    return render(request, "consultations/my.html", groups)


@login_required
def detail(request, pk: int):
    booking = access_booking(request.user, pk)
    user = request.user
    context = {
        "booking": booking,
        "attachments": booking.request.attachments.all() if booking.request_id else [],
        "record": getattr(booking, "record", None),
        "survey": getattr(booking, "survey", None),
        "is_member": booking.company_id in acting_company_ids(user),
        "is_meister": is_own_meister(user, booking.meister_id),
        "can_confirm": can_confirm_booking(user, booking),
        "can_close": can_close_booking(user, booking),
        "can_cancel": can_cancel_booking(user, booking),
        "can_decide": can_decide_booking(user, booking),
        "can_write_record": can_write_record(user, booking),
        "can_see_ranking": is_staff(user) and bool(booking.problem),
    }
    if context["is_meister"]:
        record = context["record"]
        context["record_form"] = RecordForm(
            initial={
                "diagnosis": record.diagnosis,
                "advice": record.advice,
                "follow_up": record.follow_up,
                "hours": record.hours,
            }
            if record
            else None
        )
    if context["is_member"] and booking.status == "completed" and not context["survey"]:
        context["survey_form"] = SurveyForm()
    context.update(_decision_context(user, booking, context["is_member"]))
    return render(request, "consultations/detail.html", context)


def _decision_context(user, booking, is_member: bool) -> dict:
    """What the detail page offers around decisions: answer a proposal, move, the history."""
    from ..services.decisions import is_movable
    from .decisions import reschedule_form

    acting = is_member or is_staff(user)
    return {
        "can_answer": acting,
        "move_form": reschedule_form(booking) if acting and is_movable(booking) else None,
        "history": readable_history_of(booking),
    }


@login_required
@require_POST
def cancel(request, pk: int):
    booking = access_booking(request.user, pk)
    return run_action(
        request,
        lambda: services.cancel_booking(
            actor=request.user, booking=booking, reason=request.POST.get("reason", "")
        ),
        "상담 예약을 취소했습니다.",
        "consultations:detail",
        pk,
    )


@login_required
@require_POST
def survey(request, pk: int):
    booking = access_booking(request.user, pk)
    form = SurveyForm(request.POST)
    if not form.is_valid():
        messages.error(request, "만족도를 1점에서 5점 사이로 골라 주세요.")
        return redirect("consultations:detail", pk)
    return run_action(
        request,
        lambda: services.answer_survey(
            actor=request.user,
            booking=booking,
            score=form.cleaned_data["score"],
            comment=form.cleaned_data["comment"],
        ),
        "만족도 조사에 답해 주셔서 고맙습니다.",
        "consultations:detail",
        pk,
    )


@login_required
def attachment(request, pk: int):
    item = RequestAttachment.objects.select_related("request__booking").filter(pk=pk).first()
    booking = getattr(item.request, "booking", None) if item else None
    if booking is None or not can_view_booking(request.user, booking):
        raise Http404("첨부파일을 찾을 수 없습니다.")
    inline = item.content_type in SAFE_INLINE
    response = FileResponse(
        item.file.open("rb"), as_attachment=not inline, filename=item.original_name
    )
    response["Content-Type"] = item.content_type if inline else "application/octet-stream"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
