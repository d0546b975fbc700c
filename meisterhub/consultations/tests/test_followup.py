from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meisterhub.core.errors import DomainError
from meisterhub.core.models import History

from ..models import BookingStatus, OnsiteEngagement, OnsiteVisit
from ..services import (
    answer_survey,
    close_onsite_engagement,
    log_onsite_visit,
    mark_no_show,
    write_record,
)
from .factories import make_sitting_meister, past_booking

pytestmark = pytest.mark.django_db


@pytest.fixture
def meister(taxonomy):
    return make_sitting_meister(weekday=1)


def test_onsite_engagement_quota_and_closing(
    client, meister, company_a, member_a, member_b, settings
):
    settings.CONSULTATION_ONSITE_VISIT_QUOTA = 2
    booking = past_booking(meister, company_a, member_a)
    record = write_record(
        actor=meister.user,
        booking=booking,
        diagnosis="진동",
        advice="정렬",
        follow_up="site_visit",
        hours="2",
        escalate=True,
    )
    engagement = OnsiteEngagement.objects.get()
    assert (engagement.visit_quota, engagement.origin_record_id) == (2, record.pk)
    today = timezone.localdate()
    for back in (5, 2):
        log_onsite_visit(
            actor=meister.user,
            engagement=engagement,
            visited_on=today - timedelta(days=back),
            report="설비 정렬 확인",
        )
    with pytest.raises(DomainError, match=r"현장 방문 한도\(2회\)를 모두 사용했습니다."):
        log_onsite_visit(
            actor=meister.user, engagement=engagement, visited_on=today, report="세 번째"
        )
    assert OnsiteVisit.objects.count() == 2
    client.force_login(member_b)
    assert (
        client.get(reverse("consultations:onsite_detail", args=[engagement.pk])).status_code == 404
    )
    client.force_login(member_a)
    assert (
        "설비 정렬 확인"
        in client.get(reverse("consultations:onsite_detail", args=[engagement.pk])).content.decode()
    )
    with pytest.raises(DomainError, match="종결할 수 있습니다"):
        close_onsite_engagement(actor=member_a, engagement=engagement, result="끝")
    close_onsite_engagement(actor=meister.user, engagement=engagement, result="진동 60% 감소")
    engagement.refresh_from_db()
    assert (engagement.status, engagement.result) == ("closed", "진동 60% 감소")
    assert History.objects.filter(action__startswith="consultations.onsite.").count() == 4


def test_no_show_and_survey_rules(meister, company_a, member_a, member_b, staff_user):
    booking = past_booking(meister, company_a, member_a)
    with pytest.raises(DomainError, match="완료된 상담에만"):
        answer_survey(actor=member_a, booking=booking, score=5)
    mark_no_show(actor=staff_user, booking=booking)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.NO_SHOW
    with pytest.raises(DomainError, match="상태의 상담에는 상담일지를 쓸 수 없습니다"):
        write_record(
            actor=meister.user,
            booking=booking,
            diagnosis="a",
            advice="b",
            follow_up="none",
            hours=1,
        )
    done = past_booking(meister, company_a, member_a, days_ago=14, status="completed")
    with pytest.raises(DomainError, match="상담을 받은 기업의 회원만"):
        answer_survey(actor=member_b, booking=done, score=5)
    with pytest.raises(DomainError, match="1점에서 5점 사이"):
        answer_survey(actor=member_a, booking=done, score=9)
    assert not hasattr(done, "survey")
