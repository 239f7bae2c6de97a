from django.contrib import admin

from kernel.admin_base import ReadOnlyMixin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("created_at", "event", "actor_label", "object_type", "object_repr", "district", "success",
                    "ip_address")
    list_filter = ("event", "success", "district")
    search_fields = ("actor_label", "object_repr", "object_id", "request_id")
    date_hierarchy = "created_at"
