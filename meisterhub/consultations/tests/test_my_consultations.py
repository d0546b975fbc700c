"""The company's own "나의 상담" page: each booking in one group by state and time."""

import re

import pytest
from django.urls import reverse

from ..models import BookingStatus, ConsultationRecord, FollowUp
from ..selectors import called_off_consultations, past_consultations, upcoming_consultations
from ..services import book_consultation, cancel_booking
from .factories import field, past_booking
from .window_helpers import at, open_run, weekday_meister

pytestmark = pytest.mark.django_db


@pytest.fixture
def meister(taxonomy):
    return weekday_meister()


def section(page: str, heading: str) -> str:
    """The HTML from an <h2> to the next one."""
    return page.split(f">{heading}</h2>")[1].split("<h2")[0]


def test_a_cancelled_future_booking_is_not_a_past_consultation(
    client, meister, member_a, company_a
):
    day, later = open_run(2, after_days=8)
    values = {"actor": member_a, "company": company_a, "field": field(), "meister": meister}
    cancelled = book_consultation(starts_at=at(day, 10), problem="도금 박리", **values)
    cancel_booking(actor=member_a, booking=cancelled, reason="내부 일정")
    upcoming = book_consultation(starts_at=at(later, 10), problem="도금 박리", **values)
    done = past_booking(meister, company_a, member_a, days_ago=7, status=BookingStatus.COMPLETED)

    assert [b.pk for b in upcoming_consultations(member_a)] == [upcoming.pk]
    assert [b.pk for b in called_off_consultations(member_a)] == [cancelled.pk]
    assert [b.pk for b in past_consultations(member_a)] == [done.pk]

    client.force_login(member_a)
    page = client.get(reverse("consultations:my")).content.decode()
    detail = reverse("consultations:detail", args=[cancelled.pk])
    assert detail not in section(page, "지난 상담")
    assert detail in section(page, "취소·거절된 상담")
    assert "취소" in section(page, "취소·거절된 상담")


def test_record_lines_leave_out_a_missing_follow_up(client, meister, member_a, company_a):
    plain = past_booking(meister, company_a, member_a, days_ago=7, status=BookingStatus.COMPLETED)
    visit = past_booking(meister, company_a, member_a, days_ago=14, status=BookingStatus.COMPLETED)
    for booking, follow_up in ((plain, FollowUp.NONE), (visit, FollowUp.SITE_VISIT)):
        ConsultationRecord.objects.create(
            booking=booking,
            diagnosis="도금 전처리 부족",
            advice="탈지 시간을 늘리세요.",
            follow_up=follow_up,
            hours=1,
            written_by=member_a,
        )
    client.force_login(member_a)
    records = section(client.get(reverse("consultations:my")).content.decode(), "상담일지")
    lines = re.findall(r'#record">(.*?)</a>', records)
    assert lines == [
        f"{plain.starts_at:%Y-%m-%d} {meister.name} 마이스터 상담일지",
        f"{visit.starts_at:%Y-%m-%d} {meister.name} 마이스터 상담일지 · 후속 조치: 현장 방문",
    ]
    assert "없음" not in records
