import pytest

from meisterhub.facilities.models import Reservation

from .factories import at, make_facility, next_monday

pytestmark = pytest.mark.django_db


def test_api_create_busy_conflict_and_cancel(client, member_a, member_b, company_a):
    room = make_facility()
    monday = next_monday()
    base = f"/api/facilities/{room.pk}"
    payload = {"company_id": company_a.pk, "starts_at": at(monday, 10).isoformat(),
               "ends_at": at(monday, 11).isoformat(), "headcount": 2, "purpose": "회의"}
    assert client.post(f"{base}/reservations", payload, content_type="application/json"
                       ).status_code == 401
    client.force_login(member_a)
    created = client.post(f"{base}/reservations", payload, content_type="application/json")
    assert created.status_code == 201
    reservation_id = created.json()[0]["id"]
    clash = client.post(f"{base}/reservations", payload, content_type="application/json")
    assert clash.status_code == 409
    assert clash.json()["detail"].startswith("다음 날짜에 이미 예약이 있습니다")
    over = dict(payload, headcount=99, starts_at=at(monday, 13).isoformat(),
                ends_at=at(monday, 14).isoformat())
    bad = client.post(f"{base}/reservations", over, content_type="application/json")
    assert (bad.status_code, bad.json()["detail"]) == (400, "수용 인원(8명)을 넘었습니다.")
    busy = client.get(f"{base}/busy", {"start": at(monday, 0).isoformat()}).json()
    assert len(busy) == 1 and "purpose" not in busy[0]
    client.force_login(member_b)
    assert client.post(f"/api/facilities/reservations/{reservation_id}/cancel"
                       ).status_code == 404
    client.force_login(member_a)
    cancelled = client.post(f"/api/facilities/reservations/{reservation_id}/cancel")
    assert cancelled.json()["status"] == "cancelled"
    assert Reservation.objects.filter(status="confirmed").count() == 0
    assert client.get("/api/facilities/").json()["items"][0]["name"] == "회의실 A"
