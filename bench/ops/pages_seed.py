"""Data for the page benchmark at 1× and 10×, in bulk (10,000 meisters in seconds, not minutes).

`python -m bench.ops.pages_seed --scale 10` on a migrated throwaway database (prod settings):
1,000 × scale meisters with fields and a weekday each, 10,000 × scale past consultations,
10,000 × scale one-stop inquiries, programs with calls and events; the first meisters sit every
weekday so the booking POST has free slots. Prints one JSON line (as bench.ops.seed does).
Rows are made with bulk_create, not the services: this is volume for reads, while the booking
POST under measurement goes through the real service.
"""

import argparse
import json
import secrets
from datetime import time, timedelta

from bench.ops.seed import _codes, _setup, future_slots, make_members

BOOKING_MEISTERS = 20
BATCH = 5000


def _meisters(count: int, codes: list[str]):
    from meisterhub.meisters.models import Field, Meister, MeisterField

    fields = {f.code: f for f in Field.objects.filter(code__in=codes)}
    rows = []
    for n in range(count):
        weekday = str(n % 5)
        main, second = fields[codes[n % len(codes)]], fields[codes[(n + 3) % len(codes)]]
        name, keywords = f"마이스터{n:05d}", ["공정 개선", f"키워드{n}"]
        career = "창원 제조 현장 25년, 용접·금형 공정 개선"
        text = " ".join(
            [name, "기술사", career, *keywords]
            + [f"{f.name_ko} {f.name_en} {f.code}" for f in (main, second)]
        )
        rows.append(
            Meister(
                roster_id=f"P{n:05d}",
                name=name,
                title="기술사",
                career=career,
                keywords=keywords,
                weekdays="01234" if n < BOOKING_MEISTERS else weekday,
                search_text=text.lower(),
            )
        )
    meisters = Meister.objects.bulk_create(rows, batch_size=BATCH)
    links = []
    for n, meister in enumerate(meisters):
        links.append(MeisterField(meister=meister, field_id=codes[n % len(codes)], order=1))
        links.append(MeisterField(meister=meister, field_id=codes[(n + 3) % len(codes)], order=2))
    MeisterField.objects.bulk_create(links, batch_size=BATCH)
    return meisters


def _rotation(meisters) -> None:
    from meisterhub.consultations.models import RotationBlock

    blocks = []
    for n, meister in enumerate(meisters):
        weekdays = range(5) if n < BOOKING_MEISTERS else [n % 5]
        blocks += [
            RotationBlock(meister=meister, weekday=d, start_time=time(9), end_time=time(17))
            for d in weekdays
        ]
    RotationBlock.objects.bulk_create(blocks, batch_size=BATCH)


def _past_bookings(meisters, count: int, company_ids: list[int], codes: list[str]) -> None:
    """Completed consultations in past weeks: one meister never has two at the same hour."""
    from django.utils import timezone

    from meisterhub.consultations.models import Booking

    first = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(days=400)
    rows = []
    for n in range(count):
        meister = meisters[n % len(meisters)]
        starts = first + timedelta(hours=n // len(meisters))
        rows.append(
            Booking(
                meister=meister,
                company_id=company_ids[n % len(company_ids)],
                field_id=codes[n % len(codes)],
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                place="마이스터센터",
                status="completed",
            )
        )
        if len(rows) == BATCH:
            Booking.objects.bulk_create(rows)
            rows = []
    Booking.objects.bulk_create(rows)


def _inquiries(count: int, codes: list[str]) -> None:
    from django.utils import timezone

    from meisterhub.network.models import Inquiry

    now, rows = timezone.now(), []
    for n in range(count):
        rows.append(
            Inquiry(
                channel="web",
                category="technical",
                field_id=codes[n % len(codes)],
                title=f"용접 변형 문의 {n}",
                body="박판 용접 후 변형이 큽니다.",
                name=f"문의자{n}",
                phone="+821012345678",
                deadline=now.date(),
                received_at=now - timedelta(minutes=n),
                status="answered" if n % 3 else "received",
            )
        )
        if len(rows) == BATCH:
            Inquiry.objects.bulk_create(rows)
            rows = []
    Inquiry.objects.bulk_create(rows)


def _programs_and_events(scale: int) -> None:
    from django.utils import timezone

    from meisterhub.events.models import Event
    from meisterhub.programs.models import Call, Program

    now = timezone.now()
    areas = ["enterprise", "workforce", "hydrogen", "export", "startup_jobs"]
    programs = Program.objects.bulk_create(
        Program(area=areas[n % 5], name=f"제조 혁신 지원사업 {n}", year=now.year)
        for n in range(20 * scale)
    )
    Call.objects.bulk_create(
        Call(
            program=programs[n % len(programs)],
            title=f"{n}차 스마트공장 구축 지원 공고",
            description="도내 중소 제조기업의 공정 개선을 지원합니다.",
            opens_at=now - timedelta(days=10),
            closes_at=now + timedelta(days=n % 60 + 1),
            published_at=now - timedelta(days=10),
        )
        for n in range(60 * scale)
    )
    kinds = ["briefing", "seminar", "training"]
    Event.objects.bulk_create(
        Event(
            title=f"기술 설명회 {n}",
            kind=kinds[n % 3],
            area=areas[n % 5],
            place="세미나실",
            starts_at=now + timedelta(days=n % 90 + 1, hours=1),
            ends_at=now + timedelta(days=n % 90 + 1, hours=3),
            capacity=40,
            registration_opens_at=now - timedelta(days=1),
            registration_closes_at=now + timedelta(days=n % 90 + 1),
            status="published",
        )
        for n in range(150 * scale)
    )


def _analyze() -> None:
    """Planner statistics for the bulk-loaded tables, as autovacuum would gather them later."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def seed_pages(scale: int, members: int, slots: int) -> dict:
    codes = _codes()
    password = secrets.token_urlsafe(16)
    member_rows = make_members(members, password)
    meisters = _meisters(1000 * scale, codes)
    _rotation(meisters)
    _past_bookings(meisters, 10_000 * scale, [m["company_id"] for m in member_rows], codes)
    _inquiries(10_000 * scale, codes)
    _programs_and_events(scale)
    _analyze()
    return {
        "password": password,
        "members": member_rows,
        "profile_id": meisters[len(meisters) // 2].pk,
        "slots": future_slots(meisters[:BOOKING_MEISTERS], slots),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--members", type=int, default=8)
    parser.add_argument("--slots", type=int, default=400)
    args = parser.parse_args()
    _setup(migrate=True)
    print(json.dumps(seed_pages(args.scale, args.members, args.slots), ensure_ascii=False))


if __name__ == "__main__":
    main()
