"""Two startup mentoring engagements with goals and a few sessions."""

import random
from datetime import timedelta

from django.utils import timezone

from meisterhub.companies.models import OrgType

from .models import MentoringGoal, MentoringSession
from .services import create_engagement

PLANS = [
    (
        ["시제품 설계 검증", "양산 협력사 3곳 발굴", "시드 투자 IR 자료 완성"],
        [
            "제품 사양서를 함께 검토하고 핵심 부품의 공차를 정리했습니다.",
            "창원 지역 가공 협력사 후보 5곳을 소개했습니다.",
        ],
    ),
    (
        ["특허 출원 전략 수립", "정부 R&D 과제 신청", "첫 고객사 PoC"],
        ["선행기술 조사 결과를 보고 청구항 구성을 조언했습니다."],
    ),
]


def seed(*, rng: random.Random, companies, meisters, staff) -> dict:
    staff_user = staff[0] if isinstance(staff, (list, tuple)) else staff
    startups = [c for c in companies if c.org_type in (OrgType.STARTUP, OrgType.PRE_FOUNDER)][:2]
    mentors = [m for m in meisters if m.is_active]
    preferred = [m for m in mentors if any(f.code in {"BIZ", "IP"} for f in m.ordered_fields)]
    mentors = (preferred + mentors)[:2]
    today = timezone.localdate()
    made = 0
    for company, mentor, (goals, notes) in zip(startups, mentors, PLANS, strict=False):
        mentor.refresh_from_db(fields=["user"])
        engagement = create_engagement(
            actor=staff_user,
            company=company,
            mentor=mentor,
            starts_on=today - timedelta(days=45),
            ends_on=today + timedelta(days=135),
            goals=goals,
        )
        for index, note in enumerate(notes):
            MentoringSession.objects.create(
                engagement=engagement,
                held_on=today - timedelta(days=40 - index * 14),
                notes=note,
                next_steps="다음 세션 전까지 자료를 보완합니다.",
                written_by=mentor.user or staff_user,
            )
        first = engagement.goals.order_by("order").first()
        MentoringGoal.objects.filter(pk=first.pk).update(
            status=rng.choice([MentoringGoal.Status.DONE, MentoringGoal.Status.DOING])
        )
        made += 1
    return {"engagements": made}
