"""Every write of the programs app; each leaves a History row and refuses in Korean."""

from .applications import (
    pass_screening,
    request_supplement,
    resubmit_application,
    save_draft,
    start_application,
    submit_application,
    upload_document,
    withdraw_application,
)
from .evaluation import assign_evaluator, declare_conflict, save_scores
from .outcomes import (
    complete_agreement,
    complete_milestone,
    create_agreement,
    designate_hidden_champion,
    give_award,
    report_outcome,
)
from .selection import select_applications

__all__ = [
    "assign_evaluator", "complete_agreement", "complete_milestone", "create_agreement",
    "declare_conflict", "designate_hidden_champion", "give_award", "pass_screening",
    "report_outcome", "request_supplement", "resubmit_application", "save_draft",
    "save_scores", "select_applications", "start_application", "submit_application",
    "upload_document", "withdraw_application",
]
