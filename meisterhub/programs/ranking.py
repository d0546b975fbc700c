"""Final scores and ranking of a call's applications, in one pass over prefetched rows.

Final score: the mean of the evaluators' weighted totals (each out of 100); when at least
`call.trim_extremes_min_evaluators` evaluators submitted, one highest and one lowest total
are dropped first.

Tie-break rules, in order (documented on the call page too):
1. higher final score;
2. higher mean score on the criterion with the largest weight (first in rubric order on a tie);
3. the smaller company (fewer employees);
4. the earlier submission;
5. the lower application number (so that the order is always total).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from .models import Application, ApplicationStatus, Assignment, Score

TIE_BREAK_RULES = [
    "최종 점수가 높은 순",
    "가중치가 가장 큰 평가 항목의 평균 점수가 높은 순",
    "상시 근로자 수가 적은 기업 순",
    "먼저 제출한 순",
]
RANKED_STATUSES = [ApplicationStatus.EVALUATION, ApplicationStatus.SELECTED,
                   ApplicationStatus.NOT_SELECTED]
TWO_PLACES = Decimal("0.01")


@dataclass
class Ranked:
    application_id: int
    final_score: Decimal
    evaluator_count: int
    top_criterion_mean: Decimal
    employees: int
    submitted_at: datetime
    rank: int = 0


def final_score(totals: list[Decimal], trim_min: int) -> Decimal:
    values = sorted(totals)
    if trim_min and len(values) >= trim_min and len(values) > 2:
        values = values[1:-1]
    mean = sum(values, Decimal(0)) / len(values)
    return mean.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def rank_call(call) -> list[Ranked]:
    """Every scored application of the call, best first. Three queries whatever the size."""
    rows = list(Application.objects.filter(call=call, status__in=RANKED_STATUSES)
                .values_list("pk", "company__employees", "submitted_at"))
    totals = defaultdict(list)
    for application_id, total in Assignment.objects.filter(
        application__call=call, application__status__in=RANKED_STATUSES,
        submitted_at__isnull=False,
    ).values_list("application_id", "total"):
        totals[application_id].append(total)
    criteria = sorted(call.criteria.all(), key=lambda c: (-c.weight, c.order, c.pk))
    top_values = defaultdict(list)
    if criteria:
        for application_id, value in Score.objects.filter(
            criterion=criteria[0], assignment__submitted_at__isnull=False,
            assignment__application__call=call,
            assignment__application__status__in=RANKED_STATUSES,
        ).values_list("assignment__application_id", "value"):
            top_values[application_id].append(value)
    ranked = []
    for pk, employees, submitted_at in rows:
        if not totals[pk]:
            continue
        top = top_values[pk]
        ranked.append(Ranked(
            application_id=pk,
            final_score=final_score(totals[pk], call.trim_extremes_min_evaluators),
            evaluator_count=len(totals[pk]),
            top_criterion_mean=sum(top, Decimal(0)) / len(top) if top else Decimal(0),
            employees=employees,
            submitted_at=submitted_at,
        ))
    ranked.sort(key=lambda r: (-r.final_score, -r.top_criterion_mean, r.employees,
                               r.submitted_at, r.application_id))
    for position, item in enumerate(ranked, start=1):
        item.rank = position
    return ranked
