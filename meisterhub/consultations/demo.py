"""Demo rotation, past consultations with records and surveys, upcoming bookings, walk-ins."""

import random
from datetime import time, timedelta

from django.utils import timezone

from meisterhub.accounts.models import Role, User
from meisterhub.companies.models import Membership
from meisterhub.core.errors import DomainError

from .models import (
    Booking,
    BookingStatus,
    ChangeKind,
    Channel,
    ConsultationRecord,
    ConsultationRequest,
    FollowUp,
    OnsiteEngagement,
    OnsiteVisit,
    SatisfactionSurvey,
    WeekPattern,
)
from .services import (
    add_closure,
    add_leave,
    add_rotation_block,
    add_rotation_change,
    book_consultation,
    confirm_booking,
)
from .slots import RotationCalendar, aware, free_slots

PLACES = ["기술인 카페", "기술인 카페", "마이스터 회의실", "상담실 2"]
PROBLEMS = [
    (
        "TIG 용접부에 기공이 반복해서 생깁니다. 보호가스와 용접 조건을 점검받고 싶습니다.",
        "보호가스 유량 부족과 토치 각도 불량",
        "가스 유량 15L/min, 토치 각도 70~80°로 조정하고 WPS를 다시 작성하세요.",
    ),
    (
        "프레스 금형 펀치가 3만 타 만에 깨집니다. 소재와 열처리 조건을 봐 주세요.",
        "SKD11 열처리 후 템퍼링 부족으로 인성 저하",
        "2회 템퍼링과 펀치 모서리 R0.3 적용, 클리어런스 재설정을 권합니다.",
    ),
    (
        "CNC 선반 가공품의 진원도가 규격을 벗어납니다.",
        "척 파지력 과다로 인한 박육 변형",
        "소프트 조 성형과 파지압 30% 감압, 마무리 가공 전 언클램핑을 권합니다.",
    ),
    (
        "도장 후 2주 만에 블리스터가 생깁니다.",
        "전처리 인산염 피막 불균일과 세척 잔류물",
        "탈지조 농도 관리와 수세 단계를 하나 더 두세요. 시험편으로 염수분무 시험을 권합니다.",
    ),
    (
        "유압 실린더에서 미세 누유가 있습니다.",
        "로드 표면 거칠기 불량과 씰 재질 부적합",
        "로드 표면 Ra 0.2 이하로 관리하고 NBR 대신 PU 씰을 검토하세요.",
    ),
    (
        "스마트공장 MES 도입 범위를 어디까지 잡아야 할지 모르겠습니다.",
        "설비 데이터 수집 기반 없이 MES 전 모듈 도입을 계획",
        "1단계로 생산실적·설비가동 수집부터, 기초 수준 확인 후 지원사업을 연계하세요.",
    ),
]
SURVEY_COMMENTS = [
    "현장에 바로 적용했습니다.",
    "설명이 구체적이어서 좋았습니다.",
    "",
    "후속 시험까지 연계해 주셔서 고맙습니다.",
    "조금 더 긴 시간이 있었으면 합니다.",
]


def _members(companies, rng, staff):
    """One active member per company that takes part (new demo accounts where none exist)."""
    result = []
    for index, company in enumerate(companies[:12]):
        membership = (
            Membership.objects.filter(company=company, status="active")
            .select_related("user")
            .first()
        )
        if membership is None:
            user = User(
                username=f"consult{index}",
                full_name=f"{company.representative} 대리",
                role=Role.COMPANY_MEMBER,
                email=f"consult{index}@demo.meisterhub.kr",
            )
            user.set_unusable_password()
            user.save()
            membership = Membership.objects.create(user=user, company=company, status="active")
        result.append((membership.user, company))
    return result


def _rotation(meisters, rng, staff):
    for index, meister in enumerate(meisters):
        for digit in sorted(set(meister.weekdays)):
            values = {"weekday": int(digit), "place": rng.choice(PLACES)}
            if index % 2:
                values.update(start_time=time(14), end_time=time(17))
            else:
                values.update(start_time=time(10), end_time=time(12))
            if index % 9 == 4:
                values.update(
                    pattern=WeekPattern.EVERY_N_WEEKS,
                    interval_weeks=2,
                    anchor_date=timezone.localdate() - timedelta(weeks=8),
                )
            elif index % 9 == 7:
                values.update(pattern=WeekPattern.AB, ab_week=rng.choice("AB"))
            add_rotation_block(actor=staff, meister=meister, **values)


def _past(meisters, members, rng, staff, weeks=6):
    today = timezone.localdate()
    start = today - timedelta(weeks=weeks)
    calendar = RotationCalendar([m.pk for m in meisters], start, today - timedelta(days=1))
    created = []
    for meister in meisters[:12]:
        day, slots = start, []
        while day < today:
            slots += calendar.slots(meister.pk, day)
            day += timedelta(days=1)
        for slot in rng.sample(slots, min(len(slots), 3)):
            user, company = rng.choice(members)
            problem, diagnosis, advice = rng.choice(PROBLEMS)
            field = meister.ordered_fields[0]
            request = ConsultationRequest.objects.create(
                company=company, requester=user, field=field, problem=problem
            )
            status = rng.choice([BookingStatus.COMPLETED] * 5 + [BookingStatus.NO_SHOW])
            booking = Booking.objects.create(
                request=request,
                meister=meister,
                company=company,
                field=field,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                place=slot.place,
                status=status,
                sequence=1,
                created_by=user,
            )
            if status == BookingStatus.COMPLETED:
                follow_up = rng.choice(
                    [
                        FollowUp.NONE,
                        FollowUp.NONE,
                        FollowUp.TESTING,
                        FollowUp.SITE_VISIT,
                        FollowUp.PROGRAM_REFERRAL,
                    ]
                )
                record = ConsultationRecord.objects.create(
                    booking=booking,
                    diagnosis=diagnosis,
                    advice=advice,
                    follow_up=follow_up,
                    hours=1,
                    written_by=meister.user or staff,
                )
                if rng.random() < 0.75:
                    SatisfactionSurvey.objects.create(
                        booking=booking,
                        score=rng.choice([5, 5, 4, 4, 3]),
                        comment=rng.choice(SURVEY_COMMENTS),
                        respondent=user,
                    )
                created.append(record)
    return created


def _onsite(records, staff):
    for record in [r for r in records if r.follow_up == FollowUp.SITE_VISIT][:2]:
        engagement = OnsiteEngagement.objects.create(
            company_id=record.booking.company_id,
            meister=record.booking.meister,
            origin_record=record,
            problem=record.booking.problem,
            visit_quota=3,
            created_by=staff,
        )
        OnsiteVisit.objects.create(
            engagement=engagement,
            visited_on=timezone.localdate() - timedelta(days=3),
            report="생산 라인을 둘러보고 작업 조건을 기록했습니다. 다음 방문에서 개선 결과를 확인합니다.",
            written_by=record.written_by,
        )


def _walk_ins(meisters, members, rng, staff):
    today = timezone.localdate()
    calendar = RotationCalendar([m.pk for m in meisters], today - timedelta(days=14), today)
    logged = 0
    for meister in meisters:
        for back in range(1, 14):
            day = today - timedelta(days=back)
            sittings = calendar.sittings(meister.pk, day)
            if sittings and logged < 2:
                company = members[logged][1]
                starts = aware(day, sittings[0].start) + timedelta(minutes=20)
                Booking.objects.create(
                    channel=Channel.WALK_IN,
                    meister=meister,
                    company=company if logged else None,
                    visitor_name="" if logged else "예비창업자 박준호",
                    field=meister.ordered_fields[0],
                    summary="센터 방문 중 가공 불량 사진을 보여 주며 원인을 물었습니다.",
                    starts_at=starts,
                    ends_at=starts + timedelta(minutes=30),
                    place=sittings[0].place,
                    status=BookingStatus.COMPLETED,
                    created_by=staff,
                )
                logged += 1
                break


def _upcoming(meisters, members, rng, staff):
    today = timezone.localdate()
    slots = free_slots([m.pk for m in meisters[:10]], today, today + timedelta(weeks=3))
    by_id = {m.pk: m for m in meisters}
    made = 0
    for meister_id, free in slots.items():
        for slot in free[:1]:
            user, company = members[made % len(members)]
            problem = rng.choice(PROBLEMS)[0]
            try:
                booking = book_consultation(
                    actor=user,
                    company=company,
                    field=by_id[meister_id].ordered_fields[0],
                    meister=by_id[meister_id],
                    starts_at=slot.starts_at,
                    problem=problem,
                )
            except DomainError:
                continue
            if made % 3:
                confirm_booking(actor=staff, booking=booking)
            made += 1


def seed(*, rng: random.Random, companies, meisters, staff) -> dict:
    staff_user = staff[0] if isinstance(staff, (list, tuple)) else staff
    meisters = [m for m in meisters if m.is_active and m.weekdays]
    for meister in meisters:
        meister.refresh_from_db(fields=["user"])
    members = _members(companies, rng, staff_user)
    _rotation(meisters, rng, staff_user)
    today = timezone.localdate()
    add_leave(
        actor=staff_user,
        meister=meisters[-1],
        starts_on=today + timedelta(days=7),
        ends_on=today + timedelta(days=20),
        reason="해외 기술교류 출장",
    )
    add_closure(
        actor=staff_user,
        starts_on=today + timedelta(days=30),
        ends_on=today + timedelta(days=30),
        reason="센터 시설 안전점검 휴관",
    )
    add_rotation_change(
        actor=staff_user,
        meister=meisters[1],
        date=today + timedelta(days=10),
        kind=ChangeKind.EXTRA,
        start_time=time(16),
        end_time=time(18),
        place="마이스터 회의실",
        reason="수요 많은 분야 추가 상담",
    )
    records = _past(meisters, members, rng, staff_user)
    _onsite(records, staff_user)
    _walk_ins(meisters, members, rng, staff_user)
    _upcoming(meisters, members, rng, staff_user)
    return {"records": len(records)}
