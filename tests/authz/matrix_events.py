"""Matrix entries for the staff pages and API of events and contests, 행사 관리 (see matrix.py).

Everything here is staff work: other roles are refused (403, 401, or the login page).
"""

from datetime import timedelta

from django.utils import timezone

from .matrix import STAFF, api, page

LOCAL = "%Y-%m-%dT%H:%M"
TIMES = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")


def _event_form(w, role) -> dict:
    times = {name: timezone.localtime(getattr(w.event, name)).strftime(LOCAL) for name in TIMES}
    return {
        "title": "권한 설명회 (수정)", "kind": "briefing", "area": "hydrogen", "description": "",
        "place": "창원컨벤션센터 301호", "facility": "", "capacity": "20",
        "allow_individuals": "on", "waitlist_enabled": "on",
        "version": str(w.event.version), **times,
    }


def _event_json(w, role) -> dict:
    times = {name: getattr(w.event, name).isoformat() for name in TIMES}
    return {"title": "권한 설명회 (수정)", "kind": "briefing", "area": "hydrogen",
            "place": "창원컨벤션센터 301호", "capacity": 20, **times}


def _contest_form(w, role) -> dict:
    deadline = (timezone.localtime() + timedelta(days=5)).strftime(LOCAL)
    return {"submission_deadline": deadline,
            "criteria-TOTAL_FORMS": "2", "criteria-INITIAL_FORMS": "2",
            "criteria-0-name": "기술성", "criteria-0-weight": "50", "criteria-0-max_score": "10",
            "criteria-1-name": "시장성", "criteria-1-weight": "50", "criteria-1-max_score": "10"}


def _contest_json(w, role) -> dict:
    deadline = (timezone.now() + timedelta(days=5)).isoformat()
    return {"submission_deadline": deadline, "criteria": [
        {"name": "기술성", "weight": 50}, {"name": "시장성", "weight": 50}]}


def _draft(w) -> int:
    """A draft event to publish. Called once per test (url_of), inside the test's savepoint."""
    from meisterhub.events.tests.factories import make_event

    return make_event(title="권한 준비 행사", status="draft").pk


def _draft_contest(w) -> int:
    """A draft contest without judges (the world's evaluator is free to be assigned)."""
    from meisterhub.events.tests.factories import make_contest

    return make_contest(status="draft").event_id


EVENT = lambda w: (w.event.pk,)  # noqa: E731
EVENT_ID = lambda w: {"event_id": w.event.pk}  # noqa: E731

ENTRIES = [
    page("events:manage_list", read=STAFF),
    page("events:manage_create", read=STAFF, write=STAFF, body=_event_form),
    page("events:manage_event", EVENT, read=STAFF, write=STAFF, body=_event_form),
    page("events:manage_publish", lambda w: (_draft(w),), write=STAFF),
    page("events:manage_close", EVENT, write=STAFF),
    page("events:manage_cancel", EVENT, write=STAFF, body=lambda w, r: {"reason": "권한 점검"}),
    page("events:manage_copy", EVENT, write=STAFF),
    page("events:manage_contest", lambda w: (_draft_contest(w),), write=STAFF,
         body=_contest_form),
    page("events:manage_judge_add", lambda w: (_draft_contest(w),), write=STAFF,
         body=lambda w, r: {"judge": str(w.evaluator.pk)}),
    page("events:manage_judge_remove", lambda w: (w.contest.event_id, w.evaluator.pk),
         write=STAFF),
    api("GET /api/events/manage/", allowed=STAFF),
    api("POST /api/events/manage/", allowed=STAFF, body=_event_json),
    api("GET /api/events/manage/{event_id}", EVENT_ID, allowed=STAFF),
    api("PUT /api/events/manage/{event_id}", EVENT_ID, allowed=STAFF, body=_event_json),
    api("POST /api/events/manage/{event_id}/publish", lambda w: {"event_id": _draft(w)},
        allowed=STAFF),
    api("POST /api/events/manage/{event_id}/close", EVENT_ID, allowed=STAFF),
    api("POST /api/events/manage/{event_id}/cancel", EVENT_ID, allowed=STAFF,
        body=lambda w, r: {"reason": "권한 점검"}),
    api("POST /api/events/manage/{event_id}/copy", EVENT_ID, allowed=STAFF),
    api("PUT /api/events/manage/{event_id}/contest", lambda w: {"event_id": _draft_contest(w)},
        allowed=STAFF, body=_contest_json),
    api("POST /api/events/manage/{event_id}/contest/judges",
        lambda w: {"event_id": _draft_contest(w)}, allowed=STAFF,
        body=lambda w, r: {"judge_id": w.evaluator.pk}),
    api("DELETE /api/events/manage/{event_id}/contest/judges/{judge_id}",
        lambda w: {"event_id": w.contest.event_id, "judge_id": w.evaluator.pk},
        allowed=STAFF),
]
