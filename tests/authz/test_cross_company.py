"""Member B acting for company A: every route that creates something for a company must refuse
it and change nothing, while the same request for B's own company goes through."""

import pytest

from .matrix import api, page
from .matrix_api import _booking_body, _reservation_body
from .matrix_pages import _reserve_body
from .matrix_pages_more import _entry_body
from .probe import client_for, send, url_of


def _with_company(body_of, key="company"):
    """The body of a role's own request, naming company A or B explicitly."""

    def build(w, company):
        body = body_of(w, "member_b")
        body[key] = company.pk if key.endswith("_id") else str(company.pk)
        return body

    return build


def _inquiry(w, company):
    return {
        "category": "technical",
        "title": "열처리 문의",
        "body": "경도가 부족합니다.",
        "company": str(company.pk),
    }


def _inquiry_api(w, company):
    return {
        "category": "technical",
        "title": "열처리 문의",
        "body": "경도가 부족합니다.",
        "company_id": company.pk,
    }


CASES = [
    (
        api("POST /api/consultations/bookings", allowed=frozenset()),
        _with_company(_booking_body, "company_id"),
    ),
    (
        page("consultations:new"),
        lambda w, c: {
            "company": str(c.pk),
            "field": "WELD",
            "meister": str(w.meister_x.pk),
            "problem": "균열",
        },
    ),
    (page("facilities:reserve", lambda w: (w.facility.pk,)), _with_company(_reserve_body)),
    (
        api(
            "POST /api/facilities/{facility_id}/reservations",
            lambda w: {"facility_id": w.facility.pk},
            allowed=frozenset(),
        ),
        _with_company(_reservation_body, "company_id"),
    ),
    (page("events:register", lambda w: (w.event.pk,)), lambda w, c: {"company": str(c.pk)}),
    (
        api(
            "POST /api/events/{event_id}/registrations",
            lambda w: {"event_id": w.event.pk},
            allowed=frozenset(),
        ),
        lambda w, c: {"company_id": c.pk},
    ),
    (page("events:contest_submit", lambda w: (w.contest.event_id,)), _with_company(_entry_body)),
    (
        page("programs:application_start", lambda w: (w.call.pk,)),
        lambda w, c: {"company": str(c.pk)},
    ),
    (
        page("network:transfer_new", lambda w: (w.technology.pk,)),
        lambda w, c: {"company": str(c.pk), "message": "검토"},
    ),
    (page("network:inquiry_new"), _inquiry),
    (api("POST /api/network/inquiries", allowed=frozenset()), _inquiry_api),
]
# Booking through the page needs a slot picked from the form's own choices: refusal only.
WITHOUT_CONTROL = {"consultations:new"}
# A member of one company gets no company field on the inquiry form: the inquiry is theirs,
# so here only "no inquiry of company A was made" is asserted.
IGNORES_COMPANY = {"network:inquiry_new"}


def inquiries_of_a(w):
    from meisterhub.network.models import Inquiry

    return lambda: Inquiry.objects.filter(company=w.company_a).count()


@pytest.mark.parametrize(("entry", "body_for"), CASES, ids=[e.key for e, _ in CASES])
def test_member_b_cannot_act_for_company_a(db, world, entry, body_for):
    url = url_of(entry, world)
    client = client_for(world.member_b)
    count_a = inquiries_of_a(world)
    for_a = send(
        client,
        entry,
        url,
        method=entry.method,
        body=body_for(world, world.company_a),
        inspect=count_a,
    )
    assert for_a.status < 500, for_a.describe()
    if entry.key in IGNORES_COMPANY:
        assert for_a.seen == count_a(), "member B made an inquiry for company A"
        return
    assert for_a.status not in (200, 201) or (entry.method == "POST" and not entry.is_api), (
        for_a.describe()
    )
    assert not for_a.changed, f"member B acted for company A: {for_a.describe()}"
    assert world.company_a.name not in for_a.text
    if entry.key not in WITHOUT_CONTROL:
        for_b = send(client, entry, url, method=entry.method, body=body_for(world, world.company_b))
        assert for_b.changed, f"the control request for company B failed: {for_b.describe()}"
