"""Admin for city administrators: the thresholds (reference data) and read-only views of casework.
Case and complaint changes go through the case pages, which call cases.services."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kernel.admin_base import ReadOnlyAdmin

from .models import Case, Complaint, CriminalThreshold, DifficultCaseThreshold, EscalationRequest, MassIncident


@admin.register(CriminalThreshold)
class CriminalThresholdAdmin(SimpleHistoryAdmin):
    list_display = ["province_name", "province", "effective_from", "effective_to", "single_amount", "group_amount"]


@admin.register(DifficultCaseThreshold)
class DifficultCaseThresholdAdmin(SimpleHistoryAdmin):
    list_display = ["effective_from", "effective_to", "amount", "workers", "repeated_complaints",
                    "supervision_workdays"]



@admin.register(Complaint)
class ComplaintAdmin(ReadOnlyAdmin):
    list_display = ["tracking_number", "received_on", "channel", "status", "district", "employer_name"]
    list_filter = ["status", "channel", "district"]
    search_fields = ["tracking_number", "employer_name"]
    exclude = ["complainant_name", "complainant_id_number", "complainant_phone", "complainant_id_index"]


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ["number", "status", "district", "employer_name", "filed_on", "amount_owed", "recovered_amount"]
    list_filter = ["status", "district", "flagged"]
    search_fields = ["number", "employer_name"]


@admin.register(EscalationRequest)
class EscalationRequestAdmin(ReadOnlyAdmin):
    list_display = ["case", "kind", "status", "amount", "requested_on"]
    list_filter = ["kind", "status"]


@admin.register(MassIncident)
class MassIncidentAdmin(ReadOnlyAdmin):
    list_display = ["occurred_at", "place", "district", "workers_involved"]
