"""A larger capacity seats the whole waitlist; each seated person's notice names the place
(the event's room), which is read once for all of them, not once per registrant."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.events.manage_services import update_event
from meisterhub.events.models import Registration
from meisterhub.facilities.tests.factories import make_facility

from .factories import make_event

pytestmark = pytest.mark.django_db


def _reads_when_waitlist_is_seated(staff, n: int) -> dict[str, int]:
    # The event takes place in a room of ours: the notice's place is the room's name.
    event = make_event(capacity=1, place="", facility=make_facility(name=f"세미나실 {n}"))
    Registration.objects.bulk_create(
        [Registration(event=event, user=UserFactory(), status="registered", position=1)]
        + [Registration(event=event, user=UserFactory(), status="waitlisted", position=2 + i)
           for i in range(n)])
    with CaptureQueriesContext(connection) as ctx:
        update_event(actor=staff, event=event, values={"capacity": 1 + n})
    assert event.registrations.filter(status="registered").count() == 1 + n
    selects = [q["sql"] for q in ctx.captured_queries if q["sql"].lstrip().startswith("SELECT")]
    return {table: sum(f'FROM "{table}"' in sql for sql in selects)
            for table in ("facilities_facility", "events_event", "accounts_user")}


def test_seating_the_waitlist_reads_the_room_once(staff_user):
    few = _reads_when_waitlist_is_seated(staff_user, 2)
    many = _reads_when_waitlist_is_seated(staff_user, 6)
    assert many == few
