from .inquiries import Inquiry
from .institutions import Council, CouncilMembership, CouncilSeat, Institution, InstitutionContact
from .meetings import AgendaItem, Attendance, Decision, Meeting
from .smart_factory import Financing, Milestone, SmartFactoryProject
from .transfer import Technology, TransferRequest

__all__ = [
    "AgendaItem", "Attendance", "Council", "CouncilMembership", "CouncilSeat", "Decision",
    "Financing", "Inquiry", "Institution", "InstitutionContact", "Meeting", "Milestone",
    "SmartFactoryProject", "Technology", "TransferRequest",
]
