"""The job every import runs as (abstract: each app keeps its own table, scoped like its records)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .states import ImportState


class ImportJob(models.Model):
    """One submission (an Excel workbook or API rows) validated as a whole, then applied all at once or not
    at all by core.imports.service. The submission is staged encrypted in `data` (it carries names, ID and
    card numbers) and purged as soon as the job ends, whatever way it ends."""

    status = models.CharField(_("status"), max_length=10, choices=ImportState.choices, default=ImportState.QUEUED)
    file_name = models.CharField(_("file"), max_length=255)
    source = models.CharField(_("source"), max_length=10, default="xlsx", editable=False)
    data = models.TextField(null=True, editable=False)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows checked"), default=0)
    created_count = models.PositiveIntegerField(_("added"), default=0)
    updated_count = models.PositiveIntegerField(_("changed"), default=0)
    removed_count = models.PositiveIntegerField(_("removed"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    # The columns (or API fields) of the submission that are not in the template: ignored, and said so.
    ignored_columns = models.JSONField(_("ignored columns"), default=list, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    # Set by the claim; a job running for longer than IMPORT_STALE_AFTER_SECONDS was lost with its worker.
    started_at = models.DateTimeField(_("claimed"), null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def get_importer(self):
        """The importer (a core.imports.service.Importer) that validates and applies this job."""
        raise NotImplementedError

    @property
    def source_label(self) -> str:
        """What a person reads for where the rows came from: the workbook's name, or the API channel (its
        stored file name, "api-payroll", is an internal placeholder)."""
        if self.source == "api":
            return str(_("Submitted through the API"))
        return self.file_name

    @property
    def progress_percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, int(self.processed_rows * 100 / self.total_rows))

    @property
    def is_open(self) -> bool:
        return self.status in ImportState.open()
