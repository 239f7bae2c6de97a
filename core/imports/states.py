"""The states of an import job, one list for every importer.

queued → running → failed | succeeded | confirm (a replacement to review) → applying → succeeded | failed;
confirm → cancelled. The stored values are the API contract (clients poll `status` for "done"), so they keep
the words the first importers used even where the member names say what the state means.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportState(models.TextChoices):
    QUEUED = "pending", _("Waiting")
    RUNNING = "running", _("Checking")
    CONFIRM = "confirm", _("Waiting for confirmation")
    APPLYING = "applying", _("Importing")
    SUCCEEDED = "done", _("Imported")
    FAILED = "failed", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")

    @classmethod
    def open(cls):
        """A worker (or the request) is on it: the job page polls."""
        return [cls.QUEUED, cls.RUNNING, cls.APPLYING]

    @classmethod
    def finished(cls):
        return [cls.SUCCEEDED, cls.FAILED, cls.CANCELLED]
