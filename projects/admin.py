"""Admin for city administrators: reference data (compliance targets) and read-mostly records.
Personal data is shown masked; payroll rows are never deleted here (retention, Decree 724 Art. 15)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ComplianceTarget, PayrollBatch, Project, ProjectImport, Worker


@admin.register(ComplianceTarget)
class ComplianceTargetAdmin(SimpleHistoryAdmin):
    list_display = ["metric", "minimum", "effective_from", "note"]
    list_filter = ["metric"]


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "district", "status", "government_invested"]
    list_filter = ["status", "district", "government_invested"]
    search_fields = ["code", "name"]
    raw_id_fields = ["client", "general_contractor"]
    exclude = ["manager_phone", "wage_officer_phone"]


@admin.register(Worker)
class WorkerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "masked_id_number", "sex", "birth_date", "home_region"]
    search_fields = ["name"]
    fields = ["name", "masked_id_number", "sex", "birth_date", "home_region"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PayrollBatch)
class PayrollBatchAdmin(SimpleHistoryAdmin):
    list_display = ["project", "month", "worker_count", "net_total", "paid_total", "unpaid_count"]
    list_filter = ["month"]
    raw_id_fields = ["project"]
    readonly_fields = ["worker_count", "gross_total", "net_total", "paid_total", "unpaid_count"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ProjectImport)
class ProjectImportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "project", "kind", "month", "status", "total_rows", "created_by"]
    list_filter = ["kind", "status"]
    exclude = ["data"]
    readonly_fields = ["project", "kind", "month", "status", "file_name", "total_rows", "processed_rows", "errors",
                       "changes", "created_by"]

    def has_add_permission(self, request):
        return False
