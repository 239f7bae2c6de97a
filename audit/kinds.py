"""The audit vocabulary: every kind of event the platform records, in one catalogue.

`audit.events.record` takes one of these members, never a free string (tests/core/test_audit_kinds.py scans
every call site). The stored value is the member's value, so rows written before the catalogue existed keep
their meaning; the label is what the audit log shows. A new event is a new member here (with its zh-Hans
translation), not a new string at the call site. Names that used to be computed at the call site (the case
event kinds, the escalation kinds, the project import kinds) are spelled out as members, and their callers map
their own kind to one of them explicitly.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditKind(models.TextChoices):
    # Accounts and personal data (ASVS 7, 8.3.5).
    LOGIN_SUCCEEDED = "login_succeeded", _("Signed in")
    LOGIN_FAILED = "login_failed", _("Sign-in failed")
    LOGGED_OUT = "logged_out", _("Signed out")
    PERSONAL_DATA_REVEALED = "personal_data_revealed", _("Personal data revealed")
    PERSONAL_DATA_REVEAL_REFUSED = "personal_data_reveal_refused", _("Personal data reveal refused")

    # Any record.
    OBJECT_CREATED = "object_created", _("Record created")
    OBJECT_CHANGED = "object_changed", _("Record changed")
    OBJECT_DELETED = "object_deleted", _("Record deleted")
    LIST_EXPORTED = "list_exported", _("List exported")

    # Working-day calendar (core.workdays).
    CALENDAR_NOT_COVERED = "calendar_not_covered", _("Calendar year not covered")
    CALENDAR_YEAR_SET = "calendar_year_set", _("Calendar year entered")

    # Enterprises.
    ENTERPRISES_IMPORTED = "enterprises_imported", _("Enterprises imported")
    ENTERPRISES_IMPORT_REJECTED = "enterprises_import_rejected", _("Enterprise import rejected")
    CREDIT_GRADES_PROPOSED = "credit_grades_proposed", _("Credit grades proposed")
    CREDIT_GRADE_CONFIRMED = "credit_grade_confirmed", _("Credit grade confirmed")
    CREDIT_GRADE_REJECTED = "credit_grade_rejected", _("Credit grade rejected")

    # Projects.
    PROJECT_STATUS_CHANGED = "project_status_changed", _("Project status changed")
    PROJECT_FUNDS_CONFIRMED = "project_funds_confirmed", _("Project funds confirmed")
    PAYROLL_CONFIRMED = "payroll_confirmed", _("Payroll confirmed")
    PAYROLL_DELETE_REFUSED = "payroll_delete_refused", _("Payroll deletion refused")
    WORKER_SEARCHED_BY_ID_NUMBER = "worker_searched_by_id_number", _("Worker searched by ID number")
    ROSTER_IMPORTED = "roster_imported", _("Worker roster imported")
    PAYROLL_IMPORTED = "payroll_imported", _("Monthly payroll imported")
    BANK_STATEMENT_IMPORTED = "bank_statement_imported", _("Bank statement imported")
    ATTENDANCE_IMPORTED = "attendance_imported", _("Monthly attendance imported")
    ATTENDANCE_RECORDED = "attendance_recorded", _("Attendance entered by the labour officer")
    PROJECT_IMPORT_REJECTED = "project_import_rejected", _("Project import rejected")
    PROJECT_IMPORT_CANCELLED = "project_import_cancelled", _("Project import cancelled")

    # Complaints.
    COMPLAINT_RECEIVED = "complaint_received", _("Complaint received")
    COMPLAINT_DECIDED = "complaint_decided", _("Complaint decided")
    COMPLAINANT_NOTIFIED = "complainant_notified", _("Complainant notified")
    COMPLAINT_SUPPLEMENTED = "complaint_supplemented", _("Complaint supplemented")
    ATTACHMENT_DOWNLOADED = "attachment_downloaded", _("Attachment downloaded")
    DOCUMENT_GENERATED = "document_generated", _("Document generated")
    MASS_INCIDENT_RECORDED = "mass_incident_recorded", _("Mass incident recorded")

    # Cases (cases.services.common.record_event).
    CASE_FILED = "case_filed", _("Case filed (audit)")
    CASE_COMPLAINT_JOINED = "case_complaint_joined", _("Complaint joined to a case")
    CASE_ASSIGNED = "case_assigned", _("Inspector assigned to a case")
    CASE_RECUSED = "case_recused", _("Inspector recused from a case")
    CASE_INVESTIGATION_STARTED = "case_investigation_started", _("Case investigation started")
    CASE_EXTENSION_REQUESTED = "case_extension_requested", _("Case extension requested")
    CASE_EXTENSION_APPROVED = "case_extension_approved", _("Case extension approved")
    CASE_EXTENSION_REFUSED = "case_extension_refused", _("Case extension refused")
    CASE_ORDER_ISSUED = "case_order_issued", _("Rectification order issued")
    CASE_OVERDUE = "case_overdue", _("Rectification order overdue")
    CASE_COMPLIED = "case_complied", _("Rectification order complied with")
    CASE_COMPLIANCE_WITHDRAWN = "case_compliance_withdrawn", _("Compliance withdrawn")
    CASE_WAGES_RECOVERED = "case_wages_recovered", _("Wages recovered (audit)")
    CASE_RECOVERY_PENDING = "case_recovery_pending", _("Recovery awaits confirmation")
    CASE_RECOVERY_CONFIRMED = "case_recovery_confirmed", _("Recovery confirmed")
    CASE_RECOVERY_REFUSED = "case_recovery_refused", _("Recovery refused")
    CASE_RECOVERY_REVERSED = "case_recovery_reversed", _("Recovery reversed")
    CASE_COMPENSATION = "case_compensation", _("Additional compensation ordered")
    CASE_DEPOSIT_DRAWDOWN_REQUESTED = "case_deposit_drawdown_requested", _("Deposit draw-down requested for a case")
    CASE_DEPOSIT_DRAWDOWN_DONE = "case_deposit_drawdown_done", _("Deposit draw-down done for a case")
    CASE_BLACKLIST_REVIEW_REQUESTED = "case_blacklist_review_requested", _("Joint-punishment review requested")
    CASE_BLACKLIST_REVIEW_DONE = "case_blacklist_review_done", _("Joint-punishment review done")
    CASE_TRANSFERRED_TO_POLICE = "case_transferred_to_police", _("Case transferred to the police")
    CASE_TRANSFER_UPDATED = "case_transfer_updated", _("Criminal transfer updated")
    CASE_MASS_INCIDENT_LINKED = "case_mass_incident_linked", _("Mass incident linked to a case")
    CASE_FLAGGED = "case_flagged", _("Case flagged as large or difficult")
    CASE_LEADER_ASSIGNED = "case_leader_assigned", _("Responsible leader assigned")
    CASE_LISTED_FOR_SUPERVISION = "case_listed_for_supervision", _("Case listed for supervision")
    CASE_CLOSED = "case_closed", _("Case closed (audit)")
    CASE_WITHDRAWN = "case_withdrawn", _("Case withdrawn (audit)")

    # Deposits and emergency funds.
    DEPOSIT_ASSESSED = "deposit_assessed", _("Wage deposit assessed")
    DEPOSIT_RECEIVED = "deposit_received", _("Wage deposit received")
    DEPOSIT_GUARANTEED = "deposit_guaranteed", _("Wage deposit guaranteed")
    DEPOSIT_EXEMPTED = "deposit_exempted", _("Wage deposit exempted")
    DEPOSIT_TOPPED_UP = "deposit_topped_up", _("Wage deposit topped up")
    DEPOSIT_INTEREST_WITHDRAWN = "deposit_interest_withdrawn", _("Deposit interest withdrawn")
    DEPOSIT_GUARANTEE_RENEWED = "deposit_guarantee_renewed", _("Deposit guarantee renewed")
    DEPOSIT_GUARANTEE_EXPIRING = "deposit_guarantee_expiring", _("Deposit guarantee expiring")
    DEPOSIT_RETURN_PUBLICISED = "deposit_return_publicised", _("Deposit return publicised")
    DEPOSIT_RETURN_APPLIED = "deposit_return_applied", _("Deposit return applied for")
    DEPOSIT_RETURN_REQUESTED = "deposit_return_requested", _("Deposit return requested")
    DEPOSIT_RETURN_REFUSED = "deposit_return_refused", _("Deposit return refused")
    DEPOSIT_RETURNED = "deposit_returned", _("Deposit returned")
    DEPOSIT_DRAW_REQUESTED = "deposit_draw_requested", _("Deposit draw requested")
    DEPOSIT_DRAWN = "deposit_drawn", _("Deposit drawn")
    DEPOSIT_ENTRY_REVERSED = "deposit_entry_reversed", _("Deposit ledger entry reversed")
    DEPOSIT_CLEANUP_LISTED = "deposit_cleanup_listed", _("Deposits listed for clean-up")
    FUND_TOPPED_UP = "fund_topped_up", _("Emergency fund topped up")
    FUND_RECOVERED = "fund_recovered", _("Emergency fund advance recovered")
    FUND_ADVANCE_REQUESTED = "fund_advance_requested", _("Emergency fund advance requested")
    FUND_ADVANCED = "fund_advanced", _("Emergency fund advance paid")
    FUND_ENTRY_REVERSED = "fund_entry_reversed", _("Emergency fund entry reversed")
    APPROVAL_REJECTED = "approval_rejected", _("Approval rejected")

    # Joint-punishment list and major-violation publication.
    LISTING_PROPOSED = "listing_proposed", _("Joint-punishment listing proposed")
    LISTING_REVIEW_DISMISSED = "listing_review_dismissed", _("Joint-punishment review dismissed")
    LISTING_NOTICE_SERVED = "listing_notice_served", _("Notice of intended listing served")
    LISTING_STATEMENT_RECORDED = "listing_statement_recorded", _("Statement and defence recorded")
    LISTING_DECLINED = "listing_declined", _("Listing declined")
    LISTING_DECIDED = "listing_decided", _("Listing decided")
    LISTING_REMOVAL_REQUESTED = "listing_removal_requested", _("Early removal requested (audit)")
    LISTING_REMOVAL_REFUSED = "listing_removal_refused", _("Early removal refused (audit)")
    LISTING_REMOVED_EARLY = "listing_removed_early", _("Listing removed early")
    LISTING_EXPIRED = "listing_expired", _("Listing expired")
    PUBLICATION_BATCH_GATHERED = "publication_batch_gathered", _("Publication batch gathered")
    PUBLICATION_ITEM_EDITED = "publication_item_edited", _("Publication item edited")
    PUBLICATION_ITEM_EXCLUDED = "publication_item_excluded", _("Publication item excluded")
    PUBLICATION_BATCH_PUBLISHED = "publication_batch_published", _("Publication batch published")
    PUBLICATION_BATCH_WITHDRAWN = "publication_batch_withdrawn", _("Publication batch withdrawn")
    MAJOR_VIOLATION_PUBLISHED = "major_violation_published", _("Major violation published")

    # Certificates.
    CERTIFICATE_ISSUED = "certificate_issued", _("Certificate issued")
    CERTIFICATE_REFUSED = "certificate_refused", _("Certificate refused")
    CERTIFICATE_REVOKED = "certificate_revoked", _("Certificate revoked")
    CERTIFICATE_DOWNLOADED = "certificate_downloaded", _("Certificate downloaded")
    CERTIFICATE_VERIFICATION_FAILED = "certificate_verification_failed", _("Certificate verification failed")
    COMMITMENT_SIGNED = "commitment_signed", _("Commitment letter signed")
    RESTRICTED_BIDDERS_EXPORTED = "restricted_bidders_exported", _("Restricted bidders exported")

    # Notifications.
    NOTIFICATION_RESENT = "notification_resent", _("Failed notifications resent")
    # Early warning.
    WARNING_DISPOSED = "warning_disposed", _("Warning disposed of")
    RULE_PARAMETER_SET = "rule_parameter_set", _("Warning rule parameter set")
    # Inspections: roster and double-random spot checks.
    INSPECTOR_SAVED = "inspector_saved", _("Inspector saved")
    INSPECTOR_RECUSAL_RECORDED = "inspector_recusal_recorded", _("Inspector recusal recorded")
    SPOT_CHECK_PLAN_SAVED = "spot_check_plan_saved", _("Spot-check plan saved")
    SPOT_CHECK_DRAW_COMMITTED = "spot_check_draw_committed", _("Spot-check draw committed")
    SPOT_CHECK_DRAW_RUN = "spot_check_draw_run", _("Spot-check draw run, seed revealed")
    SPOT_CHECK_DRAW_SUPERSEDED = "spot_check_draw_superseded", _("Spot-check draw superseded")
    SPOT_CHECK_RESULT_RECORDED = "spot_check_result_recorded", _("Spot-check result recorded")
    SPOT_CHECK_RESULT_PUBLISHED = "spot_check_result_published", _("Spot-check result published")


def label(value: str) -> str:
    """The label of a stored event value; a value no longer in the catalogue is shown as it is."""
    try:
        return AuditKind(value).label
    except ValueError:
        return value
