from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.choices import Action, Role
from core.scoping import ScopedQuerySet

from ..choices import ImportKind, ImportStatus


class ProjectImport(models.Model):
    """One Excel (or API) submission of a roster, a month's payroll or a bank statement for a project:
    validated as a whole, then applied all at once or not at all. A month already on file is replaced
    only after the user has seen the changes (status CONFIRM)."""

    scope_paths = {"district": "project__district", "enterprise": "project__participants"}
    role_actions = {Role.ENTERPRISE: {Action.VIEW, Action.CHANGE}, Role.GRID_ASSISTANT: {Action.VIEW}}

    project = models.ForeignKey("projects.Project", verbose_name=_("project"), on_delete=models.CASCADE,
                                related_name="imports")
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    month = models.DateField(_("month"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.PENDING)
    file_name = models.CharField(_("file"), max_length=255)
    source = models.CharField(_("source"), max_length=10, default="xlsx", editable=False)
    # The submitted workbook or API rows carry ID and card numbers: stored encrypted, dropped when finished.
    data = models.TextField(null=True, editable=False)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows checked"), default=0)
    created_count = models.PositiveIntegerField(_("added"), default=0)
    updated_count = models.PositiveIntegerField(_("changed"), default=0)
    removed_count = models.PositiveIntegerField(_("removed"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_by = models.ForeignKey("accounts.User", verbose_name=_("by"), null=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("project import")
        verbose_name_plural = _("project imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.file_name} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("projects:import-detail", args=[self.pk])

    @property
    def progress_percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, int(self.processed_rows * 100 / self.total_rows))

    @property
    def is_open(self) -> bool:
        return self.status in ImportStatus.open()
