"""HTML views of the cases app, split by topic; urls.py imports them from here."""

from .cases import CaseListView, case_act, case_detail, closing_pdf, order_pdf
from .complaints import (
    ComplaintListView,
    acceptance_notice,
    attachment_download,
    complaint_decide,
    complaint_detail,
    complaint_reveal,
    complaint_supplement,
    go_to_complaint,
)
from .inbox import inbox, quick_action
from .incidents import MassIncidentListView, incident_create, incident_detail
from .intake import desk_create, public_create, public_done, public_status

__all__ = [
    "CaseListView",
    "ComplaintListView",
    "MassIncidentListView",
    "acceptance_notice",
    "attachment_download",
    "case_act",
    "case_detail",
    "closing_pdf",
    "complaint_decide",
    "complaint_detail",
    "complaint_reveal",
    "complaint_supplement",
    "desk_create",
    "go_to_complaint",
    "inbox",
    "incident_create",
    "incident_detail",
    "order_pdf",
    "public_create",
    "public_done",
    "public_status",
    "quick_action",
]
