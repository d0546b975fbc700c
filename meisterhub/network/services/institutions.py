"""Institutions, their contacts, councils and who sits on them."""

from django.db import transaction

from meisterhub.accounts.models import Role
from meisterhub.accounts.roles import require_staff
from meisterhub.core.errors import DomainError
from meisterhub.core.history import record, snapshot

from ..models import Council, CouncilMembership, CouncilSeat, Institution, InstitutionContact
from .common import clean_email, clean_phone, required_text


@transaction.atomic
def create_institution(*, actor, name: str, kind: str, address: str = "", phone: str = "",
                       website: str = "") -> Institution:
    require_staff(actor)
    name = required_text(name, "기관명을 입력해 주세요.", field="name")
    if kind not in Institution.Kind.values:
        raise DomainError("기관 유형을 선택해 주세요.", field="kind")
    if Institution.objects.filter(name=name).exists():
        raise DomainError(f"이미 등록된 기관입니다: {name}", field="name")
    institution = Institution.objects.create(
        name=name, kind=kind, address=address, phone=clean_phone(phone), website=website
    )
    record(actor=actor, action="network.institution.created", instance=institution,
           changes=snapshot(institution, ["name", "kind"]))
    return institution


@transaction.atomic
def add_contact(*, actor, institution: Institution, name: str, position: str = "",
                phone: str = "", email: str = "") -> InstitutionContact:
    require_staff(actor)
    contact = InstitutionContact.objects.create(
        institution=institution,
        name=required_text(name, "담당자 성명을 입력해 주세요.", field="name"),
        position=position.strip(), phone=clean_phone(phone), email=clean_email(email),
    )
    record(actor=actor, action="network.contact.created", instance=contact,
           changes={"institution": institution.name, "name": contact.name})
    return contact


@transaction.atomic
def create_council(*, actor, name: str, description: str = "", founded_on=None) -> Council:
    require_staff(actor)
    council = Council.objects.create(
        name=required_text(name, "협의회명을 입력해 주세요.", field="name"),
        description=description, founded_on=founded_on,
    )
    record(actor=actor, action="network.council.created", instance=council,
           changes={"name": council.name})
    return council


@transaction.atomic
def add_council_member(*, actor, council: Council, institution: Institution, role: str,
                       contact: InstitutionContact | None = None,
                       joined_on=None) -> CouncilMembership:
    require_staff(actor)
    if role not in CouncilMembership.Role.values:
        raise DomainError("협의회에서의 역할을 선택해 주세요.", field="role")
    if contact is not None and contact.institution_id != institution.pk:
        raise DomainError(
            f"실무 담당자 {contact.name}님은 {institution.name} 소속이 아닙니다.", field="contact"
        )
    if CouncilMembership.objects.filter(council=council, institution=institution).exists():
        raise DomainError(f"{institution.name}은(는) 이미 {council.name} 회원 기관입니다.",
                          field="institution")
    membership = CouncilMembership.objects.create(
        council=council, institution=institution, role=role, contact=contact, joined_on=joined_on
    )
    record(actor=actor, action="network.council.member_added", instance=council,
           changes={"institution": institution.name, "role": role,
                    "contact": contact.name if contact else ""})
    return membership


@transaction.atomic
def seat_council_member(*, actor, user, council: Council,
                        institution: Institution | None = None) -> CouncilSeat:
    """Give a council-member user sight of one council's records."""
    require_staff(actor)
    if user.role != Role.COUNCIL_MEMBER:
        raise DomainError("협의회 위원 역할의 계정만 협의회에 배정할 수 있습니다.", field="user")
    seat, created = CouncilSeat.objects.get_or_create(
        user=user, council=council, defaults={"institution": institution}
    )
    if created:
        record(actor=actor, action="network.council.seat_granted", instance=council,
               changes={"user": user.username})
    return seat
