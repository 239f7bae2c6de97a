from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kernel.admin_base import ReadOnlyAdmin

from .models import Approval, Deposit, EmergencyFund, RatePolicy


@admin.register(RatePolicy)
class RatePolicyAdmin(SimpleHistoryAdmin):
    """City administrators keep the rate policies: a change is a new row with a new effective date."""

    list_display = ["code", "name", "jurisdiction", "effective_from", "effective_to", "base_rate"]
    list_filter = ["jurisdiction"]

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)



@admin.register(Deposit)
class DepositAdmin(ReadOnlyAdmin):
    list_display = ["project", "enterprise", "status", "form", "required_amount", "due_on"]
    list_filter = ["status", "form", "adjustment"]
    raw_id_fields = ["project", "enterprise"]


@admin.register(EmergencyFund)
class EmergencyFundAdmin(ReadOnlyAdmin):
    list_display = ["name", "level", "district", "target_amount"]


@admin.register(Approval)
class ApprovalAdmin(ReadOnlyAdmin):
    list_display = ["kind", "status", "amount", "requested_by", "decided_by", "requested_at"]
    list_filter = ["kind", "status"]
