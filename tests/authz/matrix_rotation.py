"""Matrix entries for the rotation board, the meister's 내 일정 and their API (see matrix.py).

Staff change any meister's rotation; a meister only their own (meister X owns the world's
Tuesday block, on which company A's booking sits)."""

from .matrix import MEISTER_X, MEISTER_Y, STAFF, STAFF_ROLE, api, page, roles

STAFF_OR_X = roles(STAFF_ROLE, MEISTER_X)
MANAGERS = roles(STAFF_ROLE, MEISTER_X, MEISTER_Y)


def _day(weekday: int, weeks: int = 1) -> str:
    from meisterhub.consultations.tests.factories import bookable_day

    return bookable_day(weekday, weeks=weeks).isoformat()


def _block(w):
    return w.meister_x.rotation_blocks.order_by("pk").first()


def _leave(w):
    """A future leave of meister X, made for the test that needs it (rolled back after)."""
    from meisterhub.consultations.models import MeisterLeave

    day = _day(3, weeks=3)
    return MeisterLeave.objects.create(meister=w.meister_x, starts_on=day, ends_on=day)


def _block_form(w, role) -> dict:
    # Thursday afternoons: free for both meisters (X sits on Tuesdays, Y on Wednesdays).
    return {
        "meister": w.meister_x.pk,
        "weekday": "3",
        "start_time": "14:00",
        "end_time": "16:00",
        "place": "기술인 카페",
        "slot_minutes": "60",
        "pattern": "weekly",
    }


def _edit_form(w, role) -> dict:
    return {
        **_block_form(w, role),
        "weekday": "1",
        "start_time": "10:00",
        "end_time": "12:00",
        "place": "세미나실",
    }


def _leave_form(w, role) -> dict:
    day = _day(3, weeks=2)
    return {"meister": w.meister_x.pk, "starts_on": day, "ends_on": day, "reason": "출장"}


def _block_json(w, role) -> dict:
    return {"weekday": 3, "start_time": "14:00", "end_time": "16:00", "place": "세미나실"}


def _leave_json(w, role) -> dict:
    day = _day(3, weeks=2)
    return {"starts_on": day, "ends_on": day, "reason": "출장"}


X_ARG = lambda w: {"meister_id": w.meister_x.pk}  # noqa: E731

ENTRIES = [
    page("consultations:rotation_board", read=STAFF),
    page(
        "consultations:rotation_cell",
        lambda w: (w.meister_x.pk, _day(1)),
        read=STAFF,
    ),
    page(
        "consultations:rotation_block_new",
        read=MANAGERS,
        write=MANAGERS,
        body=_block_form,
    ),
    page(
        "consultations:rotation_block_edit",
        lambda w: (_block(w).pk,),
        read=STAFF_OR_X,
        write=STAFF_OR_X,
        body=_edit_form,
    ),
    page(
        "consultations:rotation_block_delete",
        lambda w: (_block(w).pk,),
        write=STAFF_OR_X,
        body=lambda w, r: {"apply_to_bookings": "1"},
    ),
    page("consultations:my_schedule", read=roles(MEISTER_X, MEISTER_Y)),
    page(
        "consultations:rotation_leave_new",
        read=MANAGERS,
        write=MANAGERS,
        body=_leave_form,
    ),
    page(
        "consultations:rotation_leave_withdraw",
        lambda w: (_leave(w).pk,),
        write=STAFF_OR_X,
    ),
    api("GET /api/rotation/board", allowed=STAFF),
    api("GET /api/rotation/meisters/{meister_id}/blocks", X_ARG, allowed=STAFF_OR_X),
    api(
        "POST /api/rotation/meisters/{meister_id}/blocks",
        X_ARG,
        allowed=STAFF_OR_X,
        body=_block_json,
    ),
    api(
        "PATCH /api/rotation/blocks/{block_id}",
        lambda w: {"block_id": _block(w).pk},
        allowed=STAFF_OR_X,
        body=lambda w, r: {"place": "세미나실"},
    ),
    api(
        "DELETE /api/rotation/blocks/{block_id}",
        lambda w: {"block_id": _block(w).pk},
        allowed=STAFF_OR_X,
        body=lambda w, r: {"apply_to_bookings": True},
    ),
    api("GET /api/rotation/meisters/{meister_id}/leaves", X_ARG, allowed=STAFF_OR_X),
    api(
        "POST /api/rotation/meisters/{meister_id}/leaves",
        X_ARG,
        allowed=STAFF_OR_X,
        body=_leave_json,
    ),
    api(
        "DELETE /api/rotation/leaves/{leave_id}",
        lambda w: {"leave_id": _leave(w).pk},
        allowed=STAFF_OR_X,
    ),
]
