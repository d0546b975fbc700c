"""Matrix entries for booking decisions: the meister's answer (confirm, decline, propose
another time) and the company's (accept or reject a proposal, move the booking)."""

from datetime import time

from .matrix import MEISTER_X, OWNER, STAFF_ROLE, api, page, roles

MEISTER_OR_STAFF = roles(MEISTER_X, STAFF_ROLE)


def _other_slot(w):
    """Meister X's other free slot on the day of the world's booking (10:00 is taken)."""
    from meisterhub.consultations.slots import aware
    from meisterhub.consultations.tests.factories import bookable_day

    return aware(bookable_day(1), time(11))


def _proposed(w):
    """The world's booking turned into a proposal of 11:00. The world has none; this runs
    inside the test's own savepoint, so it is rolled back with the test."""
    from datetime import timedelta

    from meisterhub.consultations.models import Booking, BookingStatus

    starts = _other_slot(w)
    Booking.objects.filter(pk=w.booking.pk).update(
        status=BookingStatus.PROPOSED,
        proposed_starts_at=starts,
        proposed_ends_at=starts + timedelta(hours=1),
        decision_reason="그 시간에는 현장 방문이 있습니다.",
    )
    return w.booking.pk


ENTRIES = [
    page("consultations:decide", lambda w: (w.booking.pk,), read=MEISTER_OR_STAFF),
    page(
        "consultations:meister_confirm",
        lambda w: (w.booking.pk,),
        write=MEISTER_OR_STAFF,
    ),
    page(
        "consultations:decline",
        lambda w: (w.booking.pk,),
        write=MEISTER_OR_STAFF,
        body=lambda w, r: {"reason": "용접 분야가 아닌 문의입니다."},
    ),
    page(
        "consultations:propose",
        lambda w: (w.booking.pk,),
        write=MEISTER_OR_STAFF,
        body=lambda w, r: {"slot": _other_slot(w).isoformat(), "reason": "오전 늦게 가능합니다."},
    ),
    page(
        "consultations:accept_proposal",
        lambda w: (_proposed(w),),
        write=OWNER(),
    ),
    page(
        "consultations:reject_proposal",
        lambda w: (_proposed(w),),
        write=OWNER(),
    ),
    page(
        "consultations:reschedule",
        lambda w: (w.booking.pk,),
        read=OWNER(),
        write=OWNER(),
        body=lambda w, r: {"move-slot": _other_slot(w).isoformat()},
    ),
    api(
        "POST /api/consultations/bookings/{booking_id}/confirm",
        lambda w: {"booking_id": w.booking.pk},
        allowed=MEISTER_OR_STAFF,
    ),
    api(
        "POST /api/consultations/bookings/{booking_id}/decline",
        lambda w: {"booking_id": w.booking.pk},
        allowed=MEISTER_OR_STAFF,
        body=lambda w, r: {"reason": "용접 분야가 아닌 문의입니다."},
    ),
    api(
        "POST /api/consultations/bookings/{booking_id}/propose",
        lambda w: {"booking_id": w.booking.pk},
        allowed=MEISTER_OR_STAFF,
        body=lambda w, r: {"starts_at": _other_slot(w).isoformat(), "reason": "오전 늦게"},
    ),
    api(
        "POST /api/consultations/bookings/{booking_id}/accept-proposal",
        lambda w: {"booking_id": _proposed(w)},
        allowed=OWNER(),
    ),
    api(
        "POST /api/consultations/bookings/{booking_id}/reject-proposal",
        lambda w: {"booking_id": _proposed(w)},
        allowed=OWNER(),
    ),
    api(
        "POST /api/consultations/bookings/{booking_id}/reschedule",
        lambda w: {"booking_id": w.booking.pk},
        allowed=OWNER(),
        body=lambda w, r: {"starts_at": _other_slot(w).isoformat()},
    ),
]
