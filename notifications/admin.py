from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kernel.admin_base import ReadOnlyMixin

from . import services
from .models import Delivery, Message


@admin.register(Message)
class MessageAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["title", "recipient", "kind", "created_at", "read_at"]
    list_filter = ["kind"]
    search_fields = ["title", "key"]
    raw_id_fields = ["recipient"]


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Deliveries change only through the worker; a failed one is queued again by the resend action."""

    list_display = ["message", "channel", "status", "attempts", "next_attempt_at", "sent_at", "last_error"]
    list_filter = ["status", "channel"]
    raw_id_fields = ["message"]
    actions = ["resend"]

    @admin.action(description=_("Resend the failed deliveries"))
    def resend(self, request, queryset):
        count = services.resend(list(queryset.values_list("pk", flat=True)), actor=request.user)
        self.message_user(
            request,
            ngettext("%(count)d delivery queued again.", "%(count)d deliveries queued again.", count)
            % {"count": count},
            messages.SUCCESS,
        )
