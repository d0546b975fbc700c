import pytest
from django.core.management import call_command

from meisterhub.accounts.models import User
from meisterhub.companies.models import Company
from meisterhub.meisters.models import Meister

pytestmark = pytest.mark.django_db


def test_seed_demo_seeds_every_role_once(taxonomy, capsys):
    call_command("seed_demo", "--seed", "7")
    first = capsys.readouterr().out
    assert "완료" in first
    usernames = set(User.objects.values_list("username", flat=True))
    assert {"staff", "member1", "member2", "meister1", "evaluator1", "council1"} <= usernames
    assert Meister.objects.filter(user__username="meister1").exists()
    companies, meisters = Company.objects.count(), Meister.objects.count()
    assert companies and meisters

    call_command("seed_demo")  # a seeded database is left as it is
    assert "건너뜁니다" in capsys.readouterr().out
    assert (Company.objects.count(), Meister.objects.count()) == (companies, meisters)
