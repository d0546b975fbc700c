from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from meisterhub.accounts.roles import staff_required
from meisterhub.consultations.permissions import is_own_meister
from meisterhub.core.errors import DomainError
from meisterhub.core.paging import paginate

from . import services
from .forms import EngagementForm, GoalStatusForm, SessionForm
from .models import MentoringGoal
from .permissions import (
    access_engagement,
    can_complete_engagement,
    can_create_engagement,
    can_write_session,
)
from .selectors import engagements_visible_to, progress


@login_required
def engagement_list(request):
    engagements = paginate(
        request, engagements_visible_to(request.user).order_by("-starts_on", "-pk"))
    for engagement in engagements:
        engagement.progress = progress(engagement)
    return render(request, "mentoring/list.html", {
        "engagements": engagements, "can_create": can_create_engagement(request.user)})


@staff_required
def engagement_new(request):
    form = EngagementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            engagement = services.create_engagement(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "멘토링을 만들었습니다.")
            return redirect("mentoring:detail", engagement.pk)
    return render(request, "mentoring/form.html", {"form": form})


@login_required
def engagement_detail(request, pk: int):
    engagement = access_engagement(request.user, pk)
    is_mentor = is_own_meister(request.user, engagement.mentor_id)
    form = SessionForm(request.POST or None)
    if request.method == "POST":
        if not is_mentor:
            raise PermissionDenied("담당 멘토만 멘토링 기록을 쓸 수 있습니다.")
        if form.is_valid():
            try:
                services.write_session(
                    actor=request.user, engagement=engagement, **form.cleaned_data
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, "멘토링 기록을 저장했습니다.")
                return redirect("mentoring:detail", pk)
    goals = list(engagement.goals.all())
    return render(
        request,
        "mentoring/detail.html",
        {
            "engagement": engagement,
            "goals": goals,
            "sessions": engagement.sessions.all(),
            "progress": progress(engagement),
            "session_form": form if is_mentor else None,
            "can_complete": can_complete_engagement(request.user, engagement),
            "can_write_session": can_write_session(request.user, engagement),
            "can_edit_goals": is_mentor or request.user.is_operator,
            "status_choices": MentoringGoal.Status.choices,
        },
    )


@login_required
@require_POST
def goal_status(request, pk: int):
    goal = MentoringGoal.objects.select_related("engagement").filter(pk=pk).first()
    if goal is None:
        raise Http404("목표를 찾을 수 없습니다.")
    access_engagement(request.user, goal.engagement_id)
    form = GoalStatusForm(request.POST)
    try:
        if not form.is_valid():
            raise DomainError("알 수 없는 상태입니다.")
        services.set_goal_status(actor=request.user, goal=goal, status=form.cleaned_data["status"])
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("mentoring:detail", goal.engagement_id)


@login_required
@require_POST
def engagement_complete(request, pk: int):
    engagement = access_engagement(request.user, pk)
    try:
        services.complete_engagement(actor=request.user, engagement=engagement)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("mentoring:detail", pk)
