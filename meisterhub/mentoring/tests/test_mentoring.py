from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.companies.tests.factories import CompanyFactory, MembershipFactory
from meisterhub.core.errors import DomainError
from meisterhub.core.models import History
from meisterhub.meisters.tests.factories import make_meister

from ..models import MentoringEngagement, MentoringGoal, MentoringSession
from ..services import create_engagement, set_goal_status, write_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def mentor(taxonomy):
    meister = make_meister(fields=("BIZ",))
    meister.user = UserFactory(role="meister", username="mentor")
    meister.save()
    return meister


@pytest.fixture
def startup():
    return CompanyFactory(name="스마트용접랩", org_type="startup")


@pytest.fixture
def founder(startup):
    user = UserFactory(username="founder")
    MembershipFactory(user=user, company=startup)
    return user


@pytest.fixture
def engagement(staff_user, startup, mentor):
    today = timezone.localdate()
    return create_engagement(
        actor=staff_user,
        company=startup,
        mentor=mentor,
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=60),
        goals=["시제품 완성", "", "투자 IR 자료", "특허 출원"],
    )


def test_staff_create_and_follow_progress(client, staff_user, engagement, mentor):
    assert list(engagement.goals.values_list("title", "order")) == [
        ("시제품 완성", 1),
        ("투자 IR 자료", 2),
        ("특허 출원", 3),
    ]
    assert History.objects.filter(action="mentoring.engagement.created").count() == 1
    set_goal_status(actor=mentor.user, goal=engagement.goals.first(), status="done")
    client.force_login(staff_user)
    page = client.get(reverse("mentoring:list")).content.decode()
    assert "33% (1/3)" in page


def test_only_startups_and_only_staff(staff_user, mentor, company_a, startup, member_a):
    today = timezone.localdate()
    with pytest.raises(DomainError, match="창업기업"):
        create_engagement(
            actor=staff_user,
            company=company_a,
            mentor=mentor,
            starts_on=today,
            ends_on=today,
            goals=["목표"],
        )
    with pytest.raises(DomainError, match="운영자만"):
        create_engagement(
            actor=member_a,
            company=startup,
            mentor=mentor,
            starts_on=today,
            ends_on=today,
            goals=["목표"],
        )
    assert MentoringEngagement.objects.count() == 0


def test_mentor_writes_sessions_startup_reads_its_own(
    client, engagement, mentor, founder, member_a
):
    today = timezone.localdate()
    client.force_login(mentor.user)
    client.post(
        reverse("mentoring:detail", args=[engagement.pk]),
        {"held_on": today, "notes": "BM 캔버스 검토", "next_steps": "고객 인터뷰 5건"},
    )
    assert MentoringSession.objects.get().notes == "BM 캔버스 검토"
    with pytest.raises(DomainError, match="멘토링 기간 안의 날짜"):
        write_session(
            actor=mentor.user, engagement=engagement, held_on=today - timedelta(days=90), notes="x"
        )
    client.force_login(founder)
    page = client.get(reverse("mentoring:detail", args=[engagement.pk])).content.decode()
    assert "BM 캔버스 검토" in page and "멘토링 기록 쓰기" not in page
    assert (
        client.post(
            reverse("mentoring:detail", args=[engagement.pk]), {"held_on": today, "notes": "위조"}
        ).status_code
        == 403
    )
    client.post(
        reverse("mentoring:goal_status", args=[engagement.goals.first().pk]), {"status": "done"}
    )
    assert MentoringGoal.objects.filter(status="done").count() == 0
    client.force_login(member_a)
    assert client.get(reverse("mentoring:detail", args=[engagement.pk])).status_code == 404
    assert client.get(reverse("mentoring:list")).content.decode().count("스마트용접랩") == 0
    assert client.get("/api/mentoring/").json() == {"items": [], "count": 0}
    client.force_login(founder)
    data = client.get(f"/api/mentoring/{engagement.pk}").json()
    assert (data["progress"], data["sessions"][0]["next_steps"]) == (0, "고객 인터뷰 5건")


def test_staff_creates_through_the_form(client, staff_user, startup, mentor):
    client.force_login(staff_user)
    response = client.post(
        reverse("mentoring:new"),
        {
            "company": startup.pk,
            "mentor": mentor.pk,
            "starts_on": "2027-01-04",
            "ends_on": "2027-06-30",
            "goals": "시제품\n판로",
        },
    )
    engagement = MentoringEngagement.objects.get()
    assert response.url == reverse("mentoring:detail", args=[engagement.pk])
    assert engagement.goals.count() == 2
