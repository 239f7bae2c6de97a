"""Drives a ProjectImport through its states:

pending → running (whole submission validated, progress counted) → failed (every error listed, nothing
written) | confirm (a month already on file: the changes are shown first) | done (applied in one
transaction). Idempotent: a finished job is left alone, and a job is claimed with a conditional UPDATE."""

import base64
import json

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.choices import Action
from audit import events
from core import crypto
from core.excel import WorkbookRejected, read_rows
from enterprises.timeline import add_entry

from ..choices import ImportKind, ImportStatus
from ..models import Project, ProjectImport
from . import bank, payroll, roster
from .common import records_from_api, records_from_sheet

IMPORTERS = {ImportKind.ROSTER: roster, ImportKind.PAYROLL: payroll, ImportKind.BANK_STATEMENT: bank}
PROGRESS_EVERY = 1000


def _seal(payload: bytes) -> str:
    return crypto.encrypt(base64.b64encode(payload).decode())


def _open(token: str) -> bytes:
    return base64.b64decode(crypto.decrypt(token))


def create_job(project, kind, *, actor, file_name="", data: bytes | None = None, items: list | None = None,
               month=None) -> ProjectImport:
    """A new job for a workbook (`data`) or API rows (`items`); the actor must be able to change the project."""
    if not Project.objects.visible_to(actor, Action.CHANGE).filter(pk=project.pk).exists():
        raise PermissionDenied(_("You may not submit data for this project."))
    if items is not None:
        payload, source = json.dumps(items, default=str).encode(), "api"
    else:
        payload, source = data or b"", "xlsx"
    return ProjectImport.objects.create(project=project, kind=kind, month=month, created_by=actor, source=source,
                                        file_name=(file_name or f"api-{kind}")[:255], data=_seal(payload))


def load_records(job):
    columns = IMPORTERS[job.kind].COLUMNS
    payload = _open(job.data)
    if job.source == "api":
        return records_from_api(json.loads(payload), columns)
    header, body = read_rows(payload)
    return records_from_sheet(header, body, columns)


def run_import(job: ProjectImport) -> ProjectImport:
    """Validate the submission; apply it, or wait for confirmation when it replaces a month on file."""
    if job.status not in (ImportStatus.PENDING, ImportStatus.RUNNING) or not job.data:
        return job
    ProjectImport.objects.filter(pk=job.pk, status__in=[ImportStatus.PENDING, ImportStatus.RUNNING]).update(
        status=ImportStatus.RUNNING, processed_rows=0)
    job.status = ImportStatus.RUNNING
    importer = IMPORTERS[job.kind]
    try:
        records = load_records(job)
    except WorkbookRejected as exc:
        return _finish(job, ImportStatus.FAILED, errors=[{"row": 0, "column": "", "message": str(exc)}])
    except Exception:  # noqa: BLE001 (openpyxl raises many kinds on a damaged file)
        return _finish(job, ImportStatus.FAILED, errors=[{"row": 0, "column": "", "message": _(
            "The workbook cannot be read.")}])
    if records.missing:
        return _finish(job, ImportStatus.FAILED, errors=[{"row": 1, "column": h, "message": _("The column is missing.")}
                                                         for h in records.missing])
    if not records.rows:
        return _finish(job, ImportStatus.FAILED, errors=[{"row": 0, "column": "", "message": _(
            "The sheet has no rows to import.")}])
    job.total_rows = len(records.rows)
    ProjectImport.objects.filter(pk=job.pk).update(total_rows=job.total_rows)
    validated = importer.validate(job.project, records, progress=lambda n: _progress(job, n))
    _progress(job, job.total_rows)
    if validated.errors:
        return _finish(job, ImportStatus.FAILED, errors=validated.errors)
    changes = importer.diff(job.project, validated, month=job.month)
    if changes and (changes["changed"] or changes["removed"] or changes["added"]):
        job.changes = changes
        job.created_count, job.updated_count = changes["added"], changes["changed"]
        job.removed_count, job.unchanged_count = changes["removed"], changes["unchanged"]
        job.status = ImportStatus.CONFIRM
        job.save()
        return job
    return _apply(job, importer, validated)


def confirm_import(job: ProjectImport, *, actor) -> ProjectImport:
    """Apply a replacement the user has seen. The submission is checked again: if the month or the roster
    changed meanwhile, the user sees the new changes instead of an import they did not review."""
    if not Project.objects.visible_to(actor, Action.CHANGE).filter(pk=job.project_id).exists():
        raise PermissionDenied
    claimed = ProjectImport.objects.filter(pk=job.pk, status=ImportStatus.CONFIRM).update(
        status=ImportStatus.APPLYING)
    if claimed != 1:
        job.refresh_from_db()
        return job
    job.status = ImportStatus.APPLYING
    importer = IMPORTERS[job.kind]
    validated = importer.validate(job.project, load_records(job))
    if validated.errors:
        return _finish(job, ImportStatus.FAILED, errors=validated.errors)
    changes = importer.diff(job.project, validated, month=job.month)
    if changes and changes.get("digest") != job.changes.get("digest"):
        job.changes, job.status = changes, ImportStatus.CONFIRM
        job.save()
        return job
    return _apply(job, importer, validated, confirmed_by=actor)


def cancel_import(job: ProjectImport, *, actor) -> ProjectImport:
    if not Project.objects.visible_to(actor, Action.CHANGE).filter(pk=job.project_id).exists():
        raise PermissionDenied
    if ProjectImport.objects.filter(pk=job.pk, status=ImportStatus.CONFIRM).update(status=ImportStatus.CANCELLED):
        job.status = ImportStatus.CANCELLED
        events.record("project_import_cancelled", actor=actor, obj=job.project, job=job.pk)
        return _finish(job, ImportStatus.CANCELLED)
    job.refresh_from_db()
    return job


def _apply(job, importer, validated, confirmed_by=None) -> ProjectImport:
    actor = confirmed_by or job.created_by
    project = job.project
    with transaction.atomic():
        result = importer.apply(project, validated, actor=actor, job=job, month=job.month)
        job.created_count, job.updated_count = result["created"], result["updated"]
        job.removed_count, job.unchanged_count = result["removed"], result["unchanged"]
        events.record(f"{job.kind}_imported", actor=actor, obj=project, job=job.pk, rows=job.total_rows,
                      created=job.created_count, updated=job.updated_count, removed=job.removed_count,
                      month=f"{job.month:%Y-%m}" if job.month else "")
        title = _("%(kind)s imported for %(code)s: %(rows)d rows") % {
            "kind": job.get_kind_display(), "code": project.code, "rows": job.total_rows}
        if job.month:
            title += f" ({job.month:%Y-%m})"
        add_entry(project.general_contractor, "project", title, actor=actor, obj=job, url=project.get_absolute_url())
        return _finish(job, ImportStatus.DONE)


def _progress(job, n):
    job.processed_rows = n
    ProjectImport.objects.filter(pk=job.pk).update(processed_rows=n)


def _finish(job, status, errors=()):
    job.status = status
    job.errors = list(errors)
    job.data = None
    job.finished_at = timezone.now()
    job.save()
    if status == ImportStatus.FAILED:
        events.record("project_import_rejected", actor=job.created_by, obj=job.project, success=False,
                      job=job.pk, kind=job.kind, errors=len(job.errors))
    return job
