"""Moving a meister's bookings to 변경 필요 reads each booking's meister, request and requester
once for all of them, not once per booking (a leave can cover months of bookings)."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meisterhub.accounts.tests.factories import UserFactory

from ..models import Booking, BookingStatus, ConsultationRequest
from ..services.rotation import delete_rotation_block
from ..slots import aware
from .factories import bookable_day, field, make_sitting_meister

pytestmark = pytest.mark.django_db

READ_PER_BOOKING = ("meisters_meister", "consultations_consultationrequest", "accounts_user")


def _book(meister, company, n: int) -> None:
    """n confirmed bookings in the meister's Tuesday 10:00–12:00 sittings, each with a request."""
    for i in range(n):
        day, start = bookable_day(1, weeks=1 + i // 4), time(10 + (i % 4) // 2, 30 * (i % 2))
        starts_at = aware(day, start)
        request = ConsultationRequest.objects.create(
            company=company, requester=UserFactory(), field=field(), problem="용접부 균열")
        Booking.objects.create(request=request, meister=meister, company=company, field=field(),
                               starts_at=starts_at, ends_at=starts_at + timedelta(minutes=30),
                               place="기술인 카페", status=BookingStatus.CONFIRMED)


def _reads_when_block_is_deleted(staff, company, n: int) -> dict[str, int]:
    meister = make_sitting_meister(weekday=1)
    _book(meister, company, n)
    with CaptureQueriesContext(connection) as ctx:
        result = delete_rotation_block(actor=staff, block=meister.rotation_blocks.get(),
                                       apply_to_bookings=True)
    assert len(result.needs_change) == n
    selects = [q["sql"] for q in ctx.captured_queries if q["sql"].lstrip().startswith("SELECT")]
    return {table: sum(f'FROM "{table}"' in sql for sql in selects) for table in READ_PER_BOOKING}


def test_moving_bookings_to_needs_change_reads_related_rows_once(taxonomy, staff_user,
                                                                  company_a):
    few = _reads_when_block_is_deleted(staff_user, company_a, 2)
    many = _reads_when_block_is_deleted(staff_user, company_a, 6)
    assert many == few
    assert Booking.objects.filter(status=BookingStatus.NEEDS_CHANGE).count() == 8
