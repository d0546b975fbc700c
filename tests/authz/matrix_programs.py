"""Matrix entries for the staff pages and API of programs and calls (공고 관리), see matrix.py.

Some entries need a record the shared world does not have (a draft call, an evaluator in the
pool); their `args` make it inside the test's own transaction, before any role is tried.
"""

from datetime import timedelta

from django.utils import timezone

from .matrix import STAFF, api, page

FORM_TIME = "%Y-%m-%dT%H:%M"


def _draft(w):
    """A draft call of the world's program, with dates, that staff may publish."""
    from meisterhub.programs import services

    now = timezone.now()
    return services.create_call(actor=w.staff, program=w.call.program, title="권한 초안 공고",
                                opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=20))


def _pooled(w):
    """An evaluator in the call's pool with no assignment: staff may take them out."""
    from meisterhub.programs import services
    from meisterhub.programs.tests.factories import make_evaluator

    evaluator = make_evaluator()
    services.add_pool_evaluator(actor=w.staff, call=w.call, evaluator=evaluator)
    return evaluator


def _optional_document(w):
    return w.call.required_documents.get(name="참고 사진")


def _call_form(w, role) -> dict:
    call = w.call
    local = timezone.localtime
    return {
        "program": call.program_id, "title": "권한 공고 (수정)", "description": call.description,
        "opens_at": local(call.opens_at).strftime(FORM_TIME),
        "closes_at": local(call.closes_at).strftime(FORM_TIME),
        "budget": call.budget, "selection_count": call.selection_count,
        "trim_extremes_min_evaluators": call.trim_extremes_min_evaluators,
        "version": call.version,
    }


def _new_call_form(w, role) -> dict:
    return {"program": w.call.program_id, "title": "권한 새 공고", "budget": 0,
            "selection_count": 1, "trim_extremes_min_evaluators": 5}


def _criteria_form(w, role) -> dict:
    rows = [("기술성", 50), ("사업성", 30), ("파급효과", 20)]
    data = {"criteria-TOTAL_FORMS": len(rows), "criteria-INITIAL_FORMS": 0}
    for n, (name, weight) in enumerate(rows):
        data |= {f"criteria-{n}-name": name, f"criteria-{n}-weight": weight,
                 f"criteria-{n}-max_score": 10}
    return data


def _program_form(w, role) -> dict:
    return {"area": "export", "name": "권한 수출 지원사업", "year": timezone.localdate().year}


PAGES = [
    page("programs:manage_calls", read=STAFF),
    page("programs:manage_call_create", read=STAFF, write=STAFF, body=_new_call_form),
    page("programs:manage_call_preview", read=STAFF),
    page("programs:manage_call_edit", lambda w: (w.call.pk,), read=STAFF, write=STAFF,
         body=_call_form),
    page("programs:manage_call_publish", lambda w: (_draft(w).pk,), write=STAFF),
    page("programs:manage_call_close", lambda w: (w.call.pk,), write=STAFF),
    page("programs:manage_call_copy", lambda w: (w.call.pk,), write=STAFF),
    page("programs:manage_call_document_add", lambda w: (w.call.pk,), write=STAFF,
         body=lambda w, r: {"name": "권한 추가 서류", "accepted_kinds": ["pdf"],
                            "is_required": "on"}),
    page("programs:manage_call_document_remove",
         lambda w: (w.call.pk, _optional_document(w).pk), write=STAFF),
    page("programs:manage_call_criteria", lambda w: (w.call.pk,), write=STAFF,
         body=_criteria_form),
    page("programs:manage_call_pool_add", lambda w: (w.call.pk,), write=STAFF,
         body=lambda w, r: {"evaluator": w.evaluator.pk}),
    page("programs:manage_call_pool_remove", lambda w: (w.call.pk, _pooled(w).pk),
         write=STAFF),
    page("programs:manage_programs", read=STAFF),
    page("programs:manage_program_create", read=STAFF, write=STAFF, body=_program_form),
    page("programs:manage_program_edit", lambda w: (w.call.program_id,), read=STAFF,
         write=STAFF,
         body=lambda w, r: {**_program_form(w, r), "version": w.call.program.version}),
]

BASE = "/api/programs/manage"


def _call_id(w):
    return {"call_id": w.call.pk}


API = [
    api(f"GET {BASE}/calls", allowed=STAFF),
    api(f"POST {BASE}/calls", allowed=STAFF,
        body=lambda w, r: {"program_id": w.call.program_id, "title": "권한 API 공고"}),
    api(f"GET {BASE}/calls/{{call_id}}", _call_id, allowed=STAFF),
    api(f"PATCH {BASE}/calls/{{call_id}}", _call_id, allowed=STAFF,
        body=lambda w, r: {"title": "권한 API 공고 (수정)"}),
    api(f"POST {BASE}/calls/{{call_id}}/publish", lambda w: {"call_id": _draft(w).pk},
        allowed=STAFF),
    api(f"POST {BASE}/calls/{{call_id}}/close", _call_id, allowed=STAFF),
    api(f"POST {BASE}/calls/{{call_id}}/copy", _call_id, allowed=STAFF),
    api(f"POST {BASE}/calls/{{call_id}}/documents", _call_id, allowed=STAFF,
        body=lambda w, r: {"name": "권한 API 서류", "accepted_kinds": ["pdf", "hwp"]}),
    api(f"DELETE {BASE}/calls/{{call_id}}/documents/{{document_id}}",
        lambda w: {"call_id": w.call.pk, "document_id": _optional_document(w).pk},
        allowed=STAFF),
    api(f"PUT {BASE}/calls/{{call_id}}/criteria", _call_id, allowed=STAFF,
        body=lambda w, r: {"criteria": [{"name": "기술성", "weight": 60},
                                        {"name": "사업성", "weight": 40}]}),
    api(f"POST {BASE}/calls/{{call_id}}/evaluators", _call_id, allowed=STAFF,
        body=lambda w, r: {"evaluator_id": w.evaluator.pk}),
    api(f"DELETE {BASE}/calls/{{call_id}}/evaluators/{{evaluator_id}}",
        lambda w: {"call_id": w.call.pk, "evaluator_id": _pooled(w).pk},
        allowed=STAFF),
    api(f"POST {BASE}/rules/preview", allowed=STAFF,
        body=lambda w, r: {"allowed_size_classes": ["sme"], "program_id": w.call.program_id}),
    api(f"GET {BASE}/programs", allowed=STAFF),
    api(f"POST {BASE}/programs", allowed=STAFF, body=_program_form),
    api(f"PATCH {BASE}/programs/{{program_id}}", lambda w: {"program_id": w.call.program_id},
        allowed=STAFF, body=lambda w, r: {"name": "권한 사업명 (수정)"}),
]

ENTRIES = [*PAGES, *API]
