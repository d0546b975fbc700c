"""Realistic Korean demo data for `make run`: accounts of every role, companies, meisters, and
whatever each app's demo.py adds. Runs once: an already seeded database is left as it is."""

import importlib
import random

from django.core.management.base import BaseCommand
from django.db import transaction

from meisterhub.accounts.models import Role, User
from meisterhub.companies import demo as companies_demo
from meisterhub.companies.models import Company, Membership
from meisterhub.meisters import demo as meisters_demo
from meisterhub.meisters.models import Meister

DEMO_PASSWORD = "meister-demo-2026"
APP_DEMOS = ["consultations", "mentoring", "facilities", "events", "programs", "network", "reports"]


class Command(BaseCommand):
    help = "데모 데이터(기업 220곳, 마이스터 46명, 역할별 계정)를 만듭니다. 이미 있으면 건너뜁니다."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, seed: int, **options):
        if Company.objects.exists() or Meister.objects.exists():
            self.stdout.write("데모 데이터가 이미 있습니다. 건너뜁니다.")
            return
        rng = random.Random(seed)
        with transaction.atomic():
            staff = self._user("staff", "운영자 김하나", Role.STAFF, is_staff=True)
            companies = companies_demo.seed(rng=rng)
            self.stdout.write(f"기업 {len(companies)}곳")
            meisters = meisters_demo.seed(rng=rng, actor=staff)
            self.stdout.write(f"마이스터 {len(meisters)}명")
            self._accounts(companies, meisters)
        for app in APP_DEMOS:
            try:
                module = importlib.import_module(f"meisterhub.{app}.demo")
            except ModuleNotFoundError:
                continue
            with transaction.atomic():
                module.seed(rng=rng, companies=companies, meisters=meisters, staff=staff)
            self.stdout.write(f"{app}: 데모 데이터 생성")
        self.stdout.write(
            self.style.SUCCESS(
                f"완료. 데모 계정 비밀번호는 모두 '{DEMO_PASSWORD}' 입니다: "
                "staff(운영자), member1·member2(기업 회원), meister1(마이스터), evaluator1~3(평가위원), council1(협의회 위원)"
            )
        )

    def _user(self, username, full_name, role, **extra):
        user = User(
            username=username,
            full_name=full_name,
            role=role,
            email=f"{username}@demo.meisterhub.kr",
            **extra,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        return user

    def _accounts(self, companies, meisters):
        for index, company in enumerate(companies[:2], start=1):
            member = self._user(
                f"member{index}", f"{company.representative} 과장", Role.COMPANY_MEMBER
            )
            Membership.objects.create(
                user=member, company=company, position="admin", status="active"
            )
        meister_user = self._user("meister1", meisters[0].name, Role.MEISTER)
        Meister.objects.filter(pk=meisters[0].pk).update(user=meister_user)
        for index in range(1, 4):
            self._user(f"evaluator{index}", f"평가위원 {index}", Role.EVALUATOR)
        self._user("council1", "협의회 위원 이상훈", Role.COUNCIL_MEMBER)
