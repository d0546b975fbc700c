"""Demo rooms of both centers, resident startups and reservations over the coming weeks."""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from meisterhub.companies.models import Membership
from meisterhub.core.errors import DomainError

from .models import Facility, ResidentCompany
from .services import create_recurring_reservation, create_reservation

WEEKDAYS_9_18 = {str(d): ["09:00", "18:00"] for d in range(5)}
WEEKDAYS_9_21 = {**{str(d): ["09:00", "21:00"] for d in range(5)}, "5": ["10:00", "17:00"]}

ROOMS = [
    ("meister", "startup_cafe", "기술인 카페", 20, ["상담 테이블 6", "빔프로젝터"], WEEKDAYS_9_18,
     "members", False, 0),
    ("meister", "meeting_room", "마이스터 회의실", 10, ["화상회의", "화이트보드"], WEEKDAYS_9_18,
     "members", False, 10),
    ("meister", "seminar_hall", "마이스터 세미나실", 60, ["음향", "빔프로젝터", "무선마이크"],
     WEEKDAYS_9_18, "members", True, 30),
    ("meister", "maker_space", "메이커스페이스 (3D프린터실)", 12, ["FDM 3D프린터 6", "SLA 3D프린터 2",
     "레이저 커터"], WEEKDAYS_9_21, "members", True, 15),
    ("startup", "office", "입주 공용 사무실", 16, ["개인 책상 16", "사물함"], WEEKDAYS_9_21,
     "residents", False, 0),
    ("startup", "meeting_room", "회의실 A", 8, ["TV 모니터", "화이트보드"], WEEKDAYS_9_21,
     "members", False, 10),
    ("startup", "meeting_room", "회의실 B", 6, ["화이트보드"], WEEKDAYS_9_21, "residents", False, 10),
    ("startup", "investment_room", "투자상담실", 6, ["화상회의", "방음"], WEEKDAYS_9_18, "members",
     True, 15),
    ("startup", "ir_media_room", "IR 미디어룸", 10, ["촬영 조명", "4K 카메라", "크로마키"],
     WEEKDAYS_9_18, "residents", True, 30),
    ("startup", "seminar_hall", "창업 세미나홀", 120, ["음향", "무대", "동시통역 부스"], WEEKDAYS_9_18,
     "staff", False, 60),
    ("startup", "startup_cafe", "창업카페", 40, ["와이파이", "전원 콘센트"], WEEKDAYS_9_21, "members",
     False, 0),
]
PURPOSES = ["팀 주간 회의", "투자자 미팅", "고객사 기술 미팅", "시제품 검토", "IR 피칭 연습",
            "채용 면접", "멘토링 세션", "파트너사 협약 논의"]


def _actor_for(company, staff):
    membership = Membership.objects.filter(company=company, status="active").select_related(
        "user").first()
    return membership.user if membership else staff


def seed(*, rng: random.Random, companies, meisters, staff) -> dict:
    staff_user = staff[0] if isinstance(staff, (list, tuple)) else staff
    rooms = []
    for order, (center, kind, name, capacity, equipment, hours, policy, approval,
                buffer) in enumerate(ROOMS):
        rooms.append(Facility.objects.create(
            center=center, kind=kind, name=name, capacity=capacity, equipment=equipment,
            opening_hours=hours, booking_policy=policy, approval_required=approval,
            buffer_minutes=buffer, order=order,
            location=f"{'마이스터센터' if center == 'meister' else '창업지원센터'} {order % 4 + 1}층",
            description=f"{name}: 예약 후 이용할 수 있습니다.",
        ))
    companies = list(companies)
    today = timezone.localdate()
    residents = [c for c in companies if c.org_type in ("startup", "pre_founder")][:6] \
        or companies[:3]
    for n, company in enumerate(residents):
        ResidentCompany.objects.create(company=company, center="startup", room=f"{200 + n}호",
                                       moved_in_on=today - timedelta(days=rng.randint(60, 700)))
    made = 0
    bookable = [r for r in rooms if r.booking_policy != "staff"]
    for _ in range(60):
        room = rng.choice(bookable)
        company = rng.choice(residents if room.booking_policy == "residents" else companies)
        day = today + timedelta(days=rng.randint(1, 28))
        if room.hours_on(day.weekday()) is None:
            continue
        start = timezone.make_aware(datetime.combine(day, time(rng.randint(9, 16))))
        try:
            create_reservation(
                actor=_actor_for(company, staff_user), facility=room, company=company,
                starts_at=start, ends_at=start + timedelta(hours=rng.choice([1, 2])),
                headcount=min(room.capacity, rng.randint(2, 8)), purpose=rng.choice(PURPOSES))
            made += 1
        except DomainError:
            continue  # the demo picks at random; a clash is simply skipped
    monday = today + timedelta(days=7 - today.weekday())
    hall = rooms[9]
    try:
        create_recurring_reservation(
            actor=staff_user, facility=hall, company=None, weeks=4, headcount=80,
            starts_at=timezone.make_aware(datetime.combine(monday, time(14))),
            ends_at=timezone.make_aware(datetime.combine(monday, time(17))),
            purpose="창업 아카데미 (매주 월요일)")
        made += 4
    except DomainError:
        pass
    return {"facilities": len(rooms), "residents": len(residents), "reservations": made}
