"""Business actions of the cases app. Views, API, admin, tasks and demo data all call these; each runs in
one transaction, locks the case row, and writes its audit event and enterprise timeline entry there."""

from .acceptance import decide_complaint, file_case, record_supplement
from .common import DeadlineUnavailable
from .intake import match_enterprise, route_district, submit_complaint
from .lifecycle import (
    assign_inspector,
    close_case,
    decide_extension,
    issue_order,
    mark_overdue,
    recuse_inspector,
    request_extension,
    withdraw_case,
)
from .money import (
    complete_escalation,
    confirm_recovery,
    order_compensation,
    record_recovery,
    request_escalation,
    reverse_recovery,
)
from .police import crime_check, record_mass_incident, transfer_to_police, update_transfer
from .supervision import assign_leader, evaluate_flags, list_for_supervision

__all__ = [
    "DeadlineUnavailable",
    "assign_inspector",
    "assign_leader",
    "close_case",
    "complete_escalation",
    "confirm_recovery",
    "crime_check",
    "decide_complaint",
    "decide_extension",
    "evaluate_flags",
    "file_case",
    "issue_order",
    "list_for_supervision",
    "mark_overdue",
    "match_enterprise",
    "order_compensation",
    "record_mass_incident",
    "record_recovery",
    "record_supplement",
    "recuse_inspector",
    "request_escalation",
    "request_extension",
    "reverse_recovery",
    "route_district",
    "submit_complaint",
    "transfer_to_police",
    "update_transfer",
    "withdraw_case",
]
