"""The applicant's side of an application, and the staff's screening of it."""

import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone

from meisterhub.accounts.roles import require_staff
from meisterhub.companies.permissions import can_act_for
from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.core.filetypes import detect

from ..documents import check_document
from ..eligibility import check_eligibility
from ..models import (
    Application,
    ApplicationDocument,
    ApplicationStatus,
    Beneficiary,
    Call,
    CallStatus,
    RequiredDocument,
    SupplementRequest,
)
from ..notices import supplement_requested


class ApplicationRefused(DomainError):
    """A refusal with several reasons, every one of which is shown to the applicant."""

    def __init__(self, reasons: list[str]):
        super().__init__("\n".join(reasons), code="refused")
        self.reasons = reasons


def _require_applicant(actor, application: Application) -> None:
    if not can_act_for(actor, application.company):
        raise DomainError("이 기업의 신청을 처리할 권한이 없습니다.", code="forbidden")


def _deadline_error(call: Call, now) -> str | None:
    if not call.is_published:
        return "게시되지 않은 공고에는 신청할 수 없습니다."
    if call.opens_at is None or call.closes_at is None:
        return "접수 기간이 정해지지 않은 공고입니다."
    status = call.status_at(now)
    local = timezone.localtime
    if status == CallStatus.UPCOMING:
        return f"아직 접수 기간이 아닙니다 (접수 시작: {local(call.opens_at):%Y-%m-%d %H:%M})."
    if status == CallStatus.CLOSED:
        return f"접수가 마감되었습니다 (마감: {local(call.closes_at):%Y-%m-%d %H:%M})."
    return None


def closed_draft_error(application: Application, now=None) -> str | None:
    """A draft cannot change once its call has closed (at closes_at, or early by staff)."""
    call = application.call
    if application.status != ApplicationStatus.DRAFT:
        return None
    if call.status_at(now or timezone.now()) != CallStatus.CLOSED:
        return None
    return (f"접수가 마감되어 신청서를 고칠 수 없습니다 "
            f"(마감: {timezone.localtime(call.closes_at):%Y-%m-%d %H:%M}).")


def selected_years_in_program(call: Call, company) -> list[int]:
    return list(Beneficiary.objects.filter(
        company=company, program__name=call.program.name, program__area=call.program.area,
    ).exclude(program=call.program).values_list("year", flat=True))


@transaction.atomic
def start_application(*, actor, call: Call, company, now=None) -> Application:
    if not can_act_for(actor, company):
        raise DomainError("소속된 기업으로만 신청할 수 있습니다.", code="forbidden")
    error = _deadline_error(call, now or timezone.now())
    if error:
        raise DomainError(error)
    try:
        with transaction.atomic():
            application = Application.objects.create(call=call, company=company, applicant=actor)
    except IntegrityError:
        raise DomainError(f"{company.name}은(는) 이미 이 공고에 신청했습니다.") from None
    history.record(actor=actor, action="programs.application.created", instance=application)
    return application


@transaction.atomic
def save_draft(*, actor, application: Application, plan_summary: str,
               requested_amount: int, now=None) -> Application:
    _require_applicant(actor, application)
    if application.status != ApplicationStatus.DRAFT:
        raise DomainError("작성 중인 신청만 고칠 수 있습니다.")
    closed = closed_draft_error(application, now)
    if closed:
        raise DomainError(closed, code="closed")
    if requested_amount is None or requested_amount < 0:
        raise DomainError("신청 금액은 0원 이상으로 입력해 주세요.", field="requested_amount")
    if application.call.budget and requested_amount > application.call.budget:
        raise DomainError(f"신청 금액은 사업 예산({application.call.budget:,}원)을 넘을 수 없습니다.",
                          field="requested_amount")
    before = history.snapshot(application, ["plan_summary", "requested_amount"])
    application.plan_summary = plan_summary.strip()
    application.requested_amount = requested_amount
    application.save(update_fields=["plan_summary", "requested_amount", "updated_at"])
    history.record(actor=actor, action="programs.application.saved", instance=application,
                   changes=history.diff(before, history.snapshot(
                       application, ["plan_summary", "requested_amount"])))
    return application


def open_supplement(application: Application) -> SupplementRequest | None:
    return application.supplement_requests.filter(resolved_at__isnull=True).first()


def reopened_document_ids(application: Application) -> set[int]:
    """Which required documents the applicant may upload now."""
    if application.status == ApplicationStatus.DRAFT:
        return set(application.call.required_documents.values_list("pk", flat=True))
    if application.status == ApplicationStatus.SUPPLEMENT:
        request = open_supplement(application)
        return set(request.documents.values_list("pk", flat=True)) if request else set()
    return set()


@transaction.atomic
def upload_document(*, actor, application: Application, required_document: RequiredDocument,
                    upload, now=None) -> ApplicationDocument:
    _require_applicant(actor, application)
    if required_document.call_id != application.call_id:
        raise DomainError("이 공고의 제출 서류가 아닙니다.")
    closed = closed_draft_error(application, now)
    if closed:
        raise DomainError(closed, code="closed")
    if required_document.pk not in reopened_document_ids(application):
        raise DomainError(f"'{required_document.name}'은(는) 지금 올릴 수 없습니다. "
                          "작성 중이거나 보완 요청을 받은 서류만 올릴 수 있습니다.")
    kind = check_document(upload, required_document.accepted_kinds)
    document = ApplicationDocument.objects.filter(
        application=application, required_document=required_document).first()
    old_file = document.file.name if document else None
    if document is None:
        document = ApplicationDocument(application=application, required_document=required_document)
    document.original_name = (upload.name or "")[-200:]
    document.kind = kind
    document.size = upload.size
    # The stored name is random and its extension that of the detected content, never the
    # person's file name (kept in original_name).
    document.file.save(f"{uuid.uuid4().hex}.{detect(upload).extension}", upload, save=False)
    document.save()
    if old_file:
        storage = document.file.storage
        transaction.on_commit(lambda: storage.delete(old_file))
    history.record(actor=actor, action="programs.application.document_uploaded",
                   instance=application,
                   changes={"document": [required_document.name, document.original_name]})
    return document


def _missing_documents(application: Application) -> list[str]:
    uploaded = set(application.documents.values_list("required_document_id", flat=True))
    return [f"필수 서류 '{doc.name}'을(를) 올려 주세요."
            for doc in application.call.required_documents.all()
            if doc.is_required and doc.pk not in uploaded]


@transaction.atomic
def submit_application(*, actor, application: Application, now=None) -> Application:
    """Submit a draft: the server checks the deadline, the documents and every eligibility rule."""
    _require_applicant(actor, application)
    Application.objects.select_for_update().filter(pk=application.pk).exists()
    application.refresh_from_db()
    if application.status != ApplicationStatus.DRAFT:
        raise DomainError("작성 중인 신청만 제출할 수 있습니다.")
    now = now or timezone.now()
    error = _deadline_error(application.call, now)
    if error:
        raise ApplicationRefused([error])
    reasons = []
    if not application.plan_summary:
        reasons.append("사업계획 요약을 입력해 주세요.")
    reasons += _missing_documents(application)
    company, call = application.company, application.call
    reasons += [failed.reason for failed in check_eligibility(
        call, company, today=timezone.localdate(now),
        selected_years=selected_years_in_program(call, company))]
    if reasons:
        raise ApplicationRefused(reasons)
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = now
    application.save(update_fields=["status", "submitted_at", "updated_at"])
    history.record(actor=actor, action="programs.application.submitted", instance=application,
                   changes={"status": ["draft", "submitted"]})
    return application


@transaction.atomic
def resubmit_application(*, actor, application: Application, now=None) -> Application:
    """Send the supplemented documents back; every requested document must be new."""
    _require_applicant(actor, application)
    if application.status != ApplicationStatus.SUPPLEMENT:
        raise DomainError("보완 요청을 받은 신청만 다시 제출할 수 있습니다.")
    request = open_supplement(application)
    fresh = set(application.documents.filter(uploaded_at__gt=request.created_at)
                .values_list("required_document_id", flat=True))
    missing = [f"보완 서류 '{doc.name}'을(를) 새로 올려 주세요."
               for doc in request.documents.all() if doc.pk not in fresh]
    if missing:
        raise ApplicationRefused(missing)
    request.resolved_at = now or timezone.now()
    request.save(update_fields=["resolved_at"])
    application.status = ApplicationStatus.SUBMITTED
    application.save(update_fields=["status", "updated_at"])
    history.record(actor=actor, action="programs.application.resubmitted", instance=application,
                   changes={"status": ["supplement", "submitted"]})
    return application


@transaction.atomic
def withdraw_application(*, actor, application: Application, now=None) -> Application:
    _require_applicant(actor, application)
    if not application.is_withdrawable:
        raise DomainError(f"'{application.get_status_display()}' 상태의 신청은 취소할 수 없습니다.")
    before = application.status
    application.status = ApplicationStatus.WITHDRAWN
    application.withdrawn_at = now or timezone.now()
    application.save(update_fields=["status", "withdrawn_at", "updated_at"])
    application.assignments.filter(submitted_at__isnull=True).delete()
    history.record(actor=actor, action="programs.application.withdrawn", instance=application,
                   changes={"status": [before, "withdrawn"]})
    return application


@transaction.atomic
def pass_screening(*, actor, application: Application) -> Application:
    require_staff(actor)
    if application.status != ApplicationStatus.SUBMITTED:
        raise DomainError("서류검토 중인 신청만 평가로 넘길 수 있습니다.")
    application.status = ApplicationStatus.EVALUATION
    application.save(update_fields=["status", "updated_at"])
    history.record(actor=actor, action="programs.application.screened", instance=application,
                   changes={"status": ["submitted", "evaluation"]})
    return application


@transaction.atomic
def request_supplement(*, actor, application: Application, documents, message: str
                       ) -> SupplementRequest:
    require_staff(actor)
    if application.status != ApplicationStatus.SUBMITTED:
        raise DomainError("서류검토 중인 신청에만 보완을 요청할 수 있습니다.")
    documents = list(documents)
    if not documents:
        raise DomainError("보완할 서류를 하나 이상 고르세요.", field="documents")
    if any(doc.call_id != application.call_id for doc in documents):
        raise DomainError("이 공고의 제출 서류만 보완 요청할 수 있습니다.", field="documents")
    if not message.strip():
        raise DomainError("보완 요청 내용을 입력해 주세요.", field="message")
    request = SupplementRequest.objects.create(application=application, message=message.strip(),
                                               requested_by=actor)
    request.documents.set(documents)
    application.status = ApplicationStatus.SUPPLEMENT
    application.save(update_fields=["status", "updated_at"])
    history.record(actor=actor, action="programs.application.supplement_requested",
                   instance=application,
                   changes={"status": ["submitted", "supplement"],
                            "documents": [d.name for d in documents]})
    supplement_requested(request)
    return request
