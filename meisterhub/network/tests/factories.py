"""Network records built through the real services, as staff would."""

from datetime import date

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.network.models import CouncilMembership, Institution
from meisterhub.network.services import (
    add_contact,
    add_council_member,
    create_council,
    create_institution,
    create_meeting,
    create_project,
    seat_council_member,
)

_counter = iter(range(1, 1_000_000))


def make_institution(staff, *, kind=Institution.Kind.SUPPORT_AGENCY, name=None):
    return create_institution(actor=staff, name=name or f"기관{next(_counter)}", kind=kind)


def make_council(staff, *, name=None, members=2):
    """A council with `members` institutions (the first a bank with the financing role)."""
    council = create_council(actor=staff, name=name or f"협의회{next(_counter)}")
    roles = list(CouncilMembership.Role.values)
    for n in range(members):
        kind = Institution.Kind.BANK if n == 0 else Institution.Kind.SUPPORT_AGENCY
        institution = make_institution(staff, kind=kind)
        contact = add_contact(actor=staff, institution=institution, name=f"실무자{n}",
                              phone=f"010-2345-67{n:02d}", email=f"worker{n}@inst.kr")
        role = CouncilMembership.Role.FINANCING if n == 0 else roles[n % len(roles)]
        add_council_member(actor=staff, council=council, institution=institution, role=role,
                           contact=contact)
    return council


def make_council_member(staff, council, username=None):
    user = UserFactory(role="council_member", username=username or f"council{next(_counter)}")
    seat_council_member(actor=staff, user=user, council=council)
    return user


def make_meeting(staff, council, *, kind="plenary", held_on=date(2025, 3, 10)):
    institutions = [m.institution for m in council.memberships.select_related("institution")]
    return create_meeting(actor=staff, council=council, kind=kind, title="상반기 정기회의",
                          held_on=held_on, place="창원컨벤션센터",
                          agenda=["보급 실적 보고", "하반기 계획"],
                          attendance=[(i, "") for i in institutions])


def make_project(staff, company, *, year=2025, level="basic", supplier=None, **extra):
    supplier = supplier or make_institution(staff, kind=Institution.Kind.SUPPLIER)
    amounts = {"government_amount": 50_000_000, "local_government_amount": 20_000_000,
               "company_amount": 30_000_000, "total_amount": 100_000_000}
    amounts.update(extra)
    return create_project(actor=staff, company=company, year=year, level=level,
                          title="MES 구축", supplier=supplier, **amounts)


def make_meister_user(username: str, *, fields=("WELD",)):
    """A meister with a login account (the roster import creates meisters without one)."""
    from meisterhub.meisters.models import Meister
    from meisterhub.meisters.tests.factories import make_meister

    user = UserFactory(role="meister", username=username)
    meister = make_meister(fields=fields)
    Meister.objects.filter(pk=meister.pk).update(user=user)
    meister.refresh_from_db()
    return meister, user
