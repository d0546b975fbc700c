import random

import pytest

from meisterhub.companies.tests.factories import CompanyFactory
from meisterhub.meisters.tests.factories import make_meister
from meisterhub.mentoring import demo as mentoring_demo
from meisterhub.mentoring.models import MentoringEngagement

from .. import demo
from ..models import Booking, RotationBlock


@pytest.mark.django_db
def test_demo_seed_builds_rotation_bookings_and_mentoring(taxonomy, staff_user):
    companies = [CompanyFactory(org_type="startup" if i < 2 else "sme") for i in range(6)]
    meisters = [
        make_meister(fields=("WELD",), weekdays=[str(i % 5), str((i + 2) % 5)]) for i in range(6)
    ]
    rng = random.Random(1)
    demo.seed(rng=rng, companies=companies, meisters=meisters, staff=staff_user)
    mentoring_demo.seed(rng=rng, companies=companies, meisters=meisters, staff=staff_user)
    assert RotationBlock.objects.count() == 12
    assert Booking.objects.filter(channel="walk_in").count() == 2
    assert Booking.objects.filter(status__in=["requested", "confirmed"]).count() == 6
    assert Booking.objects.filter(
        status__in=["completed", "no_show"], channel="reservation"
    ).exists()
    assert MentoringEngagement.objects.count() == 2
