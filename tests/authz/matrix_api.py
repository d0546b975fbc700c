"""Matrix entries for the JSON API, one per OpenAPI operation (see matrix.py for the fields)."""

from datetime import time

from django.utils import timezone

from .matrix import (
    EVALUATOR,
    MEISTER_X,
    MEMBER_A,
    MEMBERS,
    OWNER,
    PUBLIC,
    SIGNED_IN,
    api,
    own_company,
    roles,
)


def _booking_body(w, role) -> dict:
    from meisterhub.consultations.slots import aware
    from meisterhub.consultations.tests.factories import bookable_day

    return {
        "company_id": own_company(w, role).pk,
        "field": "WELD",
        "meister_id": w.meister_x.pk,
        "starts_at": aware(bookable_day(1), time(11)).isoformat(),
        "problem": "프레스 금형 마모가 빠릅니다.",
    }


def _reservation_body(w, role) -> dict:
    from meisterhub.facilities.tests.factories import at, next_monday

    day = next_monday(4)
    return {
        "company_id": None if role == "staff" else own_company(w, role).pk,
        "starts_at": at(day, 10).isoformat(),
        "ends_at": at(day, 11).isoformat(),
        "headcount": 2,
        "purpose": "팀 회의",
        "weeks": 1,
    }


def _scores_body(w, role) -> dict:
    criteria = w.application.call.criteria.all()
    return {"scores": {str(c.pk): "7" for c in criteria}, "comment": "", "submit": False}


def _inquiry_body(w, role) -> dict:
    return {
        "category": "technical",
        "title": "도금 불량 문의",
        "body": "도금 두께가 고르지 않습니다.",
        "name": "홍길동",
        "email": "hong@example.kr",
        "phone": "010-1234-5678",
    }


A_NAME = (lambda w: w.company_a.name, OWNER(MEISTER_X))
TODAY = timezone.localdate


API = [
    api("GET /api/meisters/fields", allowed=PUBLIC),
    api("GET /api/meisters/", allowed=PUBLIC),
    api("GET /api/meisters/{meister_id}", lambda w: {"meister_id": w.meister_x.pk}, allowed=PUBLIC),
    api(
        "GET /api/consultations/meisters/{meister_id}/slots",
        lambda w: {"meister_id": w.meister_x.pk},
        allowed=PUBLIC,
    ),
    api("POST /api/consultations/bookings", allowed=MEMBERS, body=_booking_body),
    api(
        "GET /api/consultations/bookings/mine",
        allowed=SIGNED_IN,
        hides=(lambda w: f'"id":{w.booking.pk},', OWNER(MEISTER_X)),
    ),
    api(
        "POST /api/consultations/bookings/{booking_id}/cancel",
        lambda w: {"booking_id": w.booking.pk},
        allowed=OWNER(),
        body=lambda w, r: {"reason": "일정 변경"},
    ),
    api("GET /api/mentoring/", allowed=SIGNED_IN, hides=A_NAME),
    api(
        "GET /api/mentoring/{engagement_id}",
        lambda w: {"engagement_id": w.mentoring.pk},
        allowed=OWNER(MEISTER_X),
    ),
    api("GET /api/facilities/", allowed=PUBLIC),
    api(
        "GET /api/facilities/{facility_id}/busy",
        lambda w: {"facility_id": w.facility.pk},
        allowed=PUBLIC,
        hides=(lambda w: w.reservation.purpose, roles()),
    ),
    api(
        "POST /api/facilities/{facility_id}/reservations",
        lambda w: {"facility_id": w.facility.pk},
        allowed=roles(MEMBER_A, "member_b", "staff"),
        body=_reservation_body,
    ),
    api(
        "POST /api/facilities/reservations/{reservation_id}/cancel",
        lambda w: {"reservation_id": w.reservation.pk},
        allowed=OWNER(),
    ),
    api("GET /api/events/", allowed=PUBLIC),
    api(
        "POST /api/events/{event_id}/registrations",
        lambda w: {"event_id": w.event.pk},
        allowed=SIGNED_IN,
        body=lambda w, r: {},
    ),
    api(
        "POST /api/events/registrations/{registration_id}/cancel",
        lambda w: {"registration_id": w.registration.pk},
        allowed=OWNER(),
    ),
    api("GET /api/programs/calls", allowed=PUBLIC),
    api(
        "GET /api/programs/my/applications",
        allowed=SIGNED_IN,
        hides=(lambda w: f'"id":{w.application.pk},', roles(MEMBER_A)),
    ),
    api(
        "GET /api/programs/evaluations",
        allowed=SIGNED_IN,
        hides=(lambda w: f'"id":{w.assignment.pk},', roles(EVALUATOR)),
    ),
    api(
        "POST /api/programs/evaluations/{assignment_id}/scores",
        lambda w: {"assignment_id": w.assignment.pk},
        allowed=roles(EVALUATOR),
        body=_scores_body,
    ),
    api("POST /api/network/inquiries", allowed=PUBLIC, body=_inquiry_body),
    api(
        "GET /api/network/inquiries/mine",
        allowed=SIGNED_IN,
        hides=(lambda w: w.inquiry.title, OWNER(MEISTER_X)),
    ),
    api("GET /api/network/technologies", allowed=PUBLIC),
]
