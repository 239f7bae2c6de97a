from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kernel.admin_base import ReadOnlyAdmin

from .models import BlacklistPolicy, ListingEntry, PublicationBatch


@admin.register(BlacklistPolicy)
class BlacklistPolicyAdmin(SimpleHistoryAdmin):
    """The city's figures (objection period, removal decision time, term, publication amount) from a date on."""

    list_display = ["effective_from", "effective_to", "objection_workdays", "removal_decision_workdays",
                    "listing_years", "early_removal_months", "publication_min_amount"]


@admin.register(ListingEntry)
class ListingEntryAdmin(ReadOnlyAdmin):
    """Read-only here: every change goes through blacklist.services (the state machine)."""

    list_display = ["enterprise", "district", "status", "listed_on", "expires_on"]
    list_filter = ["status", "district"]
    search_fields = ["enterprise__name", "enterprise__credit_code", "decision_number"]


@admin.register(PublicationBatch)
class PublicationBatchAdmin(ListingEntryAdmin):
    list_display = ["period", "district", "status", "published_at"]
    list_filter = ["status"]
    search_fields = ["period"]
