import random

import pytest

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.companies.tests.factories import CompanyFactory, MembershipFactory
from meisterhub.network import demo
from meisterhub.network.models import (
    Council,
    CouncilSeat,
    Decision,
    Inquiry,
    SmartFactoryProject,
    Technology,
)
from meisterhub.network.selectors import smart_factory_counts

from .factories import make_meister_user

pytestmark = pytest.mark.django_db


def test_demo_seeds_every_part_of_the_network(staff_user, taxonomy):
    companies = [CompanyFactory() for _ in range(45)]
    MembershipFactory(user=UserFactory(username="member1"), company=companies[0])
    council_user = UserFactory(role="council_member", username="council1")
    meister, _ = make_meister_user("meister1")
    summary = demo.seed(rng=random.Random(7), companies=companies, meisters=[meister],
                        staff=staff_user)
    assert summary["institutions"] == 34 and summary["council_members"] == 26
    council = Council.objects.get()
    assert council.memberships.filter(role="financing").count() == 6
    assert CouncilSeat.objects.get().user == council_user
    assert council.meetings.filter(kind="plenary").count() >= 1
    assert Decision.objects.exclude(owner_institution=None).count() == Decision.objects.count()
    assert SmartFactoryProject.objects.count() == 40
    years = {p.year for p in SmartFactoryProject.objects.all()}
    assert len(years) == 3
    assert sum(smart_factory_counts(y)["total"] for y in years) == 40
    assert Inquiry.objects.count() == 25
    assert set(Inquiry.objects.values_list("status", flat=True)) == {
        "received", "routed", "answered", "closed"}
    assert any(i.is_overdue for i in Inquiry.objects.all())
    assert Technology.objects.count() == 12
