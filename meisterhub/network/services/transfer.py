"""Technology transfer: institutes offer technologies, companies ask, staff move the pipeline."""

from django.db import IntegrityError, transaction

from meisterhub.accounts.roles import is_staff, require_staff
from meisterhub.companies.models import Company
from meisterhub.companies.selectors import acting_company_ids
from meisterhub.core.errors import DomainError
from meisterhub.core.history import record, snapshot
from meisterhub.meisters.models import Field

from ..models import Institution, Technology, TransferRequest
from .common import required_text

OFFERING_KINDS = (
    Institution.Kind.RESEARCH_INSTITUTE, Institution.Kind.UNIVERSITY,
    Institution.Kind.SUPPORT_AGENCY,
)


@transaction.atomic
def publish_technology(*, actor, title: str, field: Field, trl: int, owner: Institution,
                       summary: str) -> Technology:
    require_staff(actor)
    title = required_text(title, "기술명을 입력해 주세요.", field="title")
    summary = required_text(summary, "기술 요약을 입력해 주세요.", field="summary")
    if not isinstance(trl, int) or not 1 <= trl <= 9:
        raise DomainError("기술성숙도(TRL)는 1부터 9 사이의 정수입니다.", field="trl")
    if owner.kind not in OFFERING_KINDS:
        raise DomainError(
            f"{owner.name}은(는) 연구기관·대학·지원기관이 아니어서 기술을 등록할 수 없습니다.",
            field="owner")
    technology = Technology.objects.create(title=title, field=field, trl=trl, owner=owner,
                                           summary=summary)
    record(actor=actor, action="network.technology.published", instance=technology,
           changes=snapshot(technology, ["title", "field", "trl", "owner"]))
    return technology


@transaction.atomic
def request_transfer(*, actor, company: Company, technology: Technology,
                     message: str = "") -> TransferRequest:
    operator = is_staff(actor)
    if not operator and company.pk not in acting_company_ids(actor):
        raise DomainError("소속된 기업으로만 기술이전을 요청할 수 있습니다.", code="forbidden")
    if not technology.is_published:
        raise DomainError("공개되지 않은 기술입니다.")
    open_request = TransferRequest.objects.filter(company=company, technology=technology).exclude(
        status=TransferRequest.Status.DROPPED)
    if open_request.exists():
        raise DomainError("이미 이 기술에 대한 요청이 진행 중입니다.", code="conflict")
    try:
        with transaction.atomic():
            transfer = TransferRequest.objects.create(
                company=company, technology=technology, message=(message or "").strip(),
                requested_by=actor)
    except IntegrityError:
        raise DomainError("이미 이 기술에 대한 요청이 진행 중입니다.", code="conflict") from None
    record(actor=actor, action="network.transfer.requested", instance=transfer,
           changes={"company": company.name, "technology": technology.title,
                    "status": transfer.status})
    return transfer


@transaction.atomic
def move_transfer(*, actor, transfer: TransferRequest, status: str) -> TransferRequest:
    """One step forward through the pipeline, or dropped from any open step."""
    require_staff(actor)
    transfer = TransferRequest.objects.select_for_update().get(pk=transfer.pk)
    if transfer.status in TransferRequest.FINAL:
        raise DomainError(f"이미 '{transfer.get_status_display()}' 처리된 요청입니다.")
    allowed = {transfer.next_status, TransferRequest.Status.DROPPED}
    if status not in allowed:
        label = TransferRequest.Status(transfer.next_status).label
        raise DomainError(f"다음 단계는 '{label}'입니다. 단계를 건너뛸 수 없습니다.",
                          field="status")
    before = transfer.status
    transfer.status = status
    transfer.save(update_fields=["status", "updated_at"])
    record(actor=actor, action="network.transfer.moved", instance=transfer,
           changes={"status": [before, status]})
    return transfer
