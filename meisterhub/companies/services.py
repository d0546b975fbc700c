"""Every write to companies and memberships; each one leaves a History row."""

from django.db import IntegrityError, transaction

from meisterhub.core import history
from meisterhub.core.errors import DomainError

from .models import Company, Membership
from .permissions import can_manage_company
from .validators import normalize_brn

# Company.brn is unique in the database; CompanyForm shows this same text for it.
BRN_TAKEN = "이미 등록된 사업자등록번호입니다. 기존 기업에 소속 신청을 해 주세요."


def ensure_brn_free(brn: str, *, company: Company | None = None) -> None:
    """Refuse a 사업자등록번호 another company already has (company: the one being edited)."""
    taken = Company.objects.filter(brn=brn)
    if company is not None:
        taken = taken.exclude(pk=company.pk)
    if taken.exists():
        raise DomainError(BRN_TAKEN, field="brn")


@transaction.atomic
def register_company(*, actor, **data) -> Company:
    """A company member registers their company and becomes its first administrator."""
    data["brn"] = normalize_brn(data["brn"])
    ensure_brn_free(data["brn"])
    try:
        with transaction.atomic():
            company = Company.objects.create(**data)
    except IntegrityError:  # registered by someone else since the check above
        raise DomainError(BRN_TAKEN, field="brn") from None
    history.record(
        actor=actor,
        action="companies.company.created",
        instance=company,
        changes=history.diff({}, history.snapshot(company)),
    )
    if actor is not None and actor.is_company_member:
        Membership.objects.create(
            user=actor,
            company=company,
            position=Membership.Position.ADMIN,
            status=Membership.Status.ACTIVE,
        )
    return company


@transaction.atomic
def update_company(*, actor, company: Company, **changes) -> Company:
    if not can_manage_company(actor, company):
        raise DomainError("이 기업 정보를 수정할 권한이 없습니다.", code="forbidden")
    if "brn" in changes:
        changes["brn"] = normalize_brn(changes["brn"])
        ensure_brn_free(changes["brn"], company=company)
    # From the database: a bound ModelForm may already have changed the instance in memory.
    before = history.snapshot(Company.objects.get(pk=company.pk))
    for name, value in changes.items():
        setattr(company, name, value)
    company.save()
    history.record(
        actor=actor,
        action="companies.company.updated",
        instance=company,
        changes=history.diff(before, history.snapshot(company)),
    )
    return company


@transaction.atomic
def request_membership(*, actor, brn: str) -> Membership:
    """A company member asks to join an existing company; an administrator approves."""
    company = Company.objects.filter(brn=normalize_brn(brn)).first()
    if company is None:
        raise DomainError(
            "해당 사업자등록번호로 등록된 기업이 없습니다. 기업을 새로 등록해 주세요.", field="brn"
        )
    membership, created = Membership.objects.get_or_create(user=actor, company=company)
    if not created:
        raise DomainError("이미 소속되었거나 소속 신청 중인 기업입니다.", field="brn")
    history.record(actor=actor, action="companies.membership.requested", instance=membership)
    return membership


@transaction.atomic
def approve_membership(*, actor, membership: Membership) -> Membership:
    if not can_manage_company(actor, membership.company):
        raise DomainError("소속 신청을 승인할 권한이 없습니다.", code="forbidden")
    if membership.status == Membership.Status.ACTIVE:
        raise DomainError("이미 승인된 소속입니다.")
    membership.status = Membership.Status.ACTIVE
    membership.save(update_fields=["status"])
    history.record(actor=actor, action="companies.membership.approved", instance=membership)
    return membership
