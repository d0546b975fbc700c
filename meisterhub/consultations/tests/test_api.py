import json
from datetime import time

import pytest

from ..models import Booking, BookingStatus
from ..slots import aware
from .factories import bookable_day, make_sitting_meister

pytestmark = pytest.mark.django_db
BASE = "/api/consultations"


@pytest.fixture
def meister(taxonomy):
    return make_sitting_meister(weekday=1)


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_free_slots_are_public_and_bounded(client, meister):
    day = bookable_day(1)
    response = client.get(f"{BASE}/meisters/{meister.pk}/slots", {"start": day, "end": day})
    assert response.status_code == 200
    assert [s["place"] for s in response.json()] == ["기술인 카페", "기술인 카페"]
    assert client.get(f"{BASE}/meisters/999999/slots").status_code == 404
    too_long = client.get(
        f"{BASE}/meisters/{meister.pk}/slots", {"start": "2030-01-01", "end": "2031-01-01"}
    )
    assert too_long.status_code == 400
    assert too_long.json()["detail"] == "조회 기간은 시작일부터 92일 이내로 정하세요."


def test_book_list_cancel_with_korean_errors(
    client, meister, member_a, company_a, member_b, company_b
):
    starts = aware(bookable_day(1), time(10)).isoformat()
    payload = {
        "company_id": company_a.pk,
        "field": "weld",
        "meister_id": meister.pk,
        "starts_at": starts,
        "problem": "용접 비드 불량",
    }
    assert post(client, f"{BASE}/bookings", payload).status_code == 401
    client.force_login(member_a)
    created = post(client, f"{BASE}/bookings", payload)
    assert created.status_code == 201
    assert created.json()["status"] == "requested"
    client.force_login(member_b)
    taken = post(client, f"{BASE}/bookings", {**payload, "company_id": company_b.pk})
    assert (taken.status_code, taken.json()["detail"]) == (409, "이미 예약된 시간입니다.")
    foreign = post(client, f"{BASE}/bookings", payload)
    assert (foreign.status_code, foreign.json()["detail"]) == (
        403,
        "소속된 기업으로만 상담을 신청할 수 있습니다.",
    )
    booking_id = created.json()["id"]
    assert post(client, f"{BASE}/bookings/{booking_id}/cancel", {}).status_code == 404
    assert client.get(f"{BASE}/bookings/mine").json() == {"items": [], "count": 0}
    client.force_login(member_a)
    mine = client.get(f"{BASE}/bookings/mine").json()
    assert ([b["id"] for b in mine["items"]], mine["count"]) == ([booking_id], 1)
    cancelled = post(client, f"{BASE}/bookings/{booking_id}/cancel", {"reason": "일정 변경"})
    assert cancelled.json()["status_display"] == "취소"
    again = post(client, f"{BASE}/bookings/{booking_id}/cancel", {})
    assert (again.status_code, again.json()["detail"]) == (
        400,
        "‘취소’ 상태의 상담은 취소할 수 없습니다.",
    )
    assert Booking.objects.get().status == BookingStatus.CANCELLED
