"""Contests: submissions until the deadline, judges, weighted scores, ranking, awards."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from meisterhub.accounts.models import Role
from meisterhub.accounts.roles import require_staff
from meisterhub.companies.selectors import acting_company_ids
from meisterhub.core.errors import DomainError
from meisterhub.core.history import record

from .files import FileRefused, sniff
from .models import Contest, ContestJudge, Criterion, Score, Submission


def submit_entry(*, actor, contest: Contest, title: str, summary: str, upload,
                 company=None) -> Submission:
    if not getattr(actor, "is_authenticated", False):
        raise DomainError("로그인한 뒤 제출할 수 있습니다.", code="forbidden")
    if timezone.now() >= contest.submission_deadline:
        raise DomainError("접수가 마감되었습니다. 마감 후에는 제출할 수 없습니다.")
    if contest.submission_opens_at and timezone.now() < contest.submission_opens_at:
        opens = timezone.localtime(contest.submission_opens_at)
        raise DomainError(f"접수는 {opens:%Y-%m-%d %H:%M}부터 받습니다.")
    if company is not None and company.pk not in acting_company_ids(actor):
        raise DomainError("소속된 기업으로만 제출할 수 있습니다.", code="forbidden")
    if is_judge(actor, contest):
        raise DomainError("이 공모전의 심사위원은 작품을 제출할 수 없습니다.", code="forbidden")
    if not (title or "").strip() or not (summary or "").strip():
        raise DomainError("제목과 요약을 입력해 주세요.")
    try:
        extension, content_type = sniff(upload)
    except FileRefused as error:
        raise DomainError(str(error), field="file") from None
    original = getattr(upload, "name", "") or f"submission.{extension}"
    upload.name = f"entry.{extension}"  # stored name comes from the content, not the person
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                contest=contest, user=actor, company=company, title=title.strip(),
                summary=summary.strip(), file=upload, file_content_type=content_type,
                file_name=original[:200],
            )
            record(actor=actor, action="events.submission.created", instance=submission,
                   changes={"title": submission.title, "file": content_type})
    except IntegrityError:
        raise DomainError("이미 이 공모전에 제출했습니다.", code="conflict") from None
    return submission


def assign_judge(*, actor, contest: Contest, judge) -> ContestJudge:
    require_staff(actor, "운영자만 심사위원을 배정할 수 있습니다.")
    if judge.role != Role.EVALUATOR:
        raise DomainError("평가위원 역할의 사용자만 심사위원으로 배정할 수 있습니다.")
    if Submission.objects.filter(contest=contest, user=judge).exists():
        raise DomainError("이 공모전에 작품을 제출한 사람은 심사위원이 될 수 없습니다.")
    with transaction.atomic():
        assignment, created = ContestJudge.objects.get_or_create(contest=contest, judge=judge)
        if created:
            record(actor=actor, action="events.contest.judge_assigned", instance=contest,
                   changes={"judges": str(judge)})
    return assignment


def is_judge(user, contest: Contest) -> bool:
    return ContestJudge.objects.filter(contest=contest, judge=user).exists()


def score_submission(*, actor, submission: Submission, values: dict[int, int]) -> list[Score]:
    """Record one judge's marks for every criterion of a submission (all criteria at once)."""
    contest = submission.contest
    if not is_judge(actor, contest):
        raise DomainError("배정된 심사위원만 점수를 매길 수 있습니다.", code="forbidden")
    if submission.user_id == actor.pk:
        raise DomainError("자신이 제출한 작품은 심사할 수 없습니다.", code="forbidden")
    if contest.is_published:
        raise DomainError("순위가 발표된 뒤에는 점수를 바꿀 수 없습니다.")
    criteria = list(contest.criteria.all())
    if set(values) != {c.pk for c in criteria}:
        raise DomainError("모든 심사 기준에 점수를 입력해 주세요.")
    for criterion in criteria:
        value = values[criterion.pk]
        if value is None or not 0 <= value <= criterion.max_score:
            raise DomainError(f"'{criterion.name}' 점수는 0~{criterion.max_score}점이어야 합니다.")
    with transaction.atomic():
        saved = []
        for criterion in criteria:
            score, _ = Score.objects.update_or_create(
                submission=submission, judge=actor, criterion=criterion,
                defaults={"value": values[criterion.pk]},
            )
            saved.append(score)
        record(actor=actor, action="events.submission.scored", instance=submission,
               changes={"criteria": len(saved)})
    return saved


def weighted_total(scores: list[Score], criteria: list[Criterion]) -> Decimal:
    """A judge's total on 100 points: each criterion's share of its max times its weight."""
    by_criterion = {s.criterion_id: s.value for s in scores}
    weight_sum = sum(c.weight for c in criteria) or 1
    total = sum(Decimal(by_criterion.get(c.pk, 0)) / c.max_score * c.weight for c in criteria)
    return (total * 100 / weight_sum).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def compute_ranking(contest: Contest) -> list[dict]:
    """Submissions by the mean of their judges' weighted totals (only complete score sheets)."""
    criteria = list(contest.criteria.all())
    submissions = list(contest.submissions.select_related("user", "company").prefetch_related(
        "scores"))
    rows = []
    for submission in submissions:
        sheets: dict[int, list[Score]] = {}
        for score in submission.scores.all():
            sheets.setdefault(score.judge_id, []).append(score)
        complete = [s for s in sheets.values() if len(s) == len(criteria)]
        totals = [weighted_total(sheet, criteria) for sheet in complete]
        mean = (sum(totals) / len(totals)).quantize(Decimal("0.01")) if totals else None
        rows.append({"submission": submission, "total": mean, "judges": len(totals)})
    rows.sort(key=lambda r: (r["total"] is None, -(r["total"] or 0),
                             r["submission"].submitted_at))
    for place, row in enumerate(rows, start=1):
        row["rank"] = place if row["total"] is not None else None
    return rows


def publish_ranking(*, actor, contest: Contest, awards: dict[int, str]) -> list[dict]:
    """Fix ranks and totals, attach prize names, and make the results public."""
    require_staff(actor, "운영자만 순위를 발표할 수 있습니다.")
    if contest.is_published:
        raise DomainError("이미 순위를 발표했습니다.")
    if timezone.now() < contest.submission_deadline:
        raise DomainError("접수 마감 전에는 순위를 발표할 수 없습니다.")
    with transaction.atomic():
        locked = Contest.objects.select_for_update().get(pk=contest.pk)
        ranking = compute_ranking(locked)
        ranked_ids = {r["submission"].pk for r in ranking if r["rank"]}
        unknown = set(awards) - ranked_ids
        if unknown:
            raise DomainError("순위가 없는 제출작에는 상을 줄 수 없습니다.")
        for row in ranking:
            submission = row["submission"]
            submission.rank, submission.total_score = row["rank"], row["total"]
            submission.award = (awards.get(submission.pk) or "").strip()[:60]
            submission.save(update_fields=["rank", "total_score", "award"])
        locked.ranking_published_at = timezone.now()
        locked.save(update_fields=["ranking_published_at"])
        record(actor=actor, action="events.contest.ranking_published", instance=locked,
               changes={"awards": {str(k): v for k, v in awards.items()}})
    contest.refresh_from_db()
    return ranking
