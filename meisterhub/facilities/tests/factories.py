from datetime import date, datetime, time, timedelta

from django.utils import timezone

from meisterhub.facilities.models import Facility, ResidentCompany

WEEKDAY_HOURS = {str(day): ["09:00", "18:00"] for day in range(5)}


def make_facility(**overrides) -> Facility:
    values = {
        "center": "startup", "kind": "meeting_room", "name": "회의실 A", "capacity": 8,
        "equipment": ["빔프로젝터", "화이트보드"], "opening_hours": WEEKDAY_HOURS,
        "buffer_minutes": 0,
    }
    values.update(overrides)
    return Facility.objects.create(**values)


def next_monday(weeks_ahead: int = 1) -> date:
    today = timezone.localdate()
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks_ahead)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def make_resident(company, center="startup", since_days=30):
    return ResidentCompany.objects.create(
        company=company, center=center,
        moved_in_on=timezone.localdate() - timedelta(days=since_days),
    )
