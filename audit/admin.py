from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kernel.admin_base import ReadOnlyMixin

from .kinds import AuditKind, label
from .models import AuditEvent


class KindFilter(admin.SimpleListFilter):
    """Filter by event kind, named by its label (the stored value is a code name)."""

    title = _("event")
    parameter_name = "event"

    def lookups(self, request, model_admin):
        return AuditKind.choices

    def queryset(self, request, queryset):
        return queryset.filter(event=self.value()) if self.value() else queryset


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("created_at", "kind", "actor_label", "object_type", "object_repr", "district", "success",
                    "ip_address")
    list_filter = (KindFilter, "success", "district")
    search_fields = ("actor_label", "object_repr", "object_id", "request_id")
    date_hierarchy = "created_at"

    @admin.display(description=_("event"), ordering="event")
    def kind(self, obj):
        return label(obj.event)
