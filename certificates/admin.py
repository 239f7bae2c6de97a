from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kernel.admin_base import ReadOnlyAdmin

from .models import Certificate, CertificatePolicy


@admin.register(CertificatePolicy)
class CertificatePolicyAdmin(SimpleHistoryAdmin):
    """Mode (certificate or commitment), validity and the checks applied, from a date on."""

    list_display = ["effective_from", "effective_to", "mode", "validity_days", "publication_months"]

    def save_model(self, request, obj, form, change):
        obj.full_clean()
        super().save_model(request, obj, form, change)


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    """Read-only: issuing and revoking go through certificates.services (the signature covers the fields)."""

    list_display = ["serial", "enterprise_name", "issued_on", "valid_until", "status"]
    list_filter = ["status"]
    search_fields = ["serial", "enterprise_name", "credit_code"]
