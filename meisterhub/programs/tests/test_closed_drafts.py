"""After the deadline (or an early close) a draft is frozen: the services refuse, the page says so."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meisterhub.core.errors import DomainError
from meisterhub.programs import services
from meisterhub.programs.models import Application, ApplicationDocument, Call

from .factories import make_call, make_draft, make_submitted, pdf

pytestmark = pytest.mark.django_db


def _past_deadline(call):
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - timedelta(minutes=1))


def test_saving_a_draft_after_the_deadline_is_refused(member_a, company_a):
    call = make_call()
    application = services.start_application(actor=member_a, call=call, company=company_a)
    _past_deadline(call)
    application = Application.objects.select_related("call").get(pk=application.pk)
    with pytest.raises(DomainError) as refused:
        services.save_draft(actor=member_a, application=application, plan_summary="늦은 계획",
                            requested_amount=1_000)
    assert refused.value.message.startswith("접수가 마감되어 신청서를 고칠 수 없습니다 (마감: ")
    application.refresh_from_db()
    assert (application.plan_summary, application.requested_amount) == ("", 0)


def test_saving_with_an_explicit_time_after_closes_at_is_refused(member_a, company_a):
    call = make_call()
    application = services.start_application(actor=member_a, call=call, company=company_a)
    later = call.closes_at + timedelta(seconds=1)
    with pytest.raises(DomainError, match="접수가 마감되어"):
        services.save_draft(actor=member_a, application=application, plan_summary="x",
                            requested_amount=0, now=later)
    with pytest.raises(DomainError, match="접수가 마감되어"):
        services.upload_document(actor=member_a, application=application,
                                 required_document=call.required_documents.first(),
                                 upload=pdf(), now=later)


def test_uploading_after_an_early_close_is_refused(member_a, company_a, staff_user):
    call = make_call()
    application = services.start_application(actor=member_a, call=call, company=company_a)
    services.close_call(actor=staff_user, call=call)
    application = Application.objects.select_related("call").get(pk=application.pk)
    plan = call.required_documents.get(name="사업계획서")
    with pytest.raises(DomainError, match="접수가 마감되어"):
        services.upload_document(actor=member_a, application=application,
                                 required_document=plan, upload=pdf())
    assert not ApplicationDocument.objects.exists()


def test_supplement_uploads_stay_open_after_the_deadline(member_a, company_a, staff_user):
    call = make_call()
    application = make_submitted(call, member_a, company_a)
    plan = call.required_documents.get(name="사업계획서")
    services.request_supplement(actor=staff_user, application=application, documents=[plan],
                                message="서명본을 올려 주세요.")
    _past_deadline(call)
    application = Application.objects.select_related("call").get(pk=application.pk)
    services.upload_document(actor=member_a, application=application, required_document=plan,
                             upload=pdf("signed.pdf"))
    assert application.documents.get(required_document=plan).original_name == "signed.pdf"


def test_edit_page_of_a_closed_draft_says_so_and_has_no_form(client, member_a, company_a):
    call = make_call()
    application = make_draft(call, member_a, company_a)
    _past_deadline(call)
    client.force_login(member_a)
    url = reverse("programs:application_edit", args=[application.pk])
    text = client.get(url).content.decode()
    assert "접수가 마감된 공고입니다." in text
    assert 'name="save"' not in text and 'name="upload"' not in text
    assert "신청서 제출" not in text
    client.post(url, {"save": "1", "plan_summary": "늦은 수정", "requested_amount": "1"})
    application.refresh_from_db()
    assert application.plan_summary == "스마트 용접 라인 구축"
