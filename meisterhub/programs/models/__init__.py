from .applications import (
    STEPS,
    Application,
    ApplicationDocument,
    ApplicationStatus,
    SupplementRequest,
)
from .calls import Area, Call, CallAttachment, CallStatus, DocumentKind, Program, RequiredDocument
from .evaluation import Assignment, ConflictDeclaration, Criterion, Score
from .outcomes import (
    OUTCOME_FIGURES,
    Agreement,
    Award,
    AwardCategory,
    Beneficiary,
    HiddenChampion,
    Milestone,
    OutcomeReport,
)

__all__ = [
    "OUTCOME_FIGURES", "STEPS", "Agreement", "Application", "ApplicationDocument",
    "ApplicationStatus", "Area", "Assignment", "Award", "AwardCategory", "Beneficiary", "Call",
    "CallAttachment", "CallStatus", "ConflictDeclaration", "Criterion", "DocumentKind",
    "HiddenChampion", "Milestone", "OutcomeReport", "Program", "RequiredDocument", "Score",
    "SupplementRequest",
]
