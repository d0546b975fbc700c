"""Data for load, fault and backup runs, made through the app's real services.

Runs in a subprocess pointed at a throwaway database (DATABASE_URL, prod settings):
`python -m bench.ops.seed load|backup|snapshot [--meisters N] ...`; prints one JSON line.
"""

import argparse
import io
import json
import os
import secrets
import sys
from datetime import time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIELD_CODES = ["WELD", "MOLD", "CAST", "MACH", "AUTO", "ELEC", "QUAL", "SAFE"]


def _setup(*, migrate: bool) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
    import django

    django.setup()
    if migrate:  # never on a restored database: it must come back complete by itself
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)


def _brn(n: int) -> str:
    from meisterhub.companies.validators import brn_check_digit

    first_nine = f"{(610800000 + n * 7919) % 1_000_000_000:09d}"
    return first_nine + str(brn_check_digit(first_nine))


def _codes() -> list[str]:
    from meisterhub.meisters.models import Field

    known = set(Field.objects.values_list("code", flat=True))
    return [c for c in FIELD_CODES if c in known] or sorted(known)[:8]


def make_members(count: int, password: str, prefix: str = "load") -> list[dict]:
    """Company members, each the admin of a company registered through register_company."""
    from meisterhub.accounts.models import User
    from meisterhub.companies.models import Industry
    from meisterhub.companies.services import register_company

    industry, _ = Industry.objects.get_or_create(
        code="29", defaults={"name": "기타 기계 및 장비 제조업"}
    )
    hashed = None
    members = []
    for n in range(count):
        user = User(
            username=f"{prefix}member{n}",
            full_name=f"부하시험{n}",
            role="company_member",
            email=f"{prefix}member{n}@example.kr",
        )
        if hashed is None:  # one slow production hash for all of them
            user.set_password(password)
            hashed = user.password
        user.password = hashed
        user.save()
        company = register_company(
            actor=user,
            name=f"창원정밀{prefix}{n}",
            brn=_brn(n + (0 if prefix == "load" else 500)),
            representative="김대표",
            industry=industry,
            size_class="sme",
            org_type="sme",
            district="seongsan",
            address=f"경상남도 창원시 성산구 공단로 {n + 1}",
            employees=20 + n,
        )
        members.append({"username": user.username, "company_id": company.pk, "brn": company.brn})
    return members


def make_meisters(count: int, prefix: str = "L", photo=None) -> list:
    from meisterhub.meisters.services import save_meister

    codes = _codes()
    return [
        save_meister(
            actor=None,
            roster_id=f"{prefix}{n:05d}",
            field_codes=[codes[n % len(codes)], codes[(n + 3) % len(codes)]],
            name=f"마이스터{prefix}{n}",
            title="기술사",
            career="창원 제조 현장 25년, 용접·금형 공정 개선",
            keywords=["공정 개선", f"키워드{n}"],
            weekdays=["0", "2", "4"],
            photo=photo if n == 0 else None,
        )
        for n in range(count)
    ]


def sit_weekdays(meisters) -> None:
    from meisterhub.consultations.services import add_rotation_block

    for meister in meisters:
        for weekday in range(5):
            add_rotation_block(
                actor=None, meister=meister, weekday=weekday, start_time=time(9), end_time=time(17)
            )


def future_slots(meisters, count: int) -> list[dict]:
    """Free slots from next week on that the booking window lets a company book, spread over
    the meisters, oldest first. (Slots past the window's last day would be refused with 400,
    and how many of them a run hit depended on the date and its holidays.)"""
    from django.utils import timezone

    from meisterhub.consultations.slots import free_slots
    from meisterhub.consultations.window import booking_window

    window = booking_window()
    start = timezone.localdate() + timedelta(days=8)
    found = free_slots([m.pk for m in meisters], start, window.last_day)
    rows = sorted(
        (s for slots in found.values() for s in slots if window.contains(s.starts_at)),
        key=lambda s: (s.starts_at, s.meister_id),
    )
    main = {m.pk: m.ordered_fields[0].code for m in meisters}
    return [
        {
            "meister_id": s.meister_id,
            "starts_at": s.starts_at.isoformat(),
            "field": main[s.meister_id],
        }
        for s in rows[:count]
    ]


def seed_load(args) -> dict:
    password = secrets.token_urlsafe(16)
    meisters = make_meisters(args.meisters)
    booking_meisters = meisters[: args.booking_meisters]
    sit_weekdays(booking_meisters)
    return {
        "password": password,
        "members": make_members(args.members, password),
        "profile_id": meisters[len(meisters) // 2].pk,
        "slots": future_slots(booking_meisters, args.slots),
    }


def _png() -> "io.BytesIO":
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (20, 90, 160)).save(buffer, format="PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def seed_backup(args) -> dict:
    """A little of everything a restore must bring back, including an uploaded photo."""
    from django.utils.dateparse import parse_datetime

    from meisterhub.accounts.models import User
    from meisterhub.companies.models import Company
    from meisterhub.consultations.services import book_consultation
    from meisterhub.meisters.models import Field

    members = make_members(3, secrets.token_urlsafe(12), prefix="bk")
    meisters = make_meisters(4, prefix="B", photo=_png())
    sit_weekdays(meisters[:1])
    slot = future_slots(meisters[:1], 1)[0]
    book_consultation(
        actor=User.objects.get(username=members[0]["username"]),
        company=Company.objects.get(pk=members[0]["company_id"]),
        field=Field.objects.get(code=slot["field"]),
        meister=meisters[0],
        starts_at=parse_datetime(slot["starts_at"]),
        problem="용접부 균열 상담",
    )
    return snapshot(args)


def snapshot(args) -> dict:
    """What a restore is checked against: counts and exact rows, read through the ORM."""
    from django.conf import settings

    from meisterhub.companies.models import Company, Membership
    from meisterhub.consultations.models import Booking
    from meisterhub.core.models import History
    from meisterhub.meisters.models import Meister

    return {
        "counts": {
            name: model.objects.count()
            for name, model in [
                ("companies", Company),
                ("memberships", Membership),
                ("meisters", Meister),
                ("bookings", Booking),
                ("history", History),
            ]
        },
        "companies": dict(Company.objects.order_by("brn").values_list("brn", "name")),
        "meisters": {
            m.roster_id: [m.name, [f.code for f in m.ordered_fields], m.photo.name]
            for m in Meister.objects.order_by("roster_id")
        },
        "bookings": [
            [b.meister.roster_id, b.company.brn, b.starts_at.isoformat(), b.status]
            for b in Booking.objects.select_related("meister", "company").order_by("pk")
        ],
        "history": list(
            History.objects.order_by("pk").values_list("action", "object_id", "object_repr")
        ),
        "media_files": sorted(
            str(p.relative_to(settings.MEDIA_ROOT))
            for p in Path(settings.MEDIA_ROOT).rglob("*")
            if p.is_file()
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["migrate", "load", "backup", "snapshot"])
    parser.add_argument("--meisters", type=int, default=300)
    parser.add_argument("--booking-meisters", type=int, default=20)
    parser.add_argument("--members", type=int, default=8)
    parser.add_argument("--slots", type=int, default=400)
    args = parser.parse_args()
    _setup(migrate=args.command != "snapshot")
    commands = {
        "migrate": lambda args: {},
        "load": seed_load,
        "backup": seed_backup,
        "snapshot": snapshot,
    }
    result = commands[args.command](args)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
