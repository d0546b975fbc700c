import random

import pytest
from django.utils import timezone

from meisterhub.events import demo as events_demo
from meisterhub.events.models import Event, Submission
from meisterhub.events.selectors import event_counts
from meisterhub.facilities import demo as facilities_demo
from meisterhub.facilities.models import Facility, Reservation


@pytest.mark.django_db
def test_demo_seeds_rooms_events_and_a_contest(company_a, company_b, member_a, staff_user):
    company_b.org_type = "startup"
    company_b.save()
    rng = random.Random(7)
    rooms = facilities_demo.seed(rng=rng, companies=[company_a, company_b], meisters=[],
                                 staff=staff_user)
    assert rooms["facilities"] == Facility.objects.count() == 11
    assert set(Facility.objects.values_list("center", flat=True)) == {"meister", "startup"}
    assert Reservation.objects.count() == rooms["reservations"] > 4
    seeded = events_demo.seed(rng=rng, companies=[company_a, company_b], meisters=[],
                              staff=staff_user)
    assert Event.objects.count() == seeded["events"] + 1 == 41
    assert set(Event.objects.values_list("kind", flat=True)) == {
        "briefing", "seminar", "training", "investment_mart", "contest", "council_meeting"}
    assert Submission.objects.count() == seeded["contest_submissions"] == 6
    year = timezone.localdate().year
    assert event_counts(year)["attendees"] + event_counts(year - 1)["attendees"] > 0
