from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meisterhub.accounts.roles import is_staff, staff_required
from meisterhub.companies.selectors import acting_companies
from meisterhub.core.errors import DomainError
from meisterhub.core.paging import paginate

from ..forms import AnswerForm, InquiryForm, InquiryLogForm, RouteForm
from ..models import Inquiry
from ..permissions import access_inquiry, can_answer_inquiry, can_close_inquiry
from ..selectors import inquiries_of, inquiry_desk, inquiry_summary
from ..services import answer_inquiry, close_inquiry, route_inquiry, submit_inquiry
from .common import add_domain_error

FIELDS = ("category", "title", "body", "name", "organization", "phone", "email", "field",
          "company")


def _submit(request, form, channel):
    data = {k: form.cleaned_data[k] for k in FIELDS if k in form.cleaned_data}
    try:
        return submit_inquiry(actor=request.user, channel=channel, **data)
    except DomainError as error:
        add_domain_error(form, error)
        return None


@require_http_methods(["GET", "POST"])
def inquiry_new(request):
    user = request.user
    signed_in = user.is_authenticated and not is_staff(user)
    companies = list(acting_companies(user)) if signed_in else None
    kwargs = {"companies": companies, "anonymous": not signed_in}
    form = InquiryForm(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        inquiry = _submit(request, form, Inquiry.Channel.WEB)
        if inquiry is not None:
            if signed_in:
                messages.success(request, f"문의가 접수되었습니다 ({inquiry.reference}).")
                return redirect("network:inquiry_detail", inquiry.pk)
            return render(request, "network/inquiry_done.html", {"inquiry": inquiry})
    return render(request, "network/inquiry_new.html", {"form": form, "signed_in": signed_in})


@login_required
@require_GET
def my_inquiries(request):
    if is_staff(request.user):
        return redirect("network:desk")
    inquiries = paginate(request, inquiries_of(request.user))
    # A meister's list holds the inquiries assigned to them; they answer, they don't ask.
    assigned = request.user.is_meister
    return render(request, "network/my_inquiries.html", {
        "inquiries": inquiries, "assigned": assigned, "can_ask": not assigned})


@login_required
@require_GET
def inquiry_detail(request, pk: int):
    inquiry = access_inquiry(request.user, pk)
    staff = is_staff(request.user)
    can_answer = can_answer_inquiry(request.user, inquiry)
    context = {"inquiry": inquiry, "can_route": staff, "can_reveal_personal_data": staff,
               "can_answer": can_answer, "can_see_contact": staff or can_answer,
               "can_close": can_close_inquiry(request.user, inquiry)}
    if can_answer:
        context["answer_form"] = AnswerForm()
    if staff and inquiry.status in Inquiry.OPEN:
        context["route_form"] = RouteForm(initial={
            "field": inquiry.field_id or inquiry.suggested_field_id,
            "owner_meister": inquiry.owner_meister_id, "owner_staff": inquiry.owner_staff_id})
    return render(request, "network/inquiry_detail.html", context)


@staff_required
@require_POST
def inquiry_route(request, pk: int):
    inquiry = access_inquiry(request.user, pk)
    form = RouteForm(request.POST)
    if form.is_valid():
        try:
            route_inquiry(actor=request.user, inquiry=inquiry, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "담당자를 배정했습니다.")
    else:
        messages.error(request, "배정할 담당자를 다시 골라 주세요.")
    return redirect("network:inquiry_detail", pk)


@login_required
@require_POST
def inquiry_answer(request, pk: int):
    inquiry = access_inquiry(request.user, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, "답변 내용을 입력해 주세요.")
        return redirect("network:inquiry_detail", pk)
    try:
        answer_inquiry(actor=request.user, inquiry=inquiry, answer=form.cleaned_data["answer"])
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "답변을 등록했습니다. 문의자에게 알립니다.")
    return redirect("network:inquiry_detail", pk)


@login_required
@require_POST
def inquiry_close(request, pk: int):
    inquiry = access_inquiry(request.user, pk)
    try:
        close_inquiry(actor=request.user, inquiry=inquiry)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("network:inquiry_detail", pk)


@staff_required
@require_GET
def desk(request):
    status = request.GET.get("status") if request.GET.get("status") in Inquiry.Status.values \
        else None
    overdue_only = request.GET.get("overdue") == "1"
    page = Paginator(inquiry_desk(status=status, overdue_only=overdue_only), 50).get_page(
        request.GET.get("page"))
    return render(request, "network/desk.html", {
        "page": page, "status": status, "overdue_only": overdue_only,
        "statuses": Inquiry.Status.choices, "summary": inquiry_summary(),
    })


@staff_required
@require_http_methods(["GET", "POST"])
def desk_log(request):
    form = InquiryLogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        inquiry = _submit(request, form, form.cleaned_data["channel"])
        if inquiry is not None:
            messages.success(request, f"{inquiry.get_channel_display()} 문의를 기록했습니다.")
            return redirect("network:inquiry_detail", inquiry.pk)
    return render(request, "network/desk_log.html", {"form": form})
