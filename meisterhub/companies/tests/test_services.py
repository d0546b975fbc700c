import datetime

import pytest

from meisterhub.companies import services
from meisterhub.companies.models import Company, Industry, Membership
from meisterhub.core.errors import DomainError
from meisterhub.core.models import History

from .factories import CompanyFactory, MembershipFactory


def company_data(**overrides):
    data = {
        "name": "창원정밀",
        "brn": "124-81-00998",
        "representative": "김대표",
        "industry": Industry.objects.get(code="29"),
        "size_class": "sme",
        "org_type": "sme",
        "district": "seongsan",
        "address": "창원시 성산구 웅남로 1",
        "employees": 45,
        "founded_on": datetime.date(2010, 3, 2),
    }
    return data | overrides


@pytest.fixture
def member(db):
    from meisterhub.accounts.tests.factories import UserFactory

    return UserFactory(role="company_member")


def test_registering_a_company_makes_the_registrant_its_administrator(member):
    company = services.register_company(actor=member, **company_data())

    assert company.brn == "1248100998"
    membership = Membership.objects.get(user=member, company=company)
    assert (membership.position, membership.status) == ("admin", "active")
    entry = History.objects.get(action="companies.company.created")
    assert entry.actor == member and entry.object_id == str(company.pk)
    assert entry.changes["brn"] == [None, "1248100998"]


def test_duplicate_brn_is_refused_and_nothing_changes(member):
    services.register_company(actor=member, **company_data())
    with pytest.raises(DomainError, match="이미 등록된 사업자등록번호"):
        services.register_company(actor=member, **company_data(name="다른이름", brn="1248100998"))
    assert Company.objects.count() == 1
    assert History.objects.filter(action="companies.company.created").count() == 1


def test_a_user_can_belong_to_several_companies(member):
    first = services.register_company(actor=member, **company_data())
    other = CompanyFactory()
    pending = services.request_membership(actor=member, brn=other.brn)
    admin = MembershipFactory(company=other, position="admin").user
    services.approve_membership(actor=admin, membership=pending)
    assert set(member.memberships.filter(status="active").values_list("company", flat=True)) == {
        first.pk,
        other.pk,
    }


def test_membership_cannot_be_approved_by_an_outsider(member, member_b):
    other = CompanyFactory()
    pending = services.request_membership(actor=member, brn=other.brn)
    with pytest.raises(DomainError):
        services.approve_membership(actor=member_b, membership=pending)
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_update_keeps_a_diff_in_history(member):
    company = services.register_company(actor=member, **company_data())
    services.update_company(actor=member, company=company, employees=60, name="창원정밀(주)")
    entry = History.objects.get(action="companies.company.updated")
    assert entry.changes["employees"] == [45, 60]
    assert entry.changes["name"] == ["창원정밀", "창원정밀(주)"]


def test_outsider_cannot_update_a_company(member, member_b):
    company = services.register_company(actor=member, **company_data())
    with pytest.raises(DomainError):
        services.update_company(actor=member_b, company=company, employees=1)
    company.refresh_from_db()
    assert company.employees == 45
