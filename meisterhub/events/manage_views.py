"""Staff pages for running events: the list, create, the event page (edit), and its actions."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meisterhub.accounts.roles import staff_required
from meisterhub.core.errors import DomainError
from meisterhub.core.http import is_htmx
from meisterhub.core.locking import StaleEdit
from meisterhub.core.paging import paginate

from .manage_forms import CancelForm, ContestForm, EventForm, JudgeForm, criteria_formset
from .manage_services import (
    cancel_event,
    close_registration,
    copy_event,
    create_event,
    publish_event,
    update_event,
)
from .models import Event, EventKind
from .permissions import can_change_event, can_publish_event, can_run_contest
from .selectors import event_history, get_event_for_staff, list_events_for_staff


class ManageFilterForm(forms.Form):
    status = forms.ChoiceField(label="상태", required=False,
                               choices=[("", "전체"), *Event.Status.choices],
                               widget=forms.Select(attrs={"class": "krds-form-select"}))
    kind = forms.ChoiceField(label="유형", required=False, choices=[("", "전체"), *EventKind.choices],
                             widget=forms.Select(attrs={"class": "krds-form-select"}))


def staff_event(pk: int) -> Event:
    event = get_event_for_staff(pk)
    if event is None:
        raise Http404("행사를 찾을 수 없습니다.")
    return event


def contest_of(event: Event):
    return getattr(event, "contest", None) if event.kind == EventKind.CONTEST else None


def add_domain_error(form, error: DomainError) -> None:
    """Beside its field when the form has it, else above the form."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


def with_current_version(form, version: int) -> None:
    """After a refused stale save the input stays; the next save is made knowingly."""
    form.data = form.data.copy()
    form.data["version"] = str(version)


def render_event_page(request, event: Event, **parts):
    contest = contest_of(event)
    context = {
        "event": event,
        "contest": contest,
        "form": parts.get("form") or EventForm(event=event),
        "cancel_form": parts.get("cancel_form") or CancelForm(),
        "history": event_history(event),
        "is_public": event.status != Event.Status.DRAFT,
        "can_publish": can_publish_event(request.user, event),
        "can_change": can_change_event(request.user, event),
        "can_run_contest": contest is not None and can_run_contest(request.user, event),
    }
    if contest is not None:
        context.update({
            "contest_form": parts.get("contest_form") or ContestForm(initial={
                "submission_opens_at": contest.submission_opens_at,
                "submission_deadline": contest.submission_deadline,
                "version": contest.version}),
            "criteria": parts.get("criteria") or criteria_formset(contest),
            "criteria_error": parts.get("criteria_error"),
            "judge_form": parts.get("judge_form") or JudgeForm(contest=contest),
            "judges": list(contest.assignments.select_related("judge").order_by("assigned_at")),
        })
    return render(request, "events/manage/event.html", context)


@staff_required
@require_GET
def event_list(request):
    form = ManageFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    events = paginate(request, list_events_for_staff(status=filters.get("status") or None,
                                                     kind=filters.get("kind") or None))
    template = "events/manage/partials/rows.html" if is_htmx(request) else "events/manage/list.html"
    return render(request, template, {"form": form, "events": events})


@staff_required
@require_http_methods(["GET", "POST"])
def event_create(request):
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = create_event(actor=request.user, values=form.values())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "행사를 준비 중 상태로 등록했습니다. 확인한 뒤 게시하세요.")
            return redirect("events:manage_event", event.pk)
    return render(request, "events/manage/new.html", {"form": form})


@staff_required
@require_http_methods(["GET", "POST"])
def event_page(request, pk: int):
    event = staff_event(pk)
    if request.method == "GET":
        return render_event_page(request, event)
    form = EventForm(request.POST, event=event)
    if form.is_valid():
        try:
            update_event(actor=request.user, event=event, values=form.values(),
                         expected_version=form.cleaned_data.get("version"))
        except StaleEdit as error:
            form.add_error(None, error.message)
            event = staff_event(pk)
            with_current_version(form, event.version)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "행사 정보를 저장했습니다.")
            return redirect("events:manage_event", event.pk)
    return render_event_page(request, event, form=form)


def _action(request, pk: int, action, success: str):
    event = staff_event(pk)
    try:
        result = action(event)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("events:manage_event", event.pk)
    messages.success(request, success.format(result=result))
    return redirect("events:manage_event", event.pk)


@staff_required
@require_POST
def event_publish(request, pk: int):
    return _action(request, pk, lambda e: publish_event(actor=request.user, event=e),
                   "행사를 게시했습니다. 공개 행사 목록에 보입니다.")


@staff_required
@require_POST
def event_close(request, pk: int):
    return _action(request, pk, lambda e: close_registration(actor=request.user, event=e),
                   "참가 신청을 마감했습니다.")


@staff_required
@require_POST
def event_cancel(request, pk: int):
    event = staff_event(pk)
    form = CancelForm(request.POST)
    if not form.is_valid():
        return render_event_page(request, event, cancel_form=form)
    return _action(request, pk, lambda e: cancel_event(actor=request.user, event=e,
                                                       reason=form.cleaned_data["reason"]),
                   "행사를 취소했습니다. 신청자 {result}명에게 취소 안내를 보냈습니다.")


@staff_required
@require_POST
def event_copy(request, pk: int):
    event = staff_event(pk)
    try:
        copy = copy_event(actor=request.user, event=event)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("events:manage_event", event.pk)
    messages.success(request, "사본을 만들었습니다. 일정(시작·종료·신청 기간)을 새로 정한 뒤 게시하세요.")
    return redirect("events:manage_event", copy.pk)
