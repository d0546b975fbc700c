"""Demo records for the network: the 26-member smart-factory council, its meetings, projects,
the inquiry desk in every state, and technologies with transfer requests."""

import random
from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from meisterhub.accounts.models import Role, User
from meisterhub.companies.models import Membership
from meisterhub.meisters.models import Field, Meister

from . import demo_data as data
from .business_days import add_business_days
from .models import Inquiry, Institution, Meeting, SmartFactoryProject
from .services import (
    add_contact,
    add_council_member,
    add_decision,
    answer_inquiry,
    close_inquiry,
    create_council,
    create_institution,
    create_meeting,
    create_project,
    move_transfer,
    publish_technology,
    record_minutes,
    request_transfer,
    route_inquiry,
    seat_council_member,
    submit_inquiry,
)

LEVEL_BUDGETS = {"basic": 100, "intermediate1": 200, "intermediate2": 400, "advanced": 600}
MINUTES_PDF = b"%PDF-1.4\n% demo minutes\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _phone(rng: random.Random) -> str:
    return f"055-{rng.randint(210, 299)}-{rng.randint(1000, 9999)}"


def _mobile(rng: random.Random) -> str:
    return f"010-{rng.choice('234678')}{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"


def _institutions(rng, staff) -> dict[str, Institution]:
    made = {}
    rows = [(n, k) for n, k, _ in data.COUNCIL_MEMBERS] + data.OTHER_INSTITUTIONS
    for index, (name, kind) in enumerate(rows):
        institution = create_institution(actor=staff, name=name, kind=kind,
                                         address="경상남도 창원시", phone=_phone(rng))
        for n in range(1 if kind == "supplier" else 2):
            person = data.CONTACT_NAMES[(index * 2 + n) % len(data.CONTACT_NAMES)]
            add_contact(actor=staff, institution=institution, name=person,
                        position=rng.choice(data.POSITIONS),
                        phone=_mobile(rng),
                        email=f"contact{index}{n}@demo-inst.kr")
        made[name] = institution
    return made


def _council(staff, institutions):
    council = create_council(actor=staff, name=data.COUNCIL_NAME,
                             description=data.COUNCIL_DESCRIPTION, founded_on=date(2019, 4, 1))
    for name, _, role in data.COUNCIL_MEMBERS:
        institution = institutions[name]
        add_council_member(actor=staff, council=council, institution=institution, role=role,
                           contact=institution.contacts.first(), joined_on=date(2019, 4, 1))
    for user in User.objects.filter(role=Role.COUNCIL_MEMBER):
        seat_council_member(actor=staff, user=user, council=council,
                            institution=institutions["경남테크노파크"])
    return council


def _meetings(rng, staff, council):
    today = timezone.localdate()
    first = date(today.year - 1, 9, 10)
    members = [m.institution for m in council.memberships.select_related("institution")]
    for number, (kind, months, title, agenda) in enumerate(data.MEETINGS):
        held_on = first + timedelta(days=30 * months)
        if held_on > today:
            break
        present = rng.sample(members, 22 if kind == "plenary" else 8)
        meeting = create_meeting(
            actor=staff, council=council, kind=kind, title=f"{held_on.year}년 {title}",
            held_on=held_on, place="경남테크노파크 대회의실" if kind == "plenary" else "창원산업진흥원",
            agenda=agenda, attendance=[(i, rng.choice(data.CONTACT_NAMES)) for i in present])
        upload = ContentFile(MINUTES_PDF, name="회의록.pdf") if kind == "plenary" else None
        record_minutes(actor=staff, meeting=meeting, upload=upload,
                       text="\n".join(f"{n}. {item}: 보고 후 원안 의결" for n, item in
                                      enumerate(agenda, 1)))
        for text in rng.sample(data.DECISIONS, 2):
            owner = rng.choice(present)
            decision = add_decision(
                actor=staff, meeting=meeting, text=text, owner_institution=owner,
                owner_person="" if number % 2 else rng.choice(data.CONTACT_NAMES),
                due_on=held_on + timedelta(days=rng.choice([30, 60, 120])))
            if decision.due_on < today and rng.random() < 0.6:
                decision.status, decision.done_on = "done", decision.due_on
                decision.save(update_fields=["status", "done_on"])


def _projects(rng, staff, companies, institutions):
    suppliers = [i for i in institutions.values() if i.kind == Institution.Kind.SUPPLIER]
    banks = [institutions[n] for n, k, _ in data.COUNCIL_MEMBERS if k == "bank"]
    this_year = timezone.localdate().year
    levels = ["basic"] * 5 + ["intermediate1"] * 3 + ["intermediate2"] * 2 + ["advanced"]
    for company in rng.sample(companies, min(40, len(companies))):
        year = rng.choice([this_year - 2, this_year - 1, this_year])
        level = rng.choice(levels)
        total = LEVEL_BUDGETS[level] * 1_000_000 * rng.choice([6, 8, 10]) // 10
        government, local = total // 2, total * 15 // 100
        start = date(year, rng.randint(3, 6), 1)
        status = "completed" if year < this_year else rng.choice(["planned", "in_progress"])
        financings = [(rng.choice(banks), (total - government - local) // 2)] \
            if rng.random() < 0.35 else []
        create_project(
            actor=staff, company=company, year=year, level=level, supplier=rng.choice(suppliers),
            title=f"{company.name} {SmartFactoryProject.Level(level).label} 스마트공장 구축",
            government_amount=government, local_government_amount=local,
            company_amount=total - government - local, total_amount=total, status=status,
            started_on=start, ends_on=start + timedelta(days=180), financings=financings,
            milestones=[("협약 체결", start), ("구축 착수", start + timedelta(30)),
                        ("중간 점검", start + timedelta(100)),
                        ("구축 완료", start + timedelta(180))])


def _inquiries(rng, staff, companies):
    members = list(Membership.objects.filter(status="active").select_related("user", "company"))
    meister = Meister.objects.filter(user__isnull=False).select_related("user").first()
    fields = {f.code: f for f in Field.objects.all()}
    states = ["received"] * 5 + ["routed"] * 7 + ["answered"] * 7 + ["closed"] * 6
    today = timezone.localdate()
    for index, (category, code, title, body) in enumerate(data.INQUIRIES):
        member = members[index % len(members)] if members and index % 3 == 0 else None
        channel = "web" if member or index % 3 == 1 else rng.choice(["phone", "walk_in"])
        logged = channel != "web"  # staff log phone and walk-in; other web ones are anonymous
        inquiry = submit_inquiry(
            actor=member.user if member else (staff if logged else None), channel=channel,
            category=category,
            title=title, body=body, field=fields.get(code),
            name="" if member else rng.choice(data.CONTACT_NAMES),
            phone="" if member else _mobile(rng),
            company=rng.choice(companies) if logged and index % 2 else None)
        day = today - timedelta(days=rng.randint(0, 2) if index < 4 else rng.randint(3, 40))
        received = timezone.make_aware(datetime.combine(day, time(rng.randint(9, 17))))
        Inquiry.objects.filter(pk=inquiry.pk).update(
            received_at=received, deadline=add_business_days(day, 3))
        inquiry.refresh_from_db()
        state = states[index]
        if state == "received":
            continue
        technical = category == "technical" and meister is not None
        route_inquiry(actor=staff, inquiry=inquiry, field=fields.get(code) or fields["MACH"],
                      owner_meister=meister if technical else None,
                      owner_staff=None if technical else staff)
        if state == "routed":
            continue
        answer_inquiry(actor=meister.user if technical else staff, inquiry=inquiry,
                       answer="상세 내용을 확인했습니다. 관련 담당 기관과 방법을 안내드립니다. "
                              "추가 자료가 있으면 회신해 주세요.")
        if state == "closed":
            close_inquiry(actor=staff, inquiry=inquiry)


def _technologies(rng, staff, companies, institutions):
    fields = {f.code: f for f in Field.objects.all()}
    pipeline = ["interest", "consultation", "negotiation", "contract", "transferred"]
    for title, code, trl, owner in data.TECHNOLOGIES:
        technology = publish_technology(
            actor=staff, title=title, field=fields[code], trl=trl, owner=institutions[owner],
            summary=f"{owner}이(가) 보유한 {fields[code].name_ko} 분야 기술로, 도내 제조기업의 "
                    f"현장 적용을 위해 기술이전과 공동 실증을 지원합니다.")
        for company in rng.sample(companies, rng.randint(0, 2)):
            transfer = request_transfer(actor=staff, company=company, technology=technology,
                                        message="기술 설명 자료와 이전 조건을 받고 싶습니다.")
            for step in pipeline[1:rng.randint(1, 5)]:
                transfer = move_transfer(actor=staff, transfer=transfer, status=step)
            if rng.random() < 0.15 and transfer.status != "transferred":
                move_transfer(actor=staff, transfer=transfer, status="dropped")


def seed(*, rng: random.Random, companies, meisters, staff):
    institutions = _institutions(rng, staff)
    council = _council(staff, institutions)
    _meetings(rng, staff, council)
    _projects(rng, staff, list(companies), institutions)
    _inquiries(rng, staff, list(companies))
    _technologies(rng, staff, list(companies), institutions)
    return {"institutions": len(institutions), "council_members": council.memberships.count(),
            "meetings": Meeting.objects.count()}
