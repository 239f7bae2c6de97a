from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kernel.roles import Role
from kernel.scoping import ScopedQuerySet

from .kinds import label


class AppendOnlyError(RuntimeError):
    """Audit rows are never changed or deleted (MLPS: audit records are protected)."""


class AuditEventQuerySet(ScopedQuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("audit events are append-only")

    def delete(self):
        raise AppendOnlyError("audit events are append-only")


class AuditEvent(models.Model):
    """A named security or domain event: who did what to which record, from where, and whether
    it succeeded. Row-level history of each model is kept by django-simple-history beside it."""

    # Only city administrators read the security log (segregation of duties).
    scope_paths = {"district": "district"}
    role_actions = {
        Role.CITY_LEADER: set(),
        Role.DISTRICT_OFFICIAL: set(),
        Role.INSPECTOR: set(),
        Role.GRID_ASSISTANT: set(),
        Role.ENTERPRISE: set(),
        Role.API_CLIENT: set(),
    }

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("actor"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    actor_label = models.CharField(_("actor name"), max_length=150, blank=True)
    event = models.CharField(_("event"), max_length=64, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=255, blank=True)
    district = models.ForeignKey(
        "accounts.District", verbose_name=_("district"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    success = models.BooleanField(_("succeeded"), default=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    request_id = models.CharField(_("request id"), max_length=36, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{timezone.localtime(self.created_at):%Y-%m-%d %H:%M} {self.event} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit events are append-only")

    @property
    def kind_label(self) -> str:
        """The event's label from the catalogue (audit.kinds)."""
        return label(self.event)
