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
from .call_parts import (
    add_pool_evaluator,
    add_required_document,
    remove_pool_evaluator,
    remove_required_document,
    save_criteria,
)
from .calls import (
    close_call,
    copy_call,
    create_call,
    create_program,
    publish_call,
    update_call,
    update_program,
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
    "add_pool_evaluator",
    "add_required_document",
    "assign_evaluator",
    "close_call",
    "complete_agreement",
    "complete_milestone",
    "copy_call",
    "create_agreement",
    "create_call",
    "create_program",
    "declare_conflict",
    "designate_hidden_champion",
    "give_award",
    "pass_screening",
    "publish_call",
    "remove_pool_evaluator",
    "remove_required_document",
    "report_outcome",
    "request_supplement",
    "resubmit_application",
    "save_criteria",
    "save_draft",
    "save_scores",
    "select_applications",
    "start_application",
    "submit_application",
    "update_call",
    "update_program",
    "upload_document",
    "withdraw_application",
]
