from .contests import Contest, ContestJudge, Criterion, Score, Submission
from .events import Event, EventKind, ProgramArea, Registration

__all__ = [
    "Contest", "ContestJudge", "Criterion", "Event", "EventKind", "ProgramArea", "Registration",
    "Score", "Submission",
]
