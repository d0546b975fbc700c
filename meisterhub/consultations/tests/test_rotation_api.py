"""The rotation API: same rules as the pages, Korean details, 409 with the affected bookings."""

import json
from datetime import time

import pytest
from django.utils import timezone

from ..models import Booking, BookingStatus, MeisterLeave, RotationBlock
from ..services import book_consultation
from ..slots import aware
from .factories import bookable_day, field, make_sitting_meister

pytestmark = pytest.mark.django_db


@pytest.fixture
def meister(taxonomy):
    return make_sitting_meister(weekday=1)


@pytest.fixture
def block(meister):
    return meister.rotation_blocks.get()


def send(client, method, url, body=None):
    return client.generic(method, url, json.dumps(body or {}), content_type="application/json")


def test_a_meister_adds_and_lists_own_blocks(client, meister):
    client.force_login(meister.user)
    url = f"/api/rotation/meisters/{meister.pk}/blocks"
    created = send(client, "POST", url, {"weekday": 3, "start_time": "14:00", "end_time": "16:00"})
    assert created.status_code == 201, created.content
    assert created.json()["place"] == "기술인 카페" and created.json()["start_time"] == "14:00"
    listed = client.get(url).json()
    assert [(b["weekday"], b["start_time"]) for b in listed] == [(1, "10:00"), (3, "14:00")]


def test_bad_input_gives_a_korean_detail_and_saves_nothing(client, meister):
    client.force_login(meister.user)
    url = f"/api/rotation/meisters/{meister.pk}/blocks"
    response = send(client, "POST", url, {"weekday": 3, "start_time": "16:00", "end_time": "14:00"})
    assert response.status_code == 400
    assert response.json() == {
        "detail": "종료 시각이 시작 시각보다 늦어야 합니다.",
        "field": "end_time",
    }
    response = send(client, "POST", url, {"weekday": 3, "start_time": "25:99", "end_time": "14:00"})
    assert response.status_code == 400 and response.json()["detail"].startswith("시작 시각:")
    response = send(client, "POST", url, {"weekday": 1, "start_time": "11:00", "end_time": "13:00"})
    assert response.status_code == 400 and "겹칩니다" in response.json()["detail"]
    assert RotationBlock.objects.count() == 1


def test_other_people_cannot_touch_a_meisters_rotation(client, meister, block, member_a):
    other = make_sitting_meister(weekday=2)
    for user in (other.user, member_a):
        client.force_login(user)
        assert client.get(f"/api/rotation/meisters/{meister.pk}/blocks").status_code == 404
        assert (
            send(
                client, "PATCH", f"/api/rotation/blocks/{block.pk}", {"place": "남의 자리"}
            ).status_code
            == 404
        )
        assert send(client, "DELETE", f"/api/rotation/blocks/{block.pk}").status_code == 404
        assert client.get("/api/rotation/board").status_code == 403
    client.logout()
    assert client.get("/api/rotation/board").status_code == 401
    block.refresh_from_db()
    assert block.place == "기술인 카페"


def test_removing_booked_time_answers_409_with_the_bookings(
    client, meister, block, member_a, company_a, staff_user
):
    booking = book_consultation(
        actor=member_a,
        company=company_a,
        field=field(),
        meister=meister,
        starts_at=aware(bookable_day(1), time(11)),
        problem="도금 불량",
    )
    client.force_login(staff_user)
    url = f"/api/rotation/blocks/{block.pk}"
    refused = send(client, "PATCH", url, {"end_time": "11:00"})
    assert refused.status_code == 409
    body = refused.json()
    assert "1건" in body["detail"]
    assert [(b["id"], b["company"]) for b in body["bookings"]] == [(booking.pk, company_a.name)]
    assert RotationBlock.objects.get(pk=block.pk).end_time == time(12)
    applied = send(client, "PATCH", url, {"end_time": "11:00", "apply_to_bookings": True})
    assert applied.status_code == 200 and applied.json()["end_time"] == "11:00"
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.NEEDS_CHANGE


def test_leave_declare_list_withdraw(client, meister):
    day = bookable_day(1)
    client.force_login(meister.user)
    url = f"/api/rotation/meisters/{meister.pk}/leaves"
    bad = send(client, "POST", url, {"starts_on": f"{day}", "ends_on": "2000-01-01"})
    assert bad.status_code == 400 and bad.json()["field"] == "ends_on"
    created = send(client, "POST", url, {"starts_on": f"{day}", "ends_on": f"{day}"})
    assert created.status_code == 201
    assert [lv["id"] for lv in client.get(url).json()] == [created.json()["id"]]
    gone = send(client, "DELETE", f"/api/rotation/leaves/{created.json()['id']}")
    assert gone.status_code == 204 and not MeisterLeave.objects.exists()


def test_the_board_api_for_staff(client, staff_user, meister, block):
    client.force_login(staff_user)
    day = bookable_day(1)
    data = client.get("/api/rotation/board", {"week": f"{day}"}).json()
    row = next(r for r in data["rows"] if r["meister_id"] == meister.pk)
    tuesday = next(c for c in row["cells"] if c["day"] == f"{day}")
    assert [b["id"] for b in tuesday["blocks"]] == [block.pk]
    assert data["monday"] <= f"{day}" and timezone.localdate() <= day


def test_openapi_lists_the_rotation_operations(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {
        "/api/rotation/board",
        "/api/rotation/blocks/{block_id}",
        "/api/rotation/meisters/{meister_id}/leaves",
    } <= set(paths)
