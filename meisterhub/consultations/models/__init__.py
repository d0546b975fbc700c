from .booking import (
    ACTIVE_STATUSES,
    Booking,
    BookingStatus,
    Channel,
    ConsultationRequest,
    RequestAttachment,
)
from .followup import (
    ConsultationRecord,
    FollowUp,
    OnsiteEngagement,
    OnsiteVisit,
    SatisfactionSurvey,
)
from .rotation import ChangeKind, Closure, MeisterLeave, RotationBlock, RotationChange, WeekPattern

__all__ = [
    "ACTIVE_STATUSES",
    "Booking",
    "BookingStatus",
    "ChangeKind",
    "Channel",
    "Closure",
    "ConsultationRecord",
    "ConsultationRequest",
    "FollowUp",
    "MeisterLeave",
    "OnsiteEngagement",
    "OnsiteVisit",
    "RequestAttachment",
    "RotationBlock",
    "RotationChange",
    "SatisfactionSurvey",
    "WeekPattern",
]
