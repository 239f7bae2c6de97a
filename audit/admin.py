from django.contrib import admin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "event", "actor_label", "object_type", "object_repr", "district", "success",
                    "ip_address")
    list_filter = ("event", "success", "district")
    search_fields = ("actor_label", "object_repr", "object_id", "request_id")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
