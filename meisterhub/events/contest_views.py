from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from meisterhub.accounts.models import Role, User
from meisterhub.accounts.roles import staff_required
from meisterhub.companies.selectors import acting_companies
from meisterhub.core.errors import DomainError
from meisterhub.core.paging import paginate

from .contest_services import (
    assign_judge,
    compute_ranking,
    is_judge,
    publish_ranking,
    score_submission,
    submit_entry,
)
from .forms import SubmissionForm, score_form_fields
from .models import Score, Submission
from .permissions import access_contest, access_submission
from .selectors import contests_judged_by, published_results, submissions_for_judge


@login_required
@require_http_methods(["GET", "POST"])
def submit(request, pk: int):
    contest = access_contest(pk)
    if request.method == "POST" and is_judge(request.user, contest):
        raise PermissionDenied("이 공모전의 심사위원은 작품을 제출할 수 없습니다.")
    companies = acting_companies(request.user) if not request.user.is_operator else None
    form = SubmissionForm(request.POST or None, request.FILES or None, companies=companies)
    mine = Submission.objects.filter(contest=contest, user=request.user).first()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            submit_entry(
                actor=request.user,
                contest=contest,
                title=data["title"],
                summary=data["summary"],
                upload=data["file"],
                company=data["company"],
            )
        except DomainError as error:
            form.add_error("file" if error.field == "file" else None, error.message)
        else:
            messages.success(request, "제출되었습니다.")
            return redirect(contest.event)
    return render(
        request,
        "events/contest_submit.html",
        {"contest": contest, "event": contest.event, "form": form, "mine": mine},
    )


@require_GET
def results(request, pk: int):
    contest = access_contest(pk)
    if not contest.is_published:
        raise Http404("아직 결과가 발표되지 않았습니다.")
    return render(
        request,
        "events/contest_results.html",
        {
            "contest": contest,
            "event": contest.event,
            "submissions": paginate(request, published_results(contest)),
        },
    )


@login_required
@require_GET
def judging(request):
    assignments = []
    for contest in contests_judged_by(request.user):
        submissions = list(submissions_for_judge(request.user, contest))
        scored = set(
            Score.objects.filter(judge=request.user, submission__in=submissions).values_list(
                "submission_id", flat=True
            )
        )
        assignments.append({"contest": contest, "submissions": submissions, "scored": scored})
    return render(request, "events/judging.html", {"assignments": assignments})


@login_required
@require_http_methods(["GET", "POST"])
def score(request, pk: int):
    submission = access_submission(request.user, pk)
    contest = submission.contest
    if not contest.assignments.filter(judge=request.user).exists():
        raise Http404("제출작을 찾을 수 없습니다.")
    criteria = list(contest.criteria.all())
    own = dict(
        Score.objects.filter(submission=submission, judge=request.user).values_list(
            "criterion_id", "value"
        )
    )
    form = score_form_fields(criteria, own)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = {c.pk: form.cleaned_data[f"c{c.pk}"] for c in criteria}
        try:
            score_submission(actor=request.user, submission=submission, values=values)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "점수를 저장했습니다.")
            return redirect("events:judging")
    return render(
        request, "events/score.html", {"submission": submission, "contest": contest, "form": form}
    )


@login_required
@require_GET
def submission_file(request, pk: int):
    submission = access_submission(request.user, pk)
    response = FileResponse(
        submission.file.open("rb"),
        content_type=submission.file_content_type,
        as_attachment=True,
        filename=f"submission-{submission.pk}.{submission.file.name.rsplit('.', 1)[-1]}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@staff_required
@require_http_methods(["GET", "POST"])
def manage(request, pk: int):
    contest = access_contest(pk)
    if request.method == "POST":
        try:
            if "judge" in request.POST:
                judge = User.objects.filter(
                    pk=request.POST.get("judge"), role=Role.EVALUATOR
                ).first()
                if judge is None:
                    raise DomainError("평가위원을 선택해 주세요.")
                assign_judge(actor=request.user, contest=contest, judge=judge)
                messages.success(request, f"{judge.full_name} 심사위원을 배정했습니다.")
            else:
                awards = {
                    int(key[6:]): value
                    for key, value in request.POST.items()
                    if key.startswith("award_") and key[6:].isdigit() and value.strip()
                }
                publish_ranking(actor=request.user, contest=contest, awards=awards)
                messages.success(request, "순위와 수상작을 발표했습니다.")
        except DomainError as error:
            messages.error(request, error.message)
        return redirect("events:contest_manage", pk)
    return render(
        request,
        "events/contest_manage.html",
        {
            "contest": contest,
            "event": contest.event,
            "ranking": compute_ranking(contest),
            "judges": list(contest.assignments.select_related("judge")),
            "evaluators": User.objects.filter(role=Role.EVALUATOR).order_by("full_name"),
        },
    )
