"""The decision endpoints: the same services, Korean `detail` on every refusal."""

import json
from datetime import time

import pytest

from ..models import Booking, BookingStatus
from ..services import book_consultation
from ..slots import aware
from .factories import bookable_day, field, make_sitting_meister

pytestmark = pytest.mark.django_db
BASE = "/api/consultations/bookings"


@pytest.fixture
def meister(taxonomy):
    return make_sitting_meister(weekday=1, end_time=time(14))


@pytest.fixture
def day():
    return bookable_day(1)


@pytest.fixture
def booking(meister, day, member_a, company_a):
    return book_consultation(
        actor=member_a,
        company=company_a,
        field=field(),
        meister=meister,
        starts_at=aware(day, time(10)),
        problem="도금 불량",
    )


def post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def answer(response) -> tuple[int, object]:
    body = response.json()
    return response.status_code, body.get("detail", body.get("status"))


def test_meister_declines_with_a_reason_only(client, booking, meister, member_a):
    url = f"{BASE}/{booking.pk}/decline"
    assert post(client, url, {"reason": "x"}).status_code == 401
    client.force_login(member_a)
    assert answer(post(client, url, {"reason": "x"})) == (
        403,
        "담당 마이스터나 운영자만 처리할 수 있습니다.",
    )
    client.force_login(make_sitting_meister(weekday=2).user)
    assert answer(post(client, url, {"reason": "x"})) == (404, "상담을 찾을 수 없습니다.")
    client.force_login(meister.user)
    assert answer(post(client, url, {"reason": ""})) == (
        400,
        "거절 사유를 적어 주세요. 기업에 함께 알립니다.",
    )
    declined = post(client, url, {"reason": "분야가 다릅니다"})
    assert declined.status_code == 200
    assert (declined.json()["status"], declined.json()["decision_reason"]) == (
        "declined",
        "분야가 다릅니다",
    )


def test_propose_accept_with_taken_slot_conflict(
    client, booking, meister, day, member_a, member_b, company_b
):
    client.force_login(meister.user)
    url = f"{BASE}/{booking.pk}/propose"
    assert answer(post(client, url, {"starts_at": "다음 주"}))[0] == 400
    assert answer(post(client, url, {"starts_at": "2030-01-01T10:00:00"}))[0] == 400
    proposed = post(client, url, {"starts_at": aware(day, time(12)).isoformat(), "reason": "출장"})
    assert proposed.status_code == 200
    assert proposed.json()["status"] == "proposed" and proposed.json()["sequence"] == 1
    # Company B takes 12:00 first: accepting now is a conflict and changes nothing.
    client.force_login(member_b)
    book_consultation(
        actor=member_b,
        company=company_b,
        field=field(),
        meister=meister,
        starts_at=aware(day, time(12)),
        problem="다른 문의",
    )
    assert answer(post(client, f"{BASE}/{booking.pk}/accept-proposal"))[0] == 404
    client.force_login(member_a)
    conflict = post(client, f"{BASE}/{booking.pk}/accept-proposal")
    assert answer(conflict) == (
        409,
        "그 사이에 다른 기업이 그 시간을 예약했습니다. 다른 시간을 골라 주세요.",
    )
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.PROPOSED
    rejected = post(client, f"{BASE}/{booking.pk}/reject-proposal")
    assert rejected.json()["status"] == "cancelled"


def test_reschedule_and_stale_sequence(client, booking, meister, day, member_a):
    client.force_login(member_a)
    url = f"{BASE}/{booking.pk}/reschedule"
    moved = post(client, url, {"starts_at": aware(day, time(13)).isoformat(), "sequence": 0})
    assert (moved.status_code, moved.json()["starts_at"][11:16]) == (200, "13:00")
    stale = post(client, url, {"starts_at": aware(day, time(11)).isoformat(), "sequence": 0})
    assert stale.status_code == 409
    assert stale.json()["detail"].startswith("다른 사용자가 먼저 이 상담을 바꾸었습니다.")
    client.force_login(meister.user)
    refused = post(client, url, {"starts_at": aware(day, time(11)).isoformat()})
    assert answer(refused) == (403, "이 상담의 기업만 처리할 수 있습니다.")
    confirmed = post(client, f"{BASE}/{booking.pk}/confirm", {"sequence": 1})
    assert confirmed.json()["status"] == "confirmed"


def test_decision_operations_are_in_the_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for name in (
        "confirm",
        "decline",
        "propose",
        "accept-proposal",
        "reject-proposal",
        "reschedule",
    ):
        assert "post" in paths[f"{BASE}/{{booking_id}}/{name}"]
