"""Matrix entries for the staff pages and API of rooms (facilities) and meisters (see matrix.py).

Everything here is staff work: other roles are refused (403, or the login page for anonymous).
"""

from .matrix import STAFF, api, page


def _room_form(w, role) -> dict:
    body = {
        "center": "startup", "kind": "meeting_room", "name": "권한 세미나실", "location": "2층",
        "description": "", "capacity": "12", "equipment": "빔프로젝터", "buffer_minutes": "10",
        "booking_policy": "members", "opens_0": "09:00", "closes_0": "18:00",
        "version": str(w.facility.version),
    }
    return body


def _room_json(w, role) -> dict:
    return {
        "center": "startup", "kind": "meeting_room", "name": "권한 세미나실", "capacity": 12,
        "equipment": ["빔프로젝터"], "opening_hours": {"0": ["09:00", "18:00"]},
        "buffer_minutes": 10,
    }


def _photo(w, role) -> dict:
    from meisterhub.programs.tests.factories import png

    return {"photo": png(), "photo_caption": "전경"}


def _meister_form(w, role) -> dict:
    return {
        "name": "권한 마이스터", "title": "명장", "field_1": "WELD", "career": "용접 30년",
        "keywords": "TIG", "weekdays": ["1"], "is_active": "on",
        "version": str(w.meister_x.version),
    }


def _meister_json(w, role) -> dict:
    return {"name": "권한 마이스터", "title": "명장", "fields": ["WELD"], "weekdays": ["1"]}


def _uninvited_meister(w) -> int:
    """A meister without a login account yet (the invitation's target). Called once per test
    (url_of), inside the test's savepoint: the world itself stays as it is."""
    from meisterhub.meisters.tests.factories import make_meister

    return make_meister(name="초대 대상").pk


ROOMS = [
    page("facilities:manage_list", read=STAFF),
    page("facilities:manage_create", read=STAFF, write=STAFF, body=_room_form),
    page("facilities:manage_edit", lambda w: (w.facility.pk,), read=STAFF, write=STAFF,
         body=_room_form),
    page("facilities:manage_active", lambda w: (w.facility.pk,), write=STAFF,
         body=lambda w, r: {"active": "0"}),
    page("facilities:manage_copy", lambda w: (w.facility.pk,), write=STAFF),
    page("facilities:manage_photo_add", lambda w: (w.facility.pk,), write=STAFF, body=_photo),
    page("facilities:manage_photo_remove", lambda w: (w.facility_photo.pk,), write=STAFF),
    api("GET /api/facilities/manage/", allowed=STAFF),
    api("POST /api/facilities/manage/", allowed=STAFF, body=_room_json),
    api("GET /api/facilities/manage/{facility_id}", lambda w: {"facility_id": w.facility.pk},
        allowed=STAFF),
    api("PUT /api/facilities/manage/{facility_id}", lambda w: {"facility_id": w.facility.pk},
        allowed=STAFF, body=_room_json),
    api("POST /api/facilities/manage/{facility_id}/active",
        lambda w: {"facility_id": w.facility.pk}, allowed=STAFF,
        body=lambda w, r: {"active": False}),
    api("POST /api/facilities/manage/{facility_id}/copy",
        lambda w: {"facility_id": w.facility.pk}, allowed=STAFF),
]

MEISTERS = [
    page("meisters:manage_list", read=STAFF),
    page("meisters:manage_create", read=STAFF, write=STAFF, body=_meister_form),
    page("meisters:manage_edit", lambda w: (w.meister_x.pk,), read=STAFF, write=STAFF,
         body=_meister_form),
    page("meisters:manage_invite", lambda w: (_uninvited_meister(w),), write=STAFF,
         body=lambda w, r: {"email": "invited.meister@example.kr"}),
    api("GET /api/meisters/manage/", allowed=STAFF),
    api("POST /api/meisters/manage/", allowed=STAFF, body=_meister_json),
    api("GET /api/meisters/manage/{meister_id}", lambda w: {"meister_id": w.meister_x.pk},
        allowed=STAFF),
    api("PUT /api/meisters/manage/{meister_id}", lambda w: {"meister_id": w.meister_x.pk},
        allowed=STAFF, body=_meister_json),
    api("POST /api/meisters/manage/{meister_id}/invite",
        lambda w: {"meister_id": _uninvited_meister(w)}, allowed=STAFF,
        body=lambda w, r: {"email": "invited.meister@example.kr"}),
]

ENTRIES = [*ROOMS, *MEISTERS]
