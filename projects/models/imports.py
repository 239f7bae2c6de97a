from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.imports.models import ImportJob
from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet

from ..choices import ImportKind


class ProjectImport(ImportJob):
    """One Excel (or API) submission of a roster, a month's payroll or a bank statement for a project
    (core.imports): validated as a whole, then applied all at once or not at all. A month already on file is
    replaced only after the user has seen the changes (state CONFIRM)."""

    scope_paths = {"district": "project__district", "enterprise": "project__participants"}
    role_actions = {Role.ENTERPRISE: {Action.VIEW, Action.CHANGE}, Role.GRID_ASSISTANT: {Action.VIEW}}

    project = models.ForeignKey("projects.Project", verbose_name=_("project"), on_delete=models.CASCADE,
                                related_name="imports")
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    month = models.DateField(_("month"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta(ImportJob.Meta):
        verbose_name = _("project import")
        verbose_name_plural = _("project imports")

    def __str__(self):
        return f"{self.get_kind_display()} {self.source_label} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("projects:import-detail", args=[self.pk])

    def get_importer(self):
        from ..importers import IMPORTERS

        return IMPORTERS[self.kind]
