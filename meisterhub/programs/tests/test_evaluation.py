from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from meisterhub.companies.tests.factories import CompanyFactory, MembershipFactory
from meisterhub.core.errors import DomainError
from meisterhub.programs import services
from meisterhub.programs.models import Application, Assignment, Beneficiary, Call, Score
from meisterhub.programs.ranking import final_score, rank_call

from .factories import make_call, make_evaluator, make_submitted, score_all

pytestmark = pytest.mark.django_db


def _close(call):
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    call.refresh_from_db()


def _in_evaluation(call, member, company, staff):
    application = make_submitted(call, member, company)
    return services.pass_screening(actor=staff, application=application)


def test_conflicted_evaluator_cannot_be_assigned(member_a, company_a, staff_user):
    call = make_call()
    application = _in_evaluation(call, member_a, company_a, staff_user)
    evaluator = make_evaluator()
    services.declare_conflict(actor=evaluator, company=company_a, reason="최근 3년 자문 계약")
    with pytest.raises(DomainError, match="이해충돌을 신고했으므로 이 신청에 배정할 수 없습니다"):
        services.assign_evaluator(actor=staff_user, application=application, evaluator=evaluator)
    assert Assignment.objects.count() == 0


def test_declaring_conflict_withdraws_unsubmitted_assignment(member_a, company_a, staff_user):
    call = make_call()
    application = _in_evaluation(call, member_a, company_a, staff_user)
    evaluator = make_evaluator()
    services.assign_evaluator(actor=staff_user, application=application, evaluator=evaluator)
    services.declare_conflict(actor=evaluator, company=company_a, reason="대표이사가 친족")
    assert Assignment.objects.filter(evaluator=evaluator).count() == 0


def test_score_out_of_range_or_unassigned_is_refused(member_a, company_a, staff_user):
    call = make_call()
    application = _in_evaluation(call, member_a, company_a, staff_user)
    evaluator, stranger = make_evaluator(), make_evaluator()
    assignment = services.assign_evaluator(actor=staff_user, application=application,
                                           evaluator=evaluator)
    criterion = call.criteria.first()
    with pytest.raises(DomainError, match=r"'기술성' 점수는 0점부터 10점 사이로 입력해 주세요 \(입력: 11\)"):
        services.save_scores(actor=evaluator, assignment=assignment, scores={criterion.pk: 11})
    with pytest.raises(DomainError, match="배정되지 않은 신청은 평가할 수 없습니다"):
        services.save_scores(actor=stranger, assignment=assignment, scores={criterion.pk: 5})
    assert Score.objects.count() == 0


def test_submitted_score_locks_and_total_is_weighted(member_a, company_a, staff_user):
    call = make_call()  # weights 40/35/25, max 10 each
    application = _in_evaluation(call, member_a, company_a, staff_user)
    evaluator = make_evaluator()
    assignment = services.assign_evaluator(actor=staff_user, application=application,
                                           evaluator=evaluator)
    score_all(assignment, [8, 6, 10], submit=False)
    assert Assignment.objects.get(pk=assignment.pk).submitted_at is None
    Score.objects.filter(assignment=assignment, criterion__name="수행역량").delete()
    with pytest.raises(DomainError, match=r"빠진 항목: 수행역량"):
        services.save_scores(actor=evaluator, assignment=assignment, scores={}, submit=True)
    assert Assignment.objects.get(pk=assignment.pk).submitted_at is None
    score_all(assignment, [8, 6, 10])
    assignment.refresh_from_db()
    assert assignment.total == Decimal("78.00")  # 0.8*40 + 0.6*35 + 1.0*25
    with pytest.raises(DomainError, match="제출한 평가는 고칠 수 없습니다"):
        score_all(assignment, [1, 1, 1])
    assert Assignment.objects.get(pk=assignment.pk).total == Decimal("78.00")


def test_final_score_trims_extremes_from_five_evaluators():
    # Chosen so that trimmed and plain means differ: the rule, not the numbers, decides.
    totals = [Decimal(x) for x in ("100", "90", "80", "20", "70")]
    assert final_score(totals, 5) == Decimal("80.00")  # (90+80+70)/3; plain mean would be 72
    assert final_score(totals[:4], 5) == Decimal("72.50")  # four of five needed: plain mean
    assert final_score(totals[:4], 4) == Decimal("85.00")  # (90+80)/2; plain mean 72.50
    assert final_score(totals, 0) == Decimal("72.00")  # 0 switches trimming off


def test_ranking_tie_breaks_and_selection_notifies(member_a, company_a, staff_user,
                                                   django_capture_on_commit_callbacks):
    call = make_call(selection_count=2)
    small = CompanyFactory(name="작은기업", employees=10)
    tied_member = MembershipFactory(company=small).user
    third = CompanyFactory(name="셋째기업", employees=5)
    third_member = MembershipFactory(company=third).user
    a = _in_evaluation(call, member_a, company_a, staff_user)  # 30 employees
    b = _in_evaluation(call, tied_member, small, staff_user)
    c = _in_evaluation(call, third_member, third, staff_user)
    evaluators = [make_evaluator() for _ in range(3)]
    scores = {a.pk: [10, 6, 8], b.pk: [10, 6, 8], c.pk: [5, 10, 10]}
    for application in (a, b, c):
        for evaluator in evaluators:
            assignment = services.assign_evaluator(actor=staff_user, application=application,
                                                   evaluator=evaluator)
            score_all(assignment, scores[application.pk])
    ranked = rank_call(call)
    # a and b tie on 81 and on the top criterion; b has fewer employees. c has 80.
    assert [(r.application_id, r.final_score) for r in ranked] == [
        (b.pk, Decimal("81.00")), (a.pk, Decimal("81.00")), (c.pk, Decimal("80.00"))]
    with pytest.raises(DomainError, match="접수가 마감된 뒤에"):
        services.select_applications(actor=staff_user, call=call)
    _close(call)
    with django_capture_on_commit_callbacks(execute=True):
        selected = services.select_applications(actor=staff_user, call=call)
    assert selected == [b.pk, a.pk]
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert statuses == {a.pk: "selected", b.pk: "selected", c.pk: "not_selected"}
    assert Application.objects.get(pk=c.pk).rank == 3
    assert set(Beneficiary.objects.values_list("company__name", flat=True)) == {"가나정밀", "작은기업"}
    assert len(mail.outbox) == 3
    assert any("[미선정]" in m.body and "셋째기업" in m.body for m in mail.outbox)
    with pytest.raises(DomainError, match="이미 선정을 확정한 공고"):
        services.select_applications(actor=staff_user, call=call)


def test_selection_refused_while_evaluation_unfinished(member_a, company_a, staff_user):
    call = make_call()
    application = _in_evaluation(call, member_a, company_a, staff_user)
    services.assign_evaluator(actor=staff_user, application=application,
                              evaluator=make_evaluator())
    _close(call)
    with pytest.raises(DomainError, match="아직 제출되지 않은 평가가 1건"):
        services.select_applications(actor=staff_user, call=call)
    assert Application.objects.get(pk=application.pk).status == "evaluation"
    with pytest.raises(DomainError, match="운영자만"):
        services.select_applications(actor=member_a, call=call)


def test_results_reach_every_applicant_and_member_without_a_query_per_application():
    """The call's results: one read of the members for all applications, not one each."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meisterhub.accounts.tests.factories import UserFactory
    from meisterhub.companies.tests.factories import CompanyFactory, MembershipFactory
    from meisterhub.notifications.models import Message

    from ..models import ApplicationStatus
    from ..notices import results
    from .factories import make_call, make_submitted

    call = make_call()
    applications = []
    for n in range(6):
        company = CompanyFactory(name=f"결과기업{n}")
        member = UserFactory(role="company_member", username=f"result_member{n}")
        MembershipFactory(user=member, company=company, position="admin")
        colleague = UserFactory(role="company_member", username=f"result_colleague{n}")
        MembershipFactory(user=colleague, company=company)
        application = make_submitted(call, member, company)
        application.status = ApplicationStatus.SELECTED if n < 2 else ApplicationStatus.NOT_SELECTED
        application.save(update_fields=["status"])
        applications.append(application)
    with CaptureQueriesContext(connection) as done:
        assert results(call) == 6
    member_reads = [q for q in done.captured_queries if 'FROM "companies_membership"' in q["sql"]]
    assert len(member_reads) == 1
    told = Message.objects.filter(channel="email", object_id__in=[str(a.pk) for a in applications])
    assert told.count() == 12  # the applicant and the colleague of each company
