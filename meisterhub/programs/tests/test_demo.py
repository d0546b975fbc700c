import random

import pytest
from django.utils import timezone

from meisterhub.companies.tests.factories import CompanyFactory
from meisterhub.meisters.tests.factories import make_meister
from meisterhub.programs.demo import seed
from meisterhub.programs.models import Application, ApplicationStatus, Award, Program
from meisterhub.programs.selectors import beneficiary_growth, participation_count

pytestmark = pytest.mark.django_db


def test_demo_seed_covers_every_state_and_shows_growth(staff_user, taxonomy):
    companies = [CompanyFactory(employees=20 + n) for n in range(20)]
    seed(rng=random.Random(1), companies=companies, meisters=[make_meister()], staff=staff_user)
    assert set(Program.objects.values_list("area", flat=True)) == {
        "enterprise", "workforce", "defense_aero", "hydrogen", "export", "startup_jobs", "future"}
    states = set(Application.objects.values_list("status", flat=True))
    assert states == set(ApplicationStatus.values)
    year = timezone.localdate().year - 1
    growth = beneficiary_growth(year)
    assert growth["companies"] == participation_count(year) > 0
    assert 3 < growth["export"]["growth"] < 15
    assert 0 < growth["employees"]["growth"] < 12
    assert Award.objects.filter(category="best_mentor").count() == 1
