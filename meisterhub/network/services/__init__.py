from .inquiries import answer_inquiry, close_inquiry, route_inquiry, submit_inquiry
from .institutions import (
    add_contact,
    add_council_member,
    create_council,
    create_institution,
    seat_council_member,
)
from .meetings import add_decision, create_meeting, record_minutes, update_decision_status
from .smart_factory import complete_milestone, create_project, set_project_status
from .transfer import move_transfer, publish_technology, request_transfer

__all__ = [
    "add_contact", "add_council_member", "add_decision", "answer_inquiry", "close_inquiry",
    "complete_milestone", "create_council", "create_institution", "create_meeting",
    "create_project", "move_transfer", "publish_technology", "record_minutes", "request_transfer",
    "route_inquiry", "seat_council_member", "set_project_status", "submit_inquiry",
    "update_decision_status",
]
