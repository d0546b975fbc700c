"""Selecting the top N applications of a call and telling every applicant."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from meisterhub.accounts.roles import require_staff
from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.core.models import History

from ..models import Application, ApplicationStatus, Assignment, Beneficiary, Call, CallStatus
from ..notices import results as notify_results
from ..ranking import rank_call


def _write_decisions(applications, now) -> None:
    """One prepared UPDATE run for every row: bulk_update's CASE chains grow with the batch."""
    ops, quote = connection.ops, connection.ops.quote_name
    table = quote(Application._meta.db_table)
    columns = ", ".join(f"{quote(name)} = %s" for name in
                        ("status", "final_score", "rank", "decided_at", "updated_at"))
    # Table and column names are our own; every value is bound.
    sql = f"UPDATE {table} SET {columns} WHERE {quote('id')} = %s"  # noqa: S608
    stamp = ops.adapt_datetimefield_value(now)
    rows = [(a.status, ops.adapt_decimalfield_value(a.final_score, 6, 2), a.rank, stamp, stamp,
             a.pk) for a in applications]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


@transaction.atomic
def select_applications(*, actor, call: Call, now=None) -> list[int]:
    """Rank the call's evaluated applications and select the top `selection_count`.

    Returns the selected application ids. Refuses while the call is open, when it was already
    decided, or while an evaluation is still unfinished.
    """
    require_staff(actor, "운영자만 선정할 수 있습니다.")
    call = Call.objects.select_for_update().select_related("program").get(pk=call.pk)
    now = now or timezone.now()
    if call.selected_at:
        raise DomainError("이미 선정을 확정한 공고입니다.")
    if call.status_at(now) != CallStatus.CLOSED:
        raise DomainError("접수가 마감된 뒤에 선정할 수 있습니다.")
    evaluating = Application.objects.filter(call=call, status=ApplicationStatus.EVALUATION)
    pending = Assignment.objects.filter(application__in=evaluating, submitted_at__isnull=True)
    if pending.exists():
        raise DomainError(f"아직 제출되지 않은 평가가 {pending.count()}건 있습니다.")
    unscored = evaluating.exclude(assignments__submitted_at__isnull=False).count()
    if unscored:
        raise DomainError(f"평가 점수가 없는 신청이 {unscored}건 있습니다. 평가위원을 배정해 주세요.")
    ranked = rank_call(call)
    if not ranked:
        raise DomainError("평가를 마친 신청이 없습니다.")
    by_id = Application.objects.in_bulk([r.application_id for r in ranked])
    selected_ids = []
    for item in ranked:
        application = by_id[item.application_id]
        chosen = item.rank <= call.selection_count
        application.status = ApplicationStatus.SELECTED if chosen else ApplicationStatus.NOT_SELECTED
        application.final_score = item.final_score
        application.rank = item.rank
        application.decided_at = now
        if chosen:
            selected_ids.append(application.pk)
    applications = list(by_id.values())
    _write_decisions(applications, now)
    Beneficiary.objects.bulk_create(
        [Beneficiary(program=call.program, company_id=by_id[pk].company_id,
                     year=call.program.year, application_id=pk) for pk in selected_ids],
        ignore_conflicts=True)
    call.selected_at = now
    call.save(update_fields=["selected_at"])
    content_type = ContentType.objects.get_for_model(Application)
    History.objects.bulk_create([
        History(actor=actor, action=f"programs.application.{a.status}", content_type=content_type,
                object_id=str(a.pk), object_repr=str(a.pk),
                changes={"status": ["evaluation", a.status], "rank": [None, a.rank],
                         "final_score": [None, str(a.final_score)]})
        for a in applications], batch_size=500)
    history.record(actor=actor, action="programs.call.selected", instance=call,
                   changes={"selected": selected_ids, "ranked": len(ranked)})
    notify_results(call)
    return selected_ids
