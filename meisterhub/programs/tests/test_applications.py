from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from meisterhub.core.errors import DomainError
from meisterhub.core.models import History
from meisterhub.programs import services
from meisterhub.programs.models import Application, ApplicationDocument, Beneficiary, Program
from meisterhub.programs.services.applications import ApplicationRefused

from .factories import make_call, make_draft, pdf, xlsx

pytestmark = pytest.mark.django_db


def test_submit_happy_path_records_history(member_a, company_a):
    call = make_call()
    application = make_draft(call, member_a, company_a)
    services.submit_application(actor=member_a, application=application)
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.submitted_at is not None
    assert application.step_index == 2
    actions = list(History.objects.filter(object_id=str(application.pk))
                   .values_list("action", flat=True))
    assert "programs.application.submitted" in actions


def test_late_submission_is_refused_and_changes_nothing(member_a, company_a):
    call = make_call()
    application = make_draft(call, member_a, company_a)
    late = call.closes_at + timedelta(seconds=1)
    with pytest.raises(ApplicationRefused) as refused:
        services.submit_application(actor=member_a, application=application, now=late)
    assert refused.value.reasons[0].startswith("접수가 마감되었습니다")
    application.refresh_from_db()
    assert application.status == "draft"
    assert application.submitted_at is None


def test_missing_documents_and_every_failed_rule_are_listed(member_a, company_a):
    company_a.founded_on = date(2010, 1, 1)
    company_a.size_class = "midsize"
    company_a.save()
    call = make_call(allowed_size_classes=["micro", "sme"], allowed_ksic_prefixes=["30"],
                     allowed_districts=["uichang"], max_years_since_founding=7)
    application = services.start_application(actor=member_a, call=call, company=company_a)
    services.save_draft(actor=member_a, application=application, plan_summary="계획",
                        requested_amount=1)
    with pytest.raises(ApplicationRefused) as refused:
        services.submit_application(actor=member_a, application=application)
    age = timezone.localdate().year - 2010 - (timezone.localdate() < date(
        timezone.localdate().year, 1, 1))
    assert refused.value.reasons == [
        "필수 서류 '사업계획서'을(를) 올려 주세요.",
        "필수 서류 '재무제표'을(를) 올려 주세요.",
        "소상공인, 중소기업만 신청할 수 있습니다 (귀사: 중견기업)",
        "업종(KSIC) 30로 시작하는 기업만 신청할 수 있습니다 (귀사: 29)",
        "소재지가 창원시 의창구인 기업만 신청할 수 있습니다 (귀사: 창원시 성산구)",
        f"설립 7년 이내 기업만 신청할 수 있습니다 (귀사: 설립 {age}년)",
    ]
    assert Application.objects.get(pk=application.pk).status == "draft"


def test_earlier_selection_in_same_program_blocks(member_a, company_a):
    year = timezone.localdate().year
    call = make_call(program_name="수출 바우처", year=year, exclude_selected_within_years=2)
    earlier = Program.objects.create(area=call.program.area, name="수출 바우처", year=year - 1)
    Beneficiary.objects.create(program=earlier, company=company_a, year=year - 1)
    application = make_draft(call, member_a, company_a)
    with pytest.raises(ApplicationRefused) as refused:
        services.submit_application(actor=member_a, application=application)
    assert refused.value.reasons == [
        f"최근 2년 안에 이 사업에 선정된 기업은 신청할 수 없습니다 (귀사: {year - 1}년 선정)"]


def test_file_whose_content_does_not_match_name_is_refused(member_a, company_a):
    call = make_call()
    application = services.start_application(actor=member_a, call=call, company=company_a)
    plan = call.required_documents.get(name="사업계획서")
    fake = pdf("plan.hwp")  # a PDF renamed to .hwp
    with pytest.raises(DomainError, match=r"파일 내용이 확장자\(.hwp\)와 맞지 않습니다"):
        services.upload_document(actor=member_a, application=application,
                                 required_document=plan, upload=fake)
    assert ApplicationDocument.objects.count() == 0


def test_other_company_cannot_touch_application(member_a, company_a, member_b):
    call = make_call()
    application = make_draft(call, member_a, company_a)
    with pytest.raises(DomainError, match="권한이 없습니다"):
        services.submit_application(actor=member_b, application=application)
    with pytest.raises(DomainError, match="소속된 기업으로만"):
        services.start_application(actor=member_b, call=call, company=company_a)


def test_one_live_application_per_company_and_withdraw(member_a, company_a):
    call = make_call()
    application = make_draft(call, member_a, company_a)
    with pytest.raises(DomainError, match="이미 이 공고에 신청했습니다"):
        services.start_application(actor=member_a, call=call, company=company_a)
    services.withdraw_application(actor=member_a, application=application)
    assert Application.objects.get(pk=application.pk).status == "withdrawn"
    again = services.start_application(actor=member_a, call=call, company=company_a)
    assert again.status == "draft"


def test_supplement_reopens_only_named_documents(member_a, company_a, staff_user,
                                                 django_capture_on_commit_callbacks):
    call = make_call()
    application = make_draft(call, member_a, company_a)
    services.submit_application(actor=member_a, application=application)
    plan = call.required_documents.get(name="사업계획서")
    finance = call.required_documents.get(name="재무제표")
    with django_capture_on_commit_callbacks(execute=True):
        services.request_supplement(actor=staff_user, application=application,
                                    documents=[finance], message="최근 3년 재무제표를 올려 주세요.")
    application.refresh_from_db()
    assert application.status == "supplement"
    assert len(mail.outbox) == 1
    assert "재무제표" in mail.outbox[0].body
    with pytest.raises(DomainError, match="'사업계획서'은\\(는\\) 지금 올릴 수 없습니다"):
        services.upload_document(actor=member_a, application=application,
                                 required_document=plan, upload=pdf())
    with pytest.raises(ApplicationRefused, match="보완 서류 '재무제표'"):
        services.resubmit_application(actor=member_a, application=application)
    services.upload_document(actor=member_a, application=application,
                             required_document=finance, upload=xlsx("finance-3y.xlsx"))
    services.resubmit_application(actor=member_a, application=application)
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.documents.get(required_document=finance).original_name == "finance-3y.xlsx"
