"""The staff rotation board (htmx in-place editing) and the meister's 내 일정 page."""

import re
from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ..models import Booking, BookingStatus, Closure, MeisterLeave, RotationBlock
from ..services import book_consultation
from ..services.rotation import declare_leave
from ..slots import aware, monday_of
from .factories import bookable_day, field, make_sitting_meister, upcoming_holiday

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def group_of(html: str, name: str) -> str:
    """The form-group (label, input, errors) of one field."""
    match = re.search(
        rf'<div class="form-group[^"]*">\s*<div class="form-tit"><label for="id_{name}">.*?'
        r"</div>\s*(?=<div class=\"form-group|</div>\s*(?:<div class=\"form-actions|$))",
        html,
        re.S,
    )
    assert match, f"no form group for {name}"
    return match.group(0)


@pytest.fixture
def meister(taxonomy):
    return make_sitting_meister(weekday=1)


@pytest.fixture
def block(meister):
    return meister.rotation_blocks.get()


@pytest.fixture
def booking(meister, member_a, company_a):
    return book_consultation(
        actor=member_a,
        company=company_a,
        field=field(),
        meister=meister,
        starts_at=aware(bookable_day(1), time(11)),
        problem="용접 변형",
    )


def board_url(day) -> str:
    return f"{reverse('consultations:rotation_board')}?week={day:%Y-%m-%d}"


# --- the board -----------------------------------------------------------------------------


def test_the_board_shows_blocks_leave_holidays_closures_and_booking_counts(
    client, staff_user, meister, booking
):
    day = timezone.localdate(booking.starts_at)
    Closure.objects.create(
        starts_on=day + timedelta(days=1), ends_on=day + timedelta(days=1), reason="정기 소독"
    )
    other = make_sitting_meister(weekday=1)
    MeisterLeave.objects.create(meister=other, starts_on=day, ends_on=day, reason="해외 출장")
    client.force_login(staff_user)
    page = client.get(board_url(day)).content.decode()
    monday = monday_of(day)
    assert f"{monday:%Y-%m-%d} ~ {monday + timedelta(days=4):%Y-%m-%d}" in page
    assert meister.name in page and other.name in page
    assert "10:00–12:00" in page and "기술인 카페" in page and "매주" in page
    assert "예약 1건" in page
    assert "휴가: 해외 출장" in page
    assert "정기 소독" in page
    assert f"?week={monday - timedelta(weeks=1):%Y-%m-%d}" in page
    assert f"?week={monday + timedelta(weeks=1):%Y-%m-%d}" in page


def test_the_board_names_korean_holidays(client, staff_user, meister):
    holiday, name = upcoming_holiday()
    client.force_login(staff_user)
    page = client.get(board_url(holiday)).content.decode()
    assert f"공휴일: {name}" in page


def test_the_board_is_for_staff_only(client, meister, member_a):
    assert client.get(reverse("consultations:rotation_board")).status_code == 302
    client.force_login(meister.user)
    assert client.get(reverse("consultations:rotation_board")).status_code == 403
    client.force_login(member_a)
    assert client.get(reverse("consultations:rotation_board")).status_code == 403


def _count_board_queries(client, day) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(board_url(day)).status_code == 200
    return len(ctx.captured_queries)


def test_board_queries_do_not_grow_with_meisters(client, staff_user, taxonomy):
    day = bookable_day(1)
    for _ in range(3):
        make_sitting_meister(weekday=1)
    client.force_login(staff_user)
    few = _count_board_queries(client, day)
    for weekday in range(9):
        m = make_sitting_meister(weekday=weekday % 5)
        MeisterLeave.objects.create(meister=m, starts_on=day, ends_on=day)
    assert RotationBlock.objects.count() == 12
    assert _count_board_queries(client, day) == few


# --- editing in place -----------------------------------------------------------------------


def edit_url(block, day) -> str:
    return f"{reverse('consultations:rotation_block_edit', args=[block.pk])}?day={day:%Y-%m-%d}"


def form_data(**changes) -> dict:
    data = {
        "weekday": "1",
        "start_time": "10:00",
        "end_time": "12:00",
        "place": "기술인 카페",
        "slot_minutes": "60",
        "pattern": "weekly",
    }
    data.update(changes)
    return data


def test_click_edit_gives_an_inline_form_and_saving_rerenders_the_cell(client, staff_user, block):
    day = bookable_day(1)
    client.force_login(staff_user)
    form = client.get(edit_url(block, day), headers=HTMX).content.decode()
    assert form.startswith("<td") and 'hx-post="' in form and 'value="10:00"' in form
    response = client.post(
        edit_url(block, day), form_data(end_time="13:00", place="세미나실"), headers=HTMX
    )
    cell = response.content.decode()
    assert f'id="cell-{block.meister_id}-{day:%Y%m%d}"' in cell
    assert "10:00–13:00" in cell and "세미나실" in cell and "<form" not in cell
    block.refresh_from_db()
    assert (block.end_time, block.place) == (time(13), "세미나실")


def test_moving_a_block_to_another_weekday_updates_both_cells(client, staff_user, block):
    day = bookable_day(1)
    client.force_login(staff_user)
    cells = client.post(edit_url(block, day), form_data(weekday="3"), headers=HTMX)
    html = cells.content.decode()
    thursday = day + timedelta(days=2)
    assert html.startswith(f'<td id="cell-{block.meister_id}-{day:%Y%m%d}"')
    assert re.search(rf'<td id="cell-{block.meister_id}-{thursday:%Y%m%d}"[^>]*hx-swap-oob', html)
    assert RotationBlock.objects.get(pk=block.pk).weekday == 3


def test_bad_input_is_shown_beside_the_field_and_nothing_is_saved(client, staff_user, block):
    day = bookable_day(1)
    client.force_login(staff_user)
    html = client.post(
        edit_url(block, day), form_data(start_time="14:00", end_time="12:00"), headers=HTMX
    ).content.decode()
    assert "종료 시각이 시작 시각보다 늦어야 합니다." in group_of(html, "end_time")
    assert 'value="14:00"' in html  # the input is kept
    html = client.post(
        edit_url(block, day), form_data(start_time="25:00"), headers=HTMX
    ).content.decode()
    assert "form-hint-invalid" in group_of(html, "start_time")
    block.refresh_from_db()
    assert (block.start_time, block.end_time) == (time(10), time(12))


def test_an_overlapping_block_is_refused_beside_start_time(client, staff_user, meister):
    day = bookable_day(1)
    client.force_login(staff_user)
    url = f"{reverse('consultations:rotation_block_new')}?meister={meister.pk}&day={day}"
    html = client.post(
        url, form_data(start_time="11:00", end_time="13:00"), headers=HTMX
    ).content.decode()
    assert "겹칩니다" in group_of(html, "start_time")
    assert RotationBlock.objects.count() == 1
    cell = client.post(url, form_data(start_time="13:00", end_time="15:00"), headers=HTMX)
    assert "13:00–15:00" in cell.content.decode()
    assert RotationBlock.objects.count() == 2


def test_removing_booked_time_lists_the_bookings_then_applies_on_request(
    client, staff_user, block, booking, company_a
):
    day = timezone.localdate(booking.starts_at)
    client.force_login(staff_user)
    html = client.post(
        edit_url(block, day), form_data(end_time="11:00"), headers=HTMX
    ).content.decode()
    assert "이 변경으로 시간이 없어지는 예약" in html
    assert company_a.name in html and f"{day:%Y-%m-%d}" in html and "11:00–12:00" in html
    assert 'name="apply_to_bookings"' in html and "예약을 변경 필요로 두고 적용" in html
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.REQUESTED
    html = client.post(
        edit_url(block, day), form_data(end_time="11:00", apply_to_bookings="1"), headers=HTMX
    ).content.decode()
    assert "‘변경 필요’로 바뀌고 기업에 알린 예약" in html
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.NEEDS_CHANGE


def test_deleting_from_the_board(client, staff_user, block, booking):
    day = timezone.localdate(booking.starts_at)
    client.force_login(staff_user)
    url = f"{reverse('consultations:rotation_block_delete', args=[block.pk])}?day={day}"
    html = client.post(url, headers=HTMX).content.decode()
    assert "예약을 변경 필요로 두고 삭제" in html
    assert RotationBlock.objects.filter(pk=block.pk).exists()
    client.post(url, {"apply_to_bookings": "1"}, headers=HTMX)
    assert not RotationBlock.objects.filter(pk=block.pk).exists()
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.NEEDS_CHANGE


def test_edit_page_without_htmx_shows_the_history(client, staff_user, block):
    client.force_login(staff_user)
    url = reverse("consultations:rotation_block_edit", args=[block.pk])
    response = client.post(url, form_data(place="세미나실"))
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "변경 이력" in page and "장소(기술인 카페 → 세미나실)" in page


# --- the meister's own page -------------------------------------------------------------------


def test_my_schedule_lists_blocks_leave_and_the_slots_companies_see(client, meister):
    day = bookable_day(1)
    declare_leave(actor=meister.user, meister=meister, starts_on=day, ends_on=day, reason="학회")
    client.force_login(meister.user)
    page = client.get(reverse("consultations:my_schedule")).content.decode()
    assert "화요일" in page and "10:00–12:00" in page and "학회" in page
    slots = page.split('id="my-slots"')[1].split("</ul>")[0]
    assert f"{day:%Y-%m-%d}" not in slots
    assert f"{day + timedelta(weeks=1):%Y-%m-%d}" in slots
    assert "휴가 신고" in page and "변경 이력" in page


def test_my_schedule_is_for_meisters(client, member_a, staff_user, meister):
    for user in (member_a, staff_user):
        client.force_login(user)
        assert client.get(reverse("consultations:my_schedule")).status_code == 403


def test_a_meister_adds_edits_and_deletes_own_blocks_only(client, meister, block, taxonomy):
    other = make_sitting_meister(weekday=3)
    client.force_login(meister.user)
    response = client.post(
        reverse("consultations:rotation_block_new"), form_data(weekday="4", meister=str(other.pk))
    )
    assert response.status_code == 302
    assert RotationBlock.objects.filter(meister=meister, weekday=4).exists()
    assert not RotationBlock.objects.filter(meister=other, weekday=4).exists()
    url = reverse("consultations:rotation_block_edit", args=[block.pk])
    assert client.post(url, form_data(end_time="13:00")).status_code == 302
    foreign = other.rotation_blocks.get()
    assert (
        client.get(reverse("consultations:rotation_block_edit", args=[foreign.pk])).status_code
        == 404
    )
    assert (
        client.post(reverse("consultations:rotation_block_delete", args=[foreign.pk])).status_code
        == 404
    )
    assert RotationBlock.objects.filter(pk=foreign.pk).exists()


def test_leave_form_errors_beside_end_date_and_keeps_input(client, meister):
    day = bookable_day(1)
    client.force_login(meister.user)
    html = client.post(
        reverse("consultations:rotation_leave_new"),
        {"starts_on": f"{day}", "ends_on": f"{day - timedelta(days=2)}", "reason": "휴가"},
    ).content.decode()
    assert "종료일이 시작일보다 빠릅니다." in group_of(html, "ends_on")
    assert f'value="{day}"' in html
    assert not MeisterLeave.objects.exists()


def test_leave_over_a_booking_is_listed_then_applied(client, meister, booking, company_a):
    day = timezone.localdate(booking.starts_at)
    client.force_login(meister.user)
    data = {"starts_on": f"{day}", "ends_on": f"{day}", "reason": "병원"}
    html = client.post(reverse("consultations:rotation_leave_new"), data).content.decode()
    assert company_a.name in html and "예약을 변경 필요로 두고 적용" in html
    assert not MeisterLeave.objects.exists()
    response = client.post(
        reverse("consultations:rotation_leave_new"), {**data, "apply_to_bookings": "1"}
    )
    assert response.status_code == 302
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.NEEDS_CHANGE


def test_withdrawing_future_leave(client, meister):
    day = bookable_day(1)
    leave = declare_leave(actor=meister.user, meister=meister, starts_on=day, ends_on=day).instance
    client.force_login(meister.user)
    client.post(reverse("consultations:rotation_leave_withdraw", args=[leave.pk]))
    assert not MeisterLeave.objects.exists()


def test_staff_declare_leave_for_a_chosen_meister(client, staff_user, meister):
    day = bookable_day(1)
    client.force_login(staff_user)
    page = client.get(reverse("consultations:rotation_leave_new")).content.decode()
    assert 'name="meister"' in page
    response = client.post(
        reverse("consultations:rotation_leave_new"),
        {"meister": meister.pk, "starts_on": f"{day}", "ends_on": f"{day}"},
    )
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("consultations:rotation_board")
    )
    assert MeisterLeave.objects.get().meister == meister
