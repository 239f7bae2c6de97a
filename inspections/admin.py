from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kernel.admin_base import ReadOnlyAdmin

from .models import (
    DistrictAssignment,
    DistrictLeader,
    Draw,
    InspectionItem,
    InspectionPolicy,
    Inspector,
    PlanRate,
    Recusal,
    SpotCheckPlan,
    SpotCheckResult,
)


@admin.register(InspectionPolicy)
class InspectionPolicyAdmin(SimpleHistoryAdmin):
    """The staffing thresholds and the publication period from a date on."""

    list_display = [
        "effective_from",
        "effective_to",
        "large_population",
        "large_min",
        "small_population",
        "small_min",
        "middle_min",
        "publication_workdays",
    ]


class RecusalInline(admin.TabularInline):
    model = Recusal
    extra = 0
    autocomplete_fields = ["enterprise"]
    readonly_fields = ["recorded_by"]


@admin.register(Inspector)
class InspectorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "district", "certificate_number", "certificate_expires_on", "active"]
    list_filter = ["kind", "district", "active"]
    search_fields = ["name", "certificate_number", "grid_area"]
    exclude = ["phone"]  # personal data: entered on the roster form, never shown in full
    inlines = [RecusalInline]


@admin.register(DistrictAssignment)
class DistrictAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["inspector", "district", "since", "until"]
    list_filter = ["district"]


@admin.register(DistrictLeader)
class DistrictLeaderAdmin(SimpleHistoryAdmin):
    list_display = ["name", "position", "district", "since", "until"]
    list_filter = ["district"]


@admin.register(InspectionItem)
class InspectionItemAdmin(SimpleHistoryAdmin):
    list_display = ["matter", "legal_basis", "method", "active", "sort_order"]
    list_filter = ["active"]


class PlanRateInline(admin.TabularInline):
    model = PlanRate
    extra = 0


@admin.register(SpotCheckPlan)
class SpotCheckPlanAdmin(SimpleHistoryAdmin):
    """District rates (beside the plan-wide ones of the plan form) are kept here."""

    list_display = ["year", "name", "district"]
    list_filter = ["year", "district"]
    inlines = [PlanRateInline]


@admin.register(Draw)
class DrawAdmin(ReadOnlyAdmin):
    """Read-only: a draw is committed, run and superseded through inspections.services, never edited."""

    list_display = ["batch", "status", "commitment", "committed_at", "drawn_at"]
    list_filter = ["status"]
    exclude = ["seed"]  # secret until the draw runs; the public page shows it afterwards


@admin.register(SpotCheckResult)
class SpotCheckResultAdmin(ReadOnlyAdmin):
    list_display = ["target", "outcome", "checked_on", "publish_by", "published_at"]
    list_filter = ["outcome"]
