"""Staff services for programs and calls: rules, publication, early close, copy, locking."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from meisterhub.companies.tests.factories import CompanyFactory
from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import readable_history_of
from meisterhub.core.locking import StaleEdit
from meisterhub.core.models import History
from meisterhub.programs import selectors, services
from meisterhub.programs.eligibility import check_eligibility
from meisterhub.programs.models import Call, Criterion, Program, RequiredDocument

from .factories import make_call, make_evaluator, make_submitted

pytestmark = pytest.mark.django_db


def _draft(staff, **values):
    now = timezone.now()
    program = values.pop("program", None) or Program.objects.create(
        area="export", name="수출 바우처", year=timezone.localdate().year)
    return services.create_call(actor=staff, program=program, title="수출 바우처 1차",
                                opens_at=now + timedelta(days=1),
                                closes_at=now + timedelta(days=30), **values)


def test_create_program_and_call_start_as_draft_invisible_to_the_public(staff_user):
    program = services.create_program(actor=staff_user, area="hydrogen", name=" 수소 실증 ",
                                      year=2026)
    assert program.name == "수소 실증"
    call = _draft(staff_user, program=program)
    assert (call.is_published, call.stage, call.version) == (False, "draft", 1)
    assert call not in selectors.list_calls()
    with pytest.raises(Call.DoesNotExist):
        selectors.get_call(call.pk)
    assert History.objects.filter(action="programs.call.created", object_id=str(call.pk)).exists()


def test_non_staff_cannot_create_or_change(member_a, staff_user):
    with pytest.raises(DomainError) as refused:
        services.create_program(actor=member_a, area="export", name="x", year=2026)
    assert refused.value.code == "forbidden"
    call = _draft(staff_user)
    with pytest.raises(DomainError):
        services.update_call(actor=member_a, call=call, title="바꿈")
    assert Call.objects.get(pk=call.pk).title == "수출 바우처 1차"
    assert Program.objects.count() == 1


def test_deadline_before_opening_is_refused_beside_the_deadline(staff_user):
    now = timezone.now()
    program = Program.objects.create(area="export", name="수출", year=2026)
    with pytest.raises(DomainError) as refused:
        services.create_call(actor=staff_user, program=program, title="공고",
                             opens_at=now, closes_at=now - timedelta(hours=1))
    assert (refused.value.field, refused.value.message) == (
        "closes_at", "접수 마감은 접수 시작보다 뒤여야 합니다.")
    assert not Call.objects.exists()


@pytest.mark.parametrize(("values", "field"), [
    ({"title": "  "}, "title"),
    ({"selection_count": 0}, "selection_count"),
    ({"budget": -1}, "budget"),
    ({"allowed_size_classes": ["huge"]}, "allowed_size_classes"),
    ({"allowed_ksic_prefixes": ["C25"]}, "allowed_ksic_prefixes"),
    ({"min_employees": 50, "max_employees": 10}, "max_employees"),
    ({"min_years_since_founding": 8, "max_years_since_founding": 3}, "max_years_since_founding"),
])
def test_bad_values_are_refused_beside_their_field_and_nothing_changes(staff_user, values, field):
    call = _draft(staff_user)
    with pytest.raises(DomainError) as refused:
        services.update_call(actor=staff_user, call=call, version=1, **values)
    assert refused.value.field == field
    call.refresh_from_db()
    assert (call.title, call.version) == ("수출 바우처 1차", 1)


def test_a_stale_save_is_refused_with_what_changed(staff_user):
    call = _draft(staff_user)
    services.update_call(actor=staff_user, call=call, version=1, title="수출 바우처 2차",
                         budget=300_000_000)
    with pytest.raises(StaleEdit) as stale:
        services.update_call(actor=staff_user, call=call, version=1, title="다른 제목")
    assert stale.value.code == "conflict"
    assert "공고명(수출 바우처 1차 → 수출 바우처 2차)" in stale.value.message
    assert "사업 예산(원)(0 → 300000000)" in stale.value.message
    call.refresh_from_db()
    assert (call.title, call.version) == ("수출 바우처 2차", 2)


def test_history_reads_in_korean(staff_user):
    call = _draft(staff_user)
    services.update_call(actor=staff_user, call=call, version=1, allowed_size_classes=["sme"])
    texts = [h["text"] for h in readable_history_of(call)]
    assert texts[0] == "공고 정보 수정: 신청 가능 기업 규모((없음) → 중소기업)"
    assert texts[-1] == "공고 등록"


def test_publish_needs_dates_and_a_future_deadline(staff_user):
    call = services.copy_call(actor=staff_user, call=_draft(staff_user))
    with pytest.raises(DomainError) as refused:
        services.publish_call(actor=staff_user, call=call)
    assert refused.value.field == "opens_at"
    now = timezone.now()
    services.update_call(actor=staff_user, call=call, opens_at=now - timedelta(days=3),
                         closes_at=now - timedelta(days=1))
    with pytest.raises(DomainError, match="접수 마감이 이미 지났습니다"):
        services.publish_call(actor=staff_user, call=call)
    services.update_call(actor=staff_user, call=call, closes_at=now + timedelta(days=5))
    published = services.publish_call(actor=staff_user, call=call)
    assert published.is_published and published.is_open
    assert published in selectors.list_calls()
    with pytest.raises(DomainError, match="이미 게시한 공고입니다"):
        services.publish_call(actor=staff_user, call=call)


def test_close_now_ends_applying_before_the_deadline(staff_user, member_a, company_a):
    call = make_call()
    services.close_call(actor=staff_user, call=call)
    call.refresh_from_db()
    assert call.closed_early_at is not None and call.closes_at <= timezone.now()
    assert (call.stage, call.stage_label) == ("closed_early", "조기 마감")
    with pytest.raises(DomainError, match="접수가 마감되었습니다"):
        services.start_application(actor=member_a, call=call, company=company_a)
    with pytest.raises(DomainError, match="접수 중인 공고만"):
        services.close_call(actor=staff_user, call=call)
    assert "공고 조기 마감" in readable_history_of(call)[0]["text"]


def test_a_draft_cannot_be_applied_to(staff_user, member_a, company_a):
    call = _draft(staff_user)
    Call.objects.filter(pk=call.pk).update(opens_at=timezone.now() - timedelta(days=1))
    call.refresh_from_db()
    with pytest.raises(DomainError, match="게시되지 않은 공고"):
        services.start_application(actor=member_a, call=call, company=company_a)


def test_copy_keeps_rules_documents_criteria_and_pool_and_leaves_dates(staff_user):
    call = make_call(allowed_size_classes=["sme"], allowed_ksic_prefixes=["25"], min_employees=5)
    evaluator = make_evaluator()
    services.add_pool_evaluator(actor=staff_user, call=call, evaluator=evaluator)
    copy = services.copy_call(actor=staff_user, call=call)
    assert copy.title == f"{call.title} (사본)"
    assert (copy.opens_at, copy.closes_at, copy.published_at) == (None, None, None)
    assert (copy.allowed_size_classes, copy.allowed_ksic_prefixes, copy.min_employees) == (
        ["sme"], ["25"], 5)
    assert list(copy.required_documents.values_list("name", "is_required")) == list(
        call.required_documents.values_list("name", "is_required"))
    assert list(copy.criteria.values_list("name", "weight")) == [
        ("기술성", 40), ("사업성", 35), ("수행역량", 25)]
    assert list(copy.evaluators.all()) == [evaluator]
    assert readable_history_of(copy)[0]["text"].startswith("공고 복사: 공고명(")


def test_criteria_weights_must_add_up_to_100(staff_user):
    call = make_call()
    with pytest.raises(DomainError) as refused:
        services.save_criteria(actor=staff_user, call=call, rows=[
            {"name": "기술성", "weight": 50}, {"name": "사업성", "weight": 40}])
    assert refused.value.field == "criteria"
    assert refused.value.message == "평가 항목 가중치의 합이 100이어야 합니다 (지금 합계: 90)."
    assert list(call.criteria.values_list("weight", flat=True)) == [40, 35, 25]
    services.save_criteria(actor=staff_user, call=call, rows=[
        {"name": "기술성", "weight": 60, "max_score": 5}, {"name": "사업성", "weight": 40}])
    assert list(call.criteria.values_list("name", "weight", "max_score")) == [
        ("기술성", 60, 5), ("사업성", 40, 10)]
    assert "평가 항목(기술성 40%, 사업성 35%, 수행역량 25% → 기술성 60%, 사업성 40%)" in (
        readable_history_of(call)[0]["text"])


def test_criteria_are_locked_once_scoring_began(staff_user, member_a, company_a):
    from .factories import score_all

    call = make_call()
    application = make_submitted(call, member_a, company_a)
    services.pass_screening(actor=staff_user, application=application)
    assignment = services.assign_evaluator(actor=staff_user, application=application,
                                           evaluator=make_evaluator())
    score_all(assignment, ["8", "8", "8"], submit=False)
    with pytest.raises(DomainError, match="채점을 시작한"):
        services.save_criteria(actor=staff_user, call=call, rows=[{"name": "a", "weight": 100}])
    assert Criterion.objects.filter(call=call).count() == 3


def test_documents_add_and_remove(staff_user, member_a, company_a):
    call = make_call()
    document = services.add_required_document(actor=staff_user, call=call, name="수출 실적 증명",
                                              accepted_kinds=["pdf"], is_required=False)
    assert document.order == 4
    with pytest.raises(DomainError) as refused:
        services.add_required_document(actor=staff_user, call=call, name="x", accepted_kinds=[])
    assert refused.value.field == "accepted_kinds"
    services.remove_required_document(actor=staff_user, document=document)
    assert not RequiredDocument.objects.filter(pk=document.pk).exists()
    make_submitted(call, member_a, company_a)
    plan = call.required_documents.get(name="사업계획서")
    with pytest.raises(DomainError, match="이미 파일을 올린"):
        services.remove_required_document(actor=staff_user, document=plan)
    texts = [h["text"] for h in readable_history_of(call)]
    assert texts[:2] == ["제출 서류 삭제: 제출 서류(수출 실적 증명)",
                         "제출 서류 추가: 제출 서류(수출 실적 증명 (PDF))"]


def test_pool_limits_who_may_be_assigned(staff_user, member_a, company_a):
    call = make_call()
    inside, outside = make_evaluator(), make_evaluator()
    services.add_pool_evaluator(actor=staff_user, call=call, evaluator=inside)
    with pytest.raises(DomainError, match="이미 풀에 있습니다"):
        services.add_pool_evaluator(actor=staff_user, call=call, evaluator=inside)
    with pytest.raises(DomainError, match="평가위원이 아닙니다"):
        services.add_pool_evaluator(actor=staff_user, call=call, evaluator=member_a)
    application = make_submitted(call, member_a, company_a)
    services.pass_screening(actor=staff_user, application=application)
    with pytest.raises(DomainError, match="평가위원 풀에 없습니다"):
        services.assign_evaluator(actor=staff_user, application=application, evaluator=outside)
    services.assign_evaluator(actor=staff_user, application=application, evaluator=inside)
    with pytest.raises(DomainError, match="배정되어 있어"):
        services.remove_pool_evaluator(actor=staff_user, call=call, evaluator=inside)
    assert "평가위원 풀" in readable_history_of(call)[0]["text"]


def test_new_eligibility_rules(staff_user):
    call = make_call(allowed_org_types=["startup"], min_employees=10, max_employees=50,
                     min_years_since_founding=3)
    today = date(2026, 6, 1)
    fine = CompanyFactory(org_type="startup", employees=20, founded_on=date(2020, 1, 1))
    assert check_eligibility(call, fine, today=today, selected_years=[]) == []
    wrong = CompanyFactory(org_type="sme", employees=80, founded_on=date(2025, 1, 1))
    reasons = {f.rule: f.reason for f in check_eligibility(call, wrong, today=today,
                                                           selected_years=[])}
    assert reasons == {
        "org_type": "스타트업만 신청할 수 있습니다 (귀사: 중소기업)",
        "employees": "상시 근로자 10명 이상 50명 이하인 기업만 신청할 수 있습니다 (귀사: 80명)",
        "founding": "설립 3년 이상 기업만 신청할 수 있습니다 (귀사: 설립 1년)",
    }
    assert "기업 유형: 스타트업" in call.rules_display
    assert "상시 근로자 10명 이상" in call.rules_display
