"""Staff room management: services, pages and API (create, edit with locking, stop, copy)."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.errors import DomainError
from meisterhub.core.history import history_of
from meisterhub.core.locking import StaleEdit
from meisterhub.facilities.manage_services import (
    copy_facility,
    create_facility,
    set_facility_active,
    update_facility,
)
from meisterhub.facilities.models import Facility, FacilityPhoto

from .factories import make_facility

pytestmark = pytest.mark.django_db

VALUES = {
    "center": "meister", "kind": "seminar_hall", "name": "세미나홀 B", "location": "본관 3층",
    "description": "발표 장비가 있습니다.", "capacity": 40, "equipment": ["마이크", "스크린"],
    "opening_hours": {"0": ["09:00", "18:00"], "2": ["10:00", "16:00"]},
    "booking_policy": "residents", "approval_required": True, "buffer_minutes": 30,
}


def png(name="room.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/png")


def form_data(**overrides) -> dict:
    data = {
        "center": "startup", "kind": "meeting_room", "name": "회의실 C", "location": "2층",
        "description": "", "capacity": "8", "equipment": "빔프로젝터\n화이트보드",
        "buffer_minutes": "15", "booking_policy": "members",
        "opens_0": "09:00", "closes_0": "18:00", "opens_4": "09:00", "closes_4": "12:00",
    }
    data.update(overrides)
    return data


# Services


def test_staff_creates_a_room_and_the_history_reads_in_korean(staff_user):
    room = create_facility(actor=staff_user, **VALUES)
    assert (room.name, room.version, room.is_active) == ("세미나홀 B", 1, True)
    assert room.opening_hours == {"0": ["09:00", "18:00"], "2": ["10:00", "16:00"]}
    entry = history_of(room).get()
    assert entry.action == "facilities.facility.created"
    assert entry.changes["buffer_minutes"] == 30


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"buffer_minutes": 600}, "buffer_minutes", "정리 시간은 0분에서 240분 사이로 입력하세요."),
    ({"buffer_minutes": 240, "opening_hours": {"0": ["09:00", "12:00"], "1": ["09:00", "11:00"]}},
     "buffer_minutes", "정리 시간(240분)이 가장 짧은 운영 시간(120분)보다 깁니다."),
    ({"opening_hours": {"3": ["18:00", "09:00"]}}, "closes_3",
     "목요일: 닫는 시간은 여는 시간보다 늦어야 합니다."),
    ({"opening_hours": {"1": ["09:00", "09:00"]}}, "closes_1",
     "화요일: 닫는 시간은 여는 시간보다 늦어야 합니다."),
    ({"opening_hours": {"8": ["09:00", "18:00"]}}, "opening_hours",
     "알 수 없는 요일입니다: 8 (0=월 … 6=일)"),
    ({"capacity": 0}, "capacity", "수용 인원은 1명에서 1000명 사이로 입력하세요."),
    ({"name": "  "}, "name", "시설명을 입력하세요."),
    ({"kind": "garage"}, "kind", "알 수 없는 시설 유형입니다: garage"),
])
def test_bad_room_values_are_refused_beside_their_field_and_nothing_is_saved(
        staff_user, changes, field, message):
    with pytest.raises(DomainError) as caught:
        create_facility(actor=staff_user, **{**VALUES, **changes})
    assert (caught.value.field, caught.value.message) == (field, message)
    assert not Facility.objects.exists()


def test_a_non_image_photo_refuses_the_whole_room(staff_user):
    fake = SimpleUploadedFile("room.png", b"<script>alert(1)</script>", "image/png")
    with pytest.raises(DomainError) as caught:
        create_facility(actor=staff_user, photo=fake, **VALUES)
    assert caught.value.field == "photo" and "이미지 파일이 아닙니다" in caught.value.message
    assert not Facility.objects.exists() and not FacilityPhoto.objects.exists()


def test_only_staff_manage_rooms(member_a):
    with pytest.raises(DomainError) as caught:
        create_facility(actor=member_a, **VALUES)
    assert caught.value.code == "forbidden"
    assert not Facility.objects.exists()


def test_a_stale_edit_is_refused_with_what_changed_meanwhile(staff_user):
    room = create_facility(actor=staff_user, **VALUES)
    other = UserFactory(role="staff", username="staff2", full_name="이운영")
    update_facility(actor=other, facility=room, version=1, **{**VALUES, "capacity": 30})
    with pytest.raises(StaleEdit) as caught:
        update_facility(actor=staff_user, facility=room, version=1,
                        **{**VALUES, "name": "세미나홀 C"})
    assert caught.value.code == "conflict"
    assert "수용 인원(40 → 30)" in caught.value.message
    room.refresh_from_db()
    assert (room.name, room.capacity, room.version) == ("세미나홀 B", 30, 2)


def test_an_edit_without_changes_leaves_no_history_and_keeps_the_version(staff_user):
    room = create_facility(actor=staff_user, **VALUES)
    update_facility(actor=staff_user, facility=room, version=1, **VALUES)
    room.refresh_from_db()
    assert room.version == 1 and history_of(room).count() == 1


def test_stopping_a_room_refuses_new_bookings_and_resuming_allows_them(staff_user, member_a):
    from meisterhub.facilities.permissions import booking_refusal

    room = make_facility()
    set_facility_active(actor=staff_user, facility=room, active=False)
    room.refresh_from_db()
    assert booking_refusal(member_a, room, None) == "지금은 예약을 받지 않는 시설입니다."
    with pytest.raises(DomainError):
        set_facility_active(actor=staff_user, facility=room, active=False)
    set_facility_active(actor=staff_user, facility=room, active=True)
    room.refresh_from_db()
    assert room.is_active and room.version == 3
    assert [e.action for e in history_of(room)][:2] == [
        "facilities.facility.reactivated", "facilities.facility.deactivated"]


def test_a_copy_has_the_settings_and_photos_and_waits_to_be_opened(staff_user):
    room = create_facility(actor=staff_user, photo=png(), photo_caption="전경", **VALUES)
    copy = copy_facility(actor=staff_user, facility=room)
    assert copy.pk != room.pk and copy.name == "세미나홀 B (사본)" and not copy.is_active
    assert (copy.opening_hours, copy.buffer_minutes, copy.equipment) == (
        room.opening_hours, 30, ["마이크", "스크린"])
    photo = copy.photos.get()
    assert photo.caption == "전경" and photo.image.name != room.photos.get().image.name


# Pages


def test_staff_create_a_room_with_weekday_hours_in_the_page(client, staff_user):
    client.force_login(staff_user)
    data = form_data(photo=png(), photo_caption="회의실 전경")
    response = client.post(reverse("facilities:manage_create"), data)
    room = Facility.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("facilities:manage_edit", args=[room.pk])
    assert room.opening_hours == {"0": ["09:00", "18:00"], "4": ["09:00", "12:00"]}
    assert room.equipment == ["빔프로젝터", "화이트보드"] and room.buffer_minutes == 15
    assert room.photos.get().content_type == "image/png"
    page = client.get(response["Location"]).content.decode()
    assert "변경 이력" in page and "<td>시설 등록</td>" in page
    assert "시설 사진 추가: 사진(회의실 전경)" in page


@pytest.mark.parametrize(("data", "beside", "message"), [
    ({"buffer_minutes": "600"}, "id_buffer_minutes", "정리 시간은 0분에서 240분 사이로 입력하세요."),
    ({"opens_2": "18:00", "closes_2": "09:00"}, 'data-weekday="2"',
     "수요일: 닫는 시간은 여는 시간보다 늦어야 합니다."),
    ({"opens_5": "10:00"}, 'data-weekday="5"', "여는 시간과 닫는 시간을 모두 입력하거나"),
])
def test_bad_input_is_shown_beside_its_field_and_nothing_is_saved(
        client, staff_user, data, beside, message):
    client.force_login(staff_user)
    response = client.post(reverse("facilities:manage_create"), form_data(**data))
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    # The message sits in the field's own block (or the weekday's row), not at the top.
    block = body[body.index(beside):]
    assert block.index(message) < block.index("</tr>" if "weekday" in beside else "</div>\n</div>")
    assert "회의실 C" in body  # the input is kept
    assert not Facility.objects.exists()


def test_a_stale_edit_page_keeps_the_input_and_shows_the_changes(client, staff_user):
    room = create_facility(actor=staff_user, **VALUES)
    other = UserFactory(role="staff", username="staff2")
    update_facility(actor=other, facility=room, version=1, **{**VALUES, "capacity": 30})
    client.force_login(staff_user)
    url = reverse("facilities:manage_edit", args=[room.pk])
    response = client.post(url, form_data(name="새 이름", version="1"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "다른 사용자가 먼저 저장했습니다" in body and "수용 인원(40 → 30)" in body
    assert 'value="새 이름"' in body
    room.refresh_from_db()
    assert room.name == "세미나홀 B"
    ok = client.post(url, form_data(name="새 이름", version="2"))
    assert ok.status_code == 302
    room.refresh_from_db()
    assert (room.name, room.version) == ("새 이름", 3)


def test_rooms_pages_are_for_staff_only(client, member_a):
    room = make_facility()
    client.force_login(member_a)
    assert client.get(reverse("facilities:manage_list")).status_code == 403
    assert client.post(reverse("facilities:manage_edit", args=[room.pk]),
                       form_data(version="1")).status_code == 403
    assert client.post(reverse("facilities:manage_active", args=[room.pk]),
                       {"active": "0"}).status_code == 403
    room.refresh_from_db()
    assert room.is_active and room.name == "회의실 A"


@pytest.mark.parametrize("rows", [2, 10])
def test_staff_list_runs_the_same_queries_for_2_or_10_rooms(
        client, staff_user, rows, django_assert_num_queries):
    for n in range(rows):
        room = make_facility(name=f"회의실 {n}", is_active=n % 3 != 0)
        FacilityPhoto.objects.create(facility=room, image=f"x{n}.png", content_type="image/png")
    client.force_login(staff_user)
    # session, user, pending total, page count, page of rooms
    with django_assert_num_queries(5):
        response = client.get(reverse("facilities:manage_list"))
    assert response.content.decode().count("data-facility=") == rows


def test_list_search_and_pending_link(client, staff_user, member_a, company_a):
    from meisterhub.facilities.services import create_reservation

    from .factories import at, next_monday

    room = make_facility(name="투자상담실", approval_required=True)
    make_facility(name="세미나홀")
    create_reservation(actor=member_a, facility=room, company=company_a, headcount=2,
                       purpose="미팅", starts_at=at(next_monday(), 10),
                       ends_at=at(next_monday(), 11))
    client.force_login(staff_user)
    body = client.get(reverse("facilities:manage_list"), {"q": "투자"},
                      HTTP_HX_REQUEST="true").content.decode()
    assert "투자상담실" in body and "세미나홀" not in body
    full = client.get(reverse("facilities:manage_list")).content.decode()
    assert "승인 대기 예약 1건 처리" in full and reverse("facilities:my") in full


def test_photo_upload_of_the_wrong_type_is_shown_beside_the_field(client, staff_user):
    room = make_facility()
    client.force_login(staff_user)
    fake = SimpleUploadedFile("a.png", b"GIF89a not really", "image/png")
    response = client.post(reverse("facilities:manage_photo_add", args=[room.pk]),
                           {"photo": fake})
    assert response.status_code == 400
    assert "이미지 파일이 아닙니다" in response.content.decode()
    assert not room.photos.exists()
    ok = client.post(reverse("facilities:manage_photo_add", args=[room.pk]), {"photo": png()})
    assert ok.status_code == 302 and room.photos.count() == 1
    client.post(reverse("facilities:manage_photo_remove", args=[room.photos.get().pk]))
    assert not room.photos.exists()


# API


def _json(client, method, url, body):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def test_api_creates_edits_with_version_and_answers_409_when_stale(client, staff_user):
    client.force_login(staff_user)
    created = _json(client, "post", "/api/facilities/manage/", VALUES)
    assert created.status_code == 201
    pk = created.json()["id"]
    url = f"/api/facilities/manage/{pk}"
    assert _json(client, "put", url, {**VALUES, "capacity": 20, "version": 1}).status_code == 200
    stale = _json(client, "put", url, {**VALUES, "capacity": 25, "version": 1})
    assert stale.status_code == 409 and "수용 인원(40 → 20)" in stale.json()["detail"]
    detail = client.get(url).json()
    assert detail["version"] == 2 and detail["capacity"] == 20
    assert detail["history"][0]["text"] == "시설 정보 수정: 수용 인원(40 → 20)"


def test_api_bad_input_is_400_with_a_korean_detail_and_saves_nothing(client, staff_user):
    client.force_login(staff_user)
    response = _json(client, "post", "/api/facilities/manage/", {**VALUES, "buffer_minutes": 600})
    assert response.status_code == 400
    assert response.json()["detail"] == "정리 시간은 0분에서 240분 사이로 입력하세요."
    assert not Facility.objects.exists()


def test_api_refuses_other_roles(client, member_a):
    room = make_facility()
    assert client.get("/api/facilities/manage/").status_code == 401
    client.force_login(member_a)
    assert client.get("/api/facilities/manage/").status_code == 403
    assert _json(client, "post", f"/api/facilities/manage/{room.pk}/active",
                 {"active": False}).status_code == 403
    room.refresh_from_db()
    assert room.is_active
