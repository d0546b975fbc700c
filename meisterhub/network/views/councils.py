from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meisterhub.accounts.roles import is_staff, staff_required
from meisterhub.core.errors import DomainError
from meisterhub.core.paging import paginate

from .. import conf
from ..files import CONTENT_TYPES
from ..forms import DecisionForm, DecisionStatusForm, MeetingForm, MinutesForm
from ..models import Decision, Institution
from ..permissions import access_council, access_meeting
from ..selectors import (
    council_members,
    councils_visible_to,
    institutions_directory,
    meeting_record,
    meetings_of,
    open_decisions_visible_to,
    plenary_count,
)
from ..services import add_decision, create_meeting, record_minutes, update_decision_status
from .common import add_domain_error


@login_required
@require_GET
def council_list(request):
    councils = list(councils_visible_to(request.user))
    if not councils and not is_staff(request.user):
        raise Http404
    decisions = paginate(request, open_decisions_visible_to(request.user))
    return render(request, "network/council_list.html",
                  {"councils": councils, "decisions": decisions})


@login_required
@require_GET
def council_detail(request, pk: int):
    council = access_council(request.user, pk)
    year = timezone.localdate().year
    return render(request, "network/council_detail.html", {
        "council": council, "members": list(council_members(council)),
        # Meta.ordering does not apply to the annotated (GROUP BY) query: order it here.
        "meetings": paginate(request, meetings_of(council).order_by("-held_on", "-id")),
        "can_manage": is_staff(request.user),
        "plenary_this_year": plenary_count(council, year),
        "plenary_target": conf.PLENARY_MEETINGS_PER_YEAR, "year": year,
    })


@login_required
@require_GET
def meeting_detail(request, pk: int):
    meeting = access_meeting(request.user, pk)
    context = {"meeting": meeting, "can_manage": is_staff(request.user),
               **meeting_record(meeting)}
    if context["can_manage"]:
        context["minutes_form"] = MinutesForm(initial={"minutes_text": meeting.minutes_text})
        context["decision_form"] = DecisionForm(council=meeting.council)
        context["status_choices"] = Decision.Status.choices
    return render(request, "network/meeting_detail.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def meeting_new(request, pk: int):
    council = access_council(request.user, pk)
    form = MeetingForm(request.POST or None, council=council)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = create_meeting(
                actor=request.user, council=council, kind=data["kind"], title=data["title"],
                held_on=data["held_on"], place=data["place"],
                agenda=data["agenda"].splitlines(),
                attendance=[(inst, "") for inst in data["attendees"]])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "회의를 등록했습니다.")
            return redirect("network:meeting_detail", meeting.pk)
    return render(request, "network/meeting_form.html", {"form": form, "council": council})


@staff_required
@require_POST
def meeting_minutes(request, pk: int):
    meeting = access_meeting(request.user, pk)
    form = MinutesForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            record_minutes(actor=request.user, meeting=meeting,
                           text=form.cleaned_data["minutes_text"],
                           upload=form.cleaned_data["minutes_file"])
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "회의록을 저장했습니다.")
    return redirect("network:meeting_detail", pk)


@staff_required
@require_POST
def decision_new(request, pk: int):
    meeting = access_meeting(request.user, pk)
    form = DecisionForm(request.POST, council=meeting.council)
    if form.is_valid():
        try:
            add_decision(actor=request.user, meeting=meeting, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "결정사항을 등록했습니다.")
            return redirect("network:meeting_detail", pk)
    context = {"meeting": meeting, "can_manage": True, "decision_form": form,
               "minutes_form": MinutesForm(initial={"minutes_text": meeting.minutes_text}),
               "status_choices": Decision.Status.choices, **meeting_record(meeting)}
    return render(request, "network/meeting_detail.html", context, status=400)


@staff_required
@require_POST
def decision_status(request, pk: int):
    decision = get_object_or_404(Decision.objects.select_related("meeting"), pk=pk)
    form = DecisionStatusForm(request.POST)
    if form.is_valid():
        update_decision_status(actor=request.user, decision=decision,
                               status=form.cleaned_data["status"])
    return redirect("network:meeting_detail", decision.meeting_id)


@login_required
@require_GET
def minutes_file(request, pk: int):
    meeting = access_meeting(request.user, pk)
    if not meeting.minutes_file:
        raise Http404
    response = FileResponse(meeting.minutes_file.open("rb"), as_attachment=True,
                            filename=meeting.minutes_file_name or f"minutes.{meeting.minutes_file_kind}")
    response["Content-Type"] = CONTENT_TYPES.get(meeting.minutes_file_kind,
                                                 "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


@staff_required
@require_GET
def institution_list(request):
    kind = request.GET.get("kind") if request.GET.get("kind") in Institution.Kind.values else None
    return render(request, "network/institution_list.html", {
        "institutions": paginate(request, institutions_directory(kind)), "kind": kind,
        "kinds": Institution.Kind.choices})


@staff_required
@require_GET
def institution_detail(request, pk: int):
    institution = get_object_or_404(Institution, pk=pk)
    # Contacts are shown masked; a full number comes through the logged reveal form.
    contacts = list(institution.contacts.all())
    return render(request, "network/institution_detail.html", {
        "institution": institution, "contacts": contacts,
        "memberships": list(institution.council_memberships.select_related("council", "contact"))})
