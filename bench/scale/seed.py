"""The drill's bounded data set, made through the app's services (bench/ops/seed.py) plus a
staff member for report jobs and events with a few seats each for registration races.

`python -m bench.scale.seed --meisters N --booking-meisters B --members M --slots S --events E`
against DATABASE_URL (migrates first); prints one JSON line.
"""

import argparse
import json
import secrets
from datetime import timedelta

from bench.ops import seed as ops_seed


def make_staff(password: str) -> str:
    from meisterhub.accounts.models import Role, User

    user = User(
        username="drillstaff", full_name="운영자", role=Role.STAFF, email="drillstaff@example.kr"
    )
    user.set_password(password)
    user.save()
    return user.username


def make_events(count: int, capacity: int) -> list[int]:
    from django.utils import timezone

    from meisterhub.events.models import Event

    now = timezone.now()
    events = []
    for n in range(count):
        starts = now + timedelta(days=20 + n)
        events.append(
            Event.objects.create(
                title=f"스마트공장 설명회 {n + 1}회",
                kind="briefing",
                area="enterprise",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                place="창원컨벤션센터",
                capacity=capacity,
                registration_opens_at=now - timedelta(days=1),
                registration_closes_at=starts - timedelta(days=1),
                status="published",
                description="관내 제조 중소기업을 위한 설명회입니다.",
            ).pk
        )
    return events


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meisters", type=int, default=60)
    parser.add_argument("--booking-meisters", type=int, default=6)
    parser.add_argument("--members", type=int, default=4)
    parser.add_argument("--slots", type=int, default=400)
    parser.add_argument("--events", type=int, default=8)
    parser.add_argument("--capacity", type=int, default=2)
    args = parser.parse_args()
    ops_seed._setup(migrate=True)
    password = secrets.token_urlsafe(16)
    meisters = ops_seed.make_meisters(args.meisters)
    booking_meisters = meisters[: args.booking_meisters]
    ops_seed.sit_weekdays(booking_meisters)
    result = {
        "password": password,
        "members": ops_seed.make_members(args.members, password),
        "staff": make_staff(password),
        "profile_id": meisters[len(meisters) // 2].pk,
        "slots": ops_seed.future_slots(booking_meisters, args.slots),
        "events": make_events(args.events, args.capacity),
        "capacity": args.capacity,
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
