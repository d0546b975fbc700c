"""Demo events of every kind (past with attendance, upcoming with registrations) and a contest."""

import random
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from meisterhub.accounts.models import User
from meisterhub.companies.models import Membership
from meisterhub.core.errors import DomainError
from meisterhub.facilities.models import Facility

from .contest_services import assign_judge, score_submission, submit_entry
from .models import Contest, Criterion, Event, Registration
from .services import register_for_event

TEMPLATES = [
    ("briefing", "enterprise", "대기업 기술수요 설명회"),
    ("briefing", "hydrogen", "수소산업 지원사업 설명회"),
    ("seminar", "defense_aero", "방산·항공부품 품질 인증 세미나"),
    ("seminar", "export", "수출 바우처 활용 세미나"),
    ("training", "startup_jobs", "메이커스페이스 3D프린터 기초 교육"),
    ("training", "workforce", "스마트공장 데이터 분석 실무 교육"),
    ("investment_mart", "startup_jobs", "경남 창업기업 투자마트 (IR)"),
    ("council_meeting", "future", "스마트공장 민관협의회 정기회의"),
]


def _participants(rng, count: int) -> list[User]:
    people = list(User.objects.filter(role="company_member")[:40])
    while len(people) < count:
        n = len(people)
        people.append(User.objects.create(username=f"demo_participant{n}",
                                          full_name=f"참가자{n}", email=f"p{n}@example.kr"))
    rng.shuffle(people)
    return people[:count]


def _company_of(user):
    membership = Membership.objects.filter(user=user, status="active").first()
    return membership.company if membership else None


def _event(rng, kind, area, title, start, capacity, facility=None) -> Event:
    return Event.objects.create(
        title=title, kind=kind, area=area, starts_at=start, ends_at=start + timedelta(hours=3),
        place="" if facility else "창원컨벤션센터", facility=facility, capacity=capacity,
        registration_opens_at=start - timedelta(days=30),
        registration_closes_at=start - timedelta(days=1), status="published",
        description=f"{title}: 관내 기업과 예비창업자를 대상으로 합니다.",
        eligible_org_types=["startup", "pre_founder"] if kind == "investment_mart" else [],
    )


def seed(*, rng: random.Random, companies, meisters, staff) -> dict:
    now = timezone.now()
    halls = list(Facility.objects.filter(kind__in=["seminar_hall", "maker_space"]))
    people = _participants(rng, 30)
    counts = {"events": 0, "registrations": 0, "attended": 0}
    for kind, area, title in TEMPLATES:
        for round_no, days in enumerate((-200, -90, -20, 14, 35), start=1):
            facility = rng.choice(halls) if halls and kind != "council_meeting" else None
            start = (now + timedelta(days=days + rng.randint(0, 5))).replace(
                hour=5, minute=0, second=0, microsecond=0)  # 14:00 in Seoul
            capacity = facility.capacity if facility else rng.choice([20, 30, 50])
            event = _event(rng, kind, area, f"{title} ({round_no}회)", start,
                           min(capacity, 25))
            counts["events"] += 1
            joined = people[: rng.randint(8, min(len(people), event.capacity + 3))]
            if days < 0:  # past: written as they ended (the window is long closed)
                for position, user in enumerate(joined, start=1):
                    status = "attended" if rng.random() < 0.8 else "registered"
                    if position > event.capacity:
                        status = "cancelled"
                    Registration.objects.create(event=event, user=user, position=position,
                                                company=_company_of(user), status=status,
                                                checked_in_at=start if status == "attended"
                                                else None)
                    counts["attended"] += status == "attended"
                    counts["registrations"] += 1
            else:
                event.registration_opens_at = now - timedelta(days=3)
                event.save(update_fields=["registration_opens_at"])
                for user in joined:
                    try:
                        register_for_event(actor=user, event=event, company=_company_of(user))
                        counts["registrations"] += 1
                    except DomainError:
                        continue
    counts["contest_submissions"] = _contest(rng, people, staff, now)
    return counts


def _contest(rng, people, staff, now) -> int:
    staff_user = staff[0] if isinstance(staff, (list, tuple)) else staff
    event = _event(rng, "contest", "startup_jobs", "창원 제조혁신 아이디어 공모전",
                   now + timedelta(days=20), 100)
    contest = Contest.objects.create(event=event, submission_deadline=now + timedelta(days=10))
    criteria = [
        Criterion.objects.create(contest=contest, name="창의성", weight=30, max_score=10, order=1),
        Criterion.objects.create(contest=contest, name="기술 실현 가능성", weight=40, max_score=10,
                                 order=2),
        Criterion.objects.create(contest=contest, name="사업성", weight=30, max_score=10, order=3),
    ]
    judges = list(User.objects.filter(role="evaluator")[:3])
    while len(judges) < 3:
        n = len(judges)
        judges.append(User.objects.create(username=f"demo_judge{n}", role="evaluator",
                                          full_name=f"심사위원{n + 1}"))
    for judge in judges:
        assign_judge(actor=staff_user, contest=contest, judge=judge)
    ideas = ["용접 비드 비전 검사", "수소 배관 누설 감지 센서", "공작기계 예지보전 키트",
             "방산 부품 이력 추적 플랫폼", "금형 온도 무선 모니터링", "협동로봇 교시 앱"]
    made = 0
    for user, idea in zip(people, ideas, strict=False):
        pdf = ContentFile(b"%PDF-1.4\n% demo\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF",
                          name="idea.pdf")
        submission = submit_entry(actor=user, contest=contest, title=idea,
                                  summary=f"{idea}로 창원 제조 현장의 문제를 풉니다.",
                                  upload=pdf, company=_company_of(user))
        for judge in judges[:2]:
            score_submission(actor=judge, submission=submission,
                             values={c.pk: rng.randint(5, 10) for c in criteria})
        made += 1
    return made
