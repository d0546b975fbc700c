from .booking import (
    book_consultation,
    cancel_booking,
    confirm_booking,
    enqueue_reminders,
    log_walk_in,
    mark_completed,
    mark_no_show,
)
from .followup import (
    answer_survey,
    close_onsite_engagement,
    log_onsite_visit,
    open_onsite_engagement,
    write_record,
)
from .schedule import add_closure, add_leave, add_rotation_block, add_rotation_change

__all__ = [
    "add_closure",
    "add_leave",
    "add_rotation_block",
    "add_rotation_change",
    "answer_survey",
    "book_consultation",
    "cancel_booking",
    "close_onsite_engagement",
    "confirm_booking",
    "enqueue_reminders",
    "log_onsite_visit",
    "log_walk_in",
    "mark_completed",
    "mark_no_show",
    "open_onsite_engagement",
    "write_record",
]
