"""The contest part of the staff event page: submission window, rubric, judges."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from meisterhub.accounts.models import User
from meisterhub.accounts.roles import staff_required
from meisterhub.core.errors import DomainError
from meisterhub.core.locking import StaleEdit

from .contest_manage_services import remove_judge, update_contest
from .contest_services import assign_judge
from .manage_forms import ContestForm, JudgeForm, criteria_formset
from .manage_views import (
    add_domain_error,
    contest_of,
    render_event_page,
    staff_event,
    with_current_version,
)
from .models import Contest


def _contest(pk: int):
    event = staff_event(pk)
    contest = contest_of(event)
    if contest is None:
        raise Http404("공모전 행사가 아닙니다.")
    return event, contest


@staff_required
@require_POST
def contest_settings(request, pk: int):
    event, contest = _contest(pk)
    form = ContestForm(request.POST)
    criteria = criteria_formset(contest, request.POST)
    criteria_error = None
    if form.is_valid() and criteria.is_valid():
        rows = [row for row in criteria.cleaned_data if row]
        try:
            update_contest(
                actor=request.user, contest=contest,
                submission_opens_at=form.cleaned_data["submission_opens_at"],
                submission_deadline=form.cleaned_data["submission_deadline"],
                criteria=rows, expected_version=form.cleaned_data.get("version"))
        except StaleEdit as error:
            form.add_error(None, error.message)
            with_current_version(form, Contest.objects.get(pk=contest.pk).version)
        except DomainError as error:
            if error.field == "criteria":
                criteria_error = error.message
            else:
                add_domain_error(form, error)
        else:
            messages.success(request, "공모전 설정을 저장했습니다.")
            return redirect("events:manage_event", event.pk)
    elif not criteria.is_valid():
        criteria_error = "심사 기준의 가중치와 만점은 1~100 사이의 숫자로 입력해 주세요."
    return render_event_page(request, event, contest_form=form, criteria=criteria,
                             criteria_error=criteria_error)


@staff_required
@require_POST
def judge_add(request, pk: int):
    event, contest = _contest(pk)
    form = JudgeForm(request.POST, contest=contest)
    if not form.is_valid():
        return render_event_page(request, event, judge_form=form)
    judge = form.cleaned_data["judge"]
    try:
        assign_judge(actor=request.user, contest=contest, judge=judge)
    except DomainError as error:
        add_domain_error(form, error)
        return render_event_page(request, event, judge_form=form)
    messages.success(request, f"{judge.full_name} 심사위원을 배정했습니다.")
    return redirect("events:manage_event", event.pk)


@staff_required
@require_POST
def judge_remove(request, pk: int, judge_pk: int):
    event, contest = _contest(pk)
    judge = User.objects.filter(pk=judge_pk).first()
    if judge is None:
        raise Http404("심사위원을 찾을 수 없습니다.")
    try:
        remove_judge(actor=request.user, contest=contest, judge=judge)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{judge.full_name} 심사위원 배정을 해제했습니다.")
    return redirect("events:manage_event", event.pk)
