from datetime import timedelta

import pytest
from django.core import mail

from meisterhub.core.errors import DomainError
from meisterhub.core.models import History
from meisterhub.facilities.models import Reservation
from meisterhub.facilities.services import (
    cancel_reservation,
    create_recurring_reservation,
    create_reservation,
    decide_reservation,
)

from .factories import at, make_facility, make_resident, next_monday

pytestmark = pytest.mark.django_db


def book(actor, facility, company, start, end, headcount=4, weeks=1):
    return create_recurring_reservation(
        actor=actor, facility=facility, company=company, starts_at=start, ends_at=end,
        weeks=weeks, headcount=headcount, purpose="팀 회의",
    )


def test_reservation_is_confirmed_with_history_and_buffer(member_a, company_a):
    room = make_facility(buffer_minutes=30)
    monday = next_monday()
    (made,) = book(member_a, room, company_a, at(monday, 10), at(monday, 12))
    assert made.status == "confirmed"
    assert made.blocked_from == at(monday, 10)
    assert made.blocked_until == at(monday, 12, 30)
    entry = History.objects.get(action="facilities.reservation.created")
    assert entry.actor == member_a and entry.object_id == str(made.pk)


@pytest.mark.parametrize(
    ("start", "end", "headcount", "message"),
    [
        ((10, 0), (12, 0), 9, "수용 인원(8명)을 넘었습니다."),
        ((8, 0), (10, 0), 2, "운영 시간(09:00~18:00) 안에서만 예약할 수 있습니다."),
        ((17, 0), (18, 30), 2, "운영 시간(09:00~18:00) 안에서만 예약할 수 있습니다."),
        ((12, 0), (11, 0), 2, "종료 시간은 시작 시간보다 늦어야 합니다."),
    ],
)
def test_bad_slots_are_refused_and_change_nothing(member_a, company_a, start, end, headcount,
                                                   message):
    room = make_facility()
    monday = next_monday()
    with pytest.raises(DomainError) as caught:
        book(member_a, room, company_a, at(monday, *start), at(monday, *end), headcount)
    assert caught.value.message == message
    assert Reservation.objects.count() == 0
    assert History.objects.count() == 0


def test_past_and_closed_days_are_refused(member_a, company_a):
    room = make_facility()
    last_week = next_monday(-1)
    with pytest.raises(DomainError, match="지난 시간은 예약할 수 없습니다"):
        book(member_a, room, company_a, at(last_week, 10), at(last_week, 11))
    saturday = next_monday() + timedelta(days=5)
    with pytest.raises(DomainError, match="운영하지 않는 날입니다"):
        book(member_a, room, company_a, at(saturday, 10), at(saturday, 11))
    assert Reservation.objects.count() == 0


def test_overlap_including_buffer_is_refused(member_a, member_b, company_a, company_b):
    room = make_facility(buffer_minutes=30)
    monday = next_monday()
    book(member_a, room, company_a, at(monday, 10), at(monday, 12))
    with pytest.raises(DomainError) as caught:
        book(member_b, room, company_b, at(monday, 12, 15), at(monday, 13))
    assert caught.value.code == "conflict"
    assert caught.value.message.startswith("다음 날짜에 이미 예약이 있습니다: ")
    (after_buffer,) = book(member_b, room, company_b, at(monday, 12, 30), at(monday, 13))
    assert after_buffer.status == "confirmed"
    assert Reservation.objects.count() == 2


def test_weekly_series_is_all_or_nothing_and_lists_every_conflict(member_a, member_b, company_a,
                                                                   company_b):
    room = make_facility()
    first = next_monday()
    book(member_b, room, company_b, at(first + timedelta(weeks=1), 10), at(first + timedelta(weeks=1), 11))
    book(member_b, room, company_b, at(first + timedelta(weeks=3), 10, 30),
         at(first + timedelta(weeks=3), 11, 30))
    with pytest.raises(DomainError) as caught:
        book(member_a, room, company_a, at(first, 10), at(first, 11), weeks=4)
    second, fourth = first + timedelta(weeks=1), first + timedelta(weeks=3)
    assert caught.value.message == (
        f"다음 날짜에 이미 예약이 있습니다: {second:%Y-%m-%d}(월), {fourth:%Y-%m-%d}(월)"
    )
    assert Reservation.objects.filter(company=company_a).count() == 0
    made = book(member_a, room, company_a, at(first, 14), at(first, 15), weeks=4)
    assert [r.starts_at for r in made] == [at(first + timedelta(weeks=n), 14) for n in range(4)]
    assert len({r.series_id for r in made}) == 1 and made[0].series_id is not None


def test_cancelled_time_can_be_booked_again_and_series_cancels_the_rest(member_a, company_a):
    room = make_facility()
    first = next_monday()
    made = book(member_a, room, company_a, at(first, 9), at(first, 10), weeks=3)
    assert cancel_reservation(actor=member_a, reservation=made[1], whole_series=True) == 2
    statuses = list(Reservation.objects.order_by("starts_at").values_list("status", flat=True))
    assert statuses == ["confirmed", "cancelled", "cancelled"]
    with pytest.raises(DomainError, match="이미 취소되었거나 반려된 예약입니다"):
        cancel_reservation(actor=member_a, reservation=made[2])
    again = create_reservation(
        actor=member_a, facility=room, company=company_a, headcount=2, purpose="재예약",
        starts_at=at(first + timedelta(weeks=1), 9), ends_at=at(first + timedelta(weeks=1), 10))
    assert again.status == "confirmed"


def test_other_company_cannot_cancel(member_a, member_b, company_a):
    room = make_facility()
    monday = next_monday()
    (made,) = book(member_a, room, company_a, at(monday, 10), at(monday, 11))
    with pytest.raises(DomainError, match="권한이 없습니다"):
        cancel_reservation(actor=member_b, reservation=made)
    made.refresh_from_db()
    assert made.status == "confirmed"


def test_booking_policies(member_a, company_a, company_b, staff_user):
    monday = next_monday()
    staff_only = make_facility(name="IR 미디어룸", booking_policy="staff")
    with pytest.raises(DomainError, match="운영자만 예약할 수 있습니다"):
        book(member_a, staff_only, company_a, at(monday, 10), at(monday, 11))
    residents = make_facility(name="입주기업 회의실", booking_policy="residents")
    with pytest.raises(DomainError, match="창업지원센터 입주기업만 예약할 수 있습니다"):
        book(member_a, residents, company_a, at(monday, 10), at(monday, 11))
    with pytest.raises(DomainError, match="소속된 기업으로만 예약할 수 있습니다"):
        book(member_a, make_facility(name="회의실 B"), company_b, at(monday, 10), at(monday, 11))
    make_resident(company_a)
    (ok,) = book(member_a, residents, company_a, at(monday, 10), at(monday, 11))
    (staff_made,) = book(staff_user, staff_only, None, at(monday, 10), at(monday, 11))
    assert ok.status == staff_made.status == "confirmed"


def test_approval_flow_notifies_the_booker(member_a, company_a, staff_user,
                                           django_capture_on_commit_callbacks):
    room = make_facility(name="세미나홀", kind="seminar_hall", approval_required=True, capacity=80)
    monday = next_monday()
    (made,) = book(member_a, room, company_a, at(monday, 13), at(monday, 17), headcount=50)
    assert made.status == "pending"
    with pytest.raises(DomainError):
        decide_reservation(actor=member_a, reservation=made, approve=True)
    with django_capture_on_commit_callbacks(execute=True):
        decided = decide_reservation(actor=staff_user, reservation=made, approve=True)
    assert decided.status == "confirmed"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member_a.email]
    assert "예약 확정" in mail.outbox[0].subject
