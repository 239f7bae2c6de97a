"""Models of the cases app: complaints, cases and what hangs off them, incidents and thresholds."""

from .case import Case, CaseEvent, CaseInspector, EscalationRequest, Order, RecoveredWorker, Recovery
from .complaint import Complaint, ComplaintAttachment
from .incidents import CriminalThreshold, CriminalTransfer, DifficultCaseThreshold, MassIncident

__all__ = [
    "Case",
    "CaseEvent",
    "CaseInspector",
    "Complaint",
    "ComplaintAttachment",
    "CriminalThreshold",
    "CriminalTransfer",
    "DifficultCaseThreshold",
    "EscalationRequest",
    "MassIncident",
    "Order",
    "RecoveredWorker",
    "Recovery",
]
