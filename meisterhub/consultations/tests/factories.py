"""Consultation test data built through the real services."""

from datetime import date, time, timedelta

from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.meisters.models import Field
from meisterhub.meisters.tests.factories import make_meister

from ..models import Booking, BookingStatus
from ..services import add_rotation_block
from ..slots import aware


def next_weekday(weekday: int, *, after: date | None = None, weeks: int = 0) -> date:
    """The first date with this weekday strictly after `after` (default today), plus weeks."""
    start = (after or timezone.localdate()) + timedelta(days=1)
    return start + timedelta(days=(weekday - start.weekday()) % 7, weeks=weeks)


def make_sitting_meister(*, weekday: int = 1, fields=("WELD",), with_user=True, **block):
    """A meister with a login account and one weekly block 10:00–12:00 at 기술인 카페."""
    meister = make_meister(fields=fields, weekdays=[str(weekday)])
    if with_user:
        meister.user = UserFactory(role="meister", username=f"meister{meister.pk}")
        meister.save(update_fields=["user"])
    values = {"weekday": weekday, "start_time": time(10), "end_time": time(12)}
    values.update(block)
    add_rotation_block(actor=None, meister=meister, **values)
    return meister


def field(code: str = "WELD") -> Field:
    return Field.objects.get(code=code)


def past_booking(meister, company, requester, *, days_ago=7, status=BookingStatus.CONFIRMED):
    """A booking in the past, written straight to the table (the service refuses the past)."""
    from ..models import ConsultationRequest

    day = timezone.localdate() - timedelta(days=days_ago)
    request = ConsultationRequest.objects.create(
        company=company, requester=requester, field=field(), problem="용접부 균열이 반복됩니다."
    )
    return Booking.objects.create(
        request=request,
        meister=meister,
        company=company,
        field=field(),
        starts_at=aware(day, time(10)),
        ends_at=aware(day, time(11)),
        place="기술인 카페",
        status=status,
    )


def bookable_day(weekday: int, *, weeks: int = 1) -> date:
    """A future date on this weekday that is not a Korean public holiday."""
    from ..slots import korean_holidays

    day = next_weekday(weekday, weeks=weeks)
    holidays = korean_holidays(day, day + timedelta(weeks=10))
    while day in holidays:
        day += timedelta(weeks=1)
    return day


def upcoming_holiday(weekday: int | None = None) -> tuple[date, str]:
    """The next weekday public holiday (optionally on a given weekday) after a week from now."""
    from ..slots import korean_holidays

    start = timezone.localdate() + timedelta(days=2)
    for day, name in sorted(korean_holidays(start, start + timedelta(days=800)).items()):
        if day > start and day.weekday() < 5 and (weekday is None or day.weekday() == weekday):
            return day, name
    raise AssertionError("no holiday found")
