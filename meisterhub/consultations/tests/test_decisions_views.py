"""The decision pages: the meister's home and decide page, the company's detail and move page."""

from datetime import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ..models import Booking, BookingStatus
from ..services import book_consultation
from ..services.decisions import propose_booking_time, reschedule_booking
from ..slots import aware
from .factories import bookable_day, field, make_sitting_meister

pytestmark = pytest.mark.django_db


@pytest.fixture
def meister(taxonomy):
    return make_sitting_meister(weekday=1, end_time=time(16))


@pytest.fixture
def day():
    return bookable_day(1)


def book(member, company, meister, day, hour=10):
    return book_consultation(
        actor=member,
        company=company,
        field=field(),
        meister=meister,
        starts_at=aware(day, time(hour)),
        problem="용접부 기공",
    )


def page_of(response) -> str:
    return response.content.decode()


def error_beside(page: str, name: str, message: str) -> bool:
    """The message right after the field's own control, in the same form group."""
    control = page.index(f'name="{name}"')
    ends = [page.find(mark, control) for mark in ('<div class="form-group', "</form>")]
    end = min(e for e in ends if e > 0)
    return f'<p class="form-hint-invalid" role="alert">{message}' in page[control:end]


def test_meister_home_lists_requests_with_actions(client, meister, day, member_a, company_a):
    booking = book(member_a, company_a, meister, day)
    client.force_login(meister.user)
    page = page_of(client.get(reverse("consultations:meister_home")))
    assert "답이 필요한 상담 신청" in page
    for url in ("meister_confirm", "decline", "propose"):
        assert reverse(f"consultations:{url}", args=[booking.pk]) in page
    # The propose select offers the meister's own free slots, not the booked one.
    assert f'value="{aware(day, time(11)).isoformat()}"' in page
    assert f'<option value="{aware(day, time(10)).isoformat()}"' not in page


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_meister_home_and_company_list_queries_do_not_grow(
    client, meister, day, member_a, company_a
):
    def make(n):
        for i in range(n):
            hour = 10 + i % 6
            booking = book(member_a, company_a, meister, bookable_day(1, weeks=1 + i // 6), hour)
            if i % 3 == 0:
                propose_booking_time(
                    actor=meister.user,
                    booking=booking,
                    starts_at=aware(bookable_day(1, weeks=3), time(10 + i % 6)),
                )

    counts = {}
    for n in (2, 10):
        Booking.objects.all().delete()
        make(n)
        client.force_login(meister.user)
        home = count_queries(client, reverse("consultations:meister_home"))
        client.force_login(member_a)
        mine = count_queries(client, reverse("consultations:my"))
        counts[n] = (home, mine)
    assert counts[2] == counts[10]


def test_meister_confirms_from_home(client, meister, day, member_a, company_a):
    booking = book(member_a, company_a, meister, day)
    client.force_login(meister.user)
    response = client.post(
        reverse("consultations:meister_confirm", args=[booking.pk]), {"sequence": 0}
    )
    assert response.url == reverse("consultations:meister_home")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_other_meister_and_the_company_get_404(client, meister, day, member_a, company_a):
    booking = book(member_a, company_a, meister, day)
    other = make_sitting_meister(weekday=2)
    for user in (other.user, member_a):
        client.force_login(user)
        assert client.get(reverse("consultations:decide", args=[booking.pk])).status_code == 404
        for name in ("meister_confirm", "decline", "propose"):
            url = reverse(f"consultations:{name}", args=[booking.pk])
            assert client.post(url, {"reason": "x"}).status_code == 404
    assert Booking.objects.get().status == BookingStatus.REQUESTED


def test_decline_without_a_reason_shows_the_message_beside_the_field(
    client, meister, day, member_a, company_a
):
    booking = book(member_a, company_a, meister, day)
    client.force_login(meister.user)
    response = client.post(reverse("consultations:decline", args=[booking.pk]), {"reason": " "})
    page = page_of(response)
    assert response.status_code == 200
    assert error_beside(page, "reason", "거절 사유를 적어 주세요. 기업에 함께 알립니다.")
    assert Booking.objects.get().status == BookingStatus.REQUESTED
    response = client.post(
        reverse("consultations:decline", args=[booking.pk]),
        {"reason": "주조 분야입니다.", "sequence": 0},
    )
    assert response.status_code == 302
    assert Booking.objects.get().decision_reason == "주조 분야입니다."


def test_propose_errors_beside_the_slot_and_success(
    client, meister, day, member_a, company_a, member_b, company_b
):
    booking = book(member_a, company_a, meister, day)
    taken = book(member_b, company_b, meister, day, 11)
    client.force_login(meister.user)
    url = reverse("consultations:propose", args=[booking.pk])
    page = page_of(client.post(url, {"slot": "", "reason": "출장"}))
    assert error_beside(page, "slot", "시간을 고르세요.")
    page = page_of(client.post(url, {"slot": "내일 오전", "reason": "출장"}))
    assert error_beside(page, "slot", "목록에서 빈 시간을 고르세요.")
    page = page_of(client.post(url, {"slot": taken.starts_at.isoformat(), "reason": "출장"}))
    assert error_beside(page, "slot", "그 사이에 다른 기업이 그 시간을 예약했습니다.")
    assert 'value="출장"' in page  # the typed reason is kept
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.REQUESTED
    response = client.post(url, {"slot": aware(day, time(12)).isoformat(), "reason": "출장"})
    assert response.status_code == 302
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.PROPOSED


def test_a_stale_decide_page_shows_what_changed_and_keeps_the_input(
    client, meister, day, member_a, company_a
):
    booking = book(member_a, company_a, meister, day)
    reschedule_booking(actor=member_a, booking=booking, starts_at=aware(day, time(13)))
    client.force_login(meister.user)
    response = client.post(
        reverse("consultations:decline", args=[booking.pk]),
        {"reason": "분야가 다릅니다", "sequence": 0},
    )
    page = page_of(response)
    assert 'class="form-errors"' in page and "다른 사용자가 먼저 이 상담을 바꾸었습니다" in page
    assert 'value="분야가 다릅니다"' in page
    assert Booking.objects.get().status == BookingStatus.REQUESTED


def test_company_sees_the_proposal_and_accepts_it(client, meister, day, member_a, company_a):
    booking = book(member_a, company_a, meister, day)
    propose_booking_time(
        actor=meister.user, booking=booking, starts_at=aware(day, time(14)), reason="오전 출장"
    )
    client.force_login(member_a)
    page = page_of(client.get(reverse("consultations:detail", args=[booking.pk])))
    assert "마이스터가 다른 시간을 제안했습니다" in page and "오전 출장" in page
    assert reverse("consultations:accept_proposal", args=[booking.pk]) in page
    assert "변경 이력" in page and "상담 예약 다른 시간 제안" in page
    my_page = page_of(client.get(reverse("consultations:my")))
    assert "답이 필요한 상담" in my_page
    response = client.post(
        reverse("consultations:accept_proposal", args=[booking.pk]), {"sequence": 1}, follow=True
    )
    assert "제안된 시간으로 상담이 확정되었습니다." in page_of(response)
    booking.refresh_from_db()
    assert (booking.status, booking.starts_at) == (BookingStatus.CONFIRMED, aware(day, time(14)))


def test_accepting_a_taken_proposal_says_so(
    client, meister, day, member_a, company_a, member_b, company_b
):
    booking = book(member_a, company_a, meister, day)
    propose_booking_time(actor=meister.user, booking=booking, starts_at=aware(day, time(14)))
    book(member_b, company_b, meister, day, 14)
    client.force_login(member_a)
    response = client.post(reverse("consultations:accept_proposal", args=[booking.pk]), follow=True)
    assert "그 사이에 다른 기업이 그 시간을 예약했습니다." in page_of(response)
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.PROPOSED
    client.force_login(member_b)
    url = reverse("consultations:reject_proposal", args=[booking.pk])
    assert client.post(url).status_code == 404


def test_company_reschedules_from_the_detail_page(
    client, meister, day, member_a, company_a, member_b, company_b
):
    booking = book(member_a, company_a, meister, day)
    book(member_b, company_b, meister, day, 11)
    client.force_login(member_a)
    detail = page_of(client.get(reverse("consultations:detail", args=[booking.pk])))
    assert "일정 변경" in detail and f'value="{aware(day, time(12)).isoformat()}"' in detail
    url = reverse("consultations:reschedule", args=[booking.pk])
    page = page_of(client.post(url, {"move-slot": aware(day, time(11)).isoformat()}))
    assert error_beside(page, "move-slot", "그 사이에 다른 기업이 그 시간을 예약했습니다.")
    assert Booking.objects.get(pk=booking.pk).starts_at == aware(day, time(10))
    response = client.post(url, {"move-slot": aware(day, time(12)).isoformat()})
    assert response.url == reverse("consultations:detail", args=[booking.pk])
    assert Booking.objects.get(pk=booking.pk).starts_at == aware(day, time(12))
    client.force_login(meister.user)
    assert client.get(url).status_code == 404
