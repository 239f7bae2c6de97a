"""The one way an import runs, whatever it imports.

    submit()  stage the submission encrypted on a new job, then run it now or queue it (decided here, by one
              setting: IMPORT_INLINE_MAX_BYTES, never by a view)
    run()     claim the job (a conditional UPDATE queued → running: only the caller that changed the row goes
              on, so two workers never run one job), read and validate EVERY row without writing, then either
              fail with every error (row and column), stop at "confirm" when the import replaces records the
              user should review first (importer.diff), or apply it all in ONE transaction
    confirm() claim confirm → applying, validate again, apply; cancel() confirm → cancelled

Whatever goes wrong (a damaged file, an IntegrityError from a concurrent change, a bug, the database going away),
the job ends "failed" with a message and its staged submission purged; nothing of a failed import is written,
because applying happens inside one transaction. A job lost with its worker is failed by fail_stale_jobs().

An importer (a subclass of Importer) only says what its columns are, how a row is validated, what a replacement
would change, how a valid submission is applied and what is audited.
"""

import base64
import json
import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel import crypto

from .cells import Validated, error_values, finish_errors, rounded_identifiers, template_workbook
from .models import ImportJob
from .reading import Column, Records, WorkbookRejected, check_upload, read_records, records_from_api
from .states import ImportState

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 1000
MAX_IGNORED_SHOWN = 50


class Importer:
    """One kind of import. Subclasses set the columns and implement validate and apply."""

    columns: list[Column] = []
    title = ""  # the sheet title of the template
    example: list | None = None
    # Shown when applying hits a unique constraint because the records changed since validation.
    conflict_message = None

    def check_may_submit(self, job, actor):
        """Raise PermissionDenied unless the actor may confirm or cancel this job (refused unless overridden)."""
        raise PermissionDenied

    def template(self) -> bytes:
        return template_workbook(self.columns, self.title, self.example)

    def validate(self, job, records: Records, progress) -> Validated:
        """Check every row without writing; call progress(n) after each row (the service throttles it)."""
        raise NotImplementedError

    def diff(self, job, validated: Validated) -> dict:
        """What applying would replace, for the user to confirm first: {} when nothing needs a review, else
        {"added", "changed", "removed", "unchanged", "digest", ...}."""
        return {}

    def apply(self, job, validated: Validated, actor) -> dict:
        """Write a valid submission; runs inside the import's transaction. Returns the counts
        {"created", "updated", "removed", "unchanged"}."""
        raise NotImplementedError

    # Audit (and timeline) of the outcome. succeeded() runs in the same transaction as apply().
    def succeeded(self, job, actor):
        pass

    def failed(self, job):
        pass

    def cancelled(self, job, actor):
        pass

    def upload_rejected(self, actor, reason: str, target=None):
        """An upload refused before a job was made (not a workbook, too big)."""


# --- submitting --------------------------------------------------------------------------------------------

def _seal(payload: bytes) -> str:
    return crypto.encrypt(base64.b64encode(payload).decode())


def _unseal(token: str) -> bytes:
    return base64.b64decode(crypto.decrypt(token))


def accept_upload(upload, importer: Importer, *, actor, target=None) -> bytes:
    """The uploaded workbook's bytes; an upload that is no sane workbook is refused (and audited)."""
    try:
        return check_upload(upload)
    except WorkbookRejected as exc:
        importer.upload_rejected(actor, str(exc), target)
        raise


def stage(model: type[ImportJob], *, actor, file_name="", data: bytes | None = None, items: list | None = None,
          **fields) -> ImportJob:
    """A queued job holding a workbook (`data`) or API rows (`items`), encrypted."""
    if items is not None:
        payload, source = json.dumps(items, default=str).encode(), "api"
    else:
        payload, source = data or b"", "xlsx"
    job = model.objects.create(created_by=actor, source=source, file_name=(file_name or "api")[:255],
                               data=_seal(payload), **fields)
    job.staged_bytes = len(payload)
    return job


def runs_inline(size: int) -> bool:
    """Small submissions are imported while the user waits; larger ones by a Celery worker."""
    return size <= settings.IMPORT_INLINE_MAX_BYTES


def start(job: ImportJob) -> ImportJob:
    """Run a staged job now, or queue it for a worker once the transaction that staged it commits."""
    size = getattr(job, "staged_bytes", None)
    if size is None:
        size = len(_unseal(job.data)) if job.data else 0
    if runs_inline(size):
        return run(job)
    from .tasks import run_import_job  # the task module imports this one

    label, pk = job._meta.label, job.pk
    transaction.on_commit(lambda: run_import_job.delay(label, pk))
    return job


def submit(model: type[ImportJob], **kwargs) -> ImportJob:
    return start(stage(model, **kwargs))


# --- running -----------------------------------------------------------------------------------------------

def claim(job: ImportJob, expected, new_state, **fields) -> bool:
    """Move the job from `expected` to `new_state` in one conditional UPDATE; False if someone else did."""
    expected = [expected] if isinstance(expected, str) else list(expected)
    claimed = type(job).objects.filter(pk=job.pk, status__in=expected).update(status=new_state, **fields)
    if claimed == 1:
        job.status = new_state
        for name, value in fields.items():
            setattr(job, name, value)
        return True
    job.refresh_from_db()
    return False


def run(job: ImportJob) -> ImportJob:
    """Validate the whole submission; apply it, or stop at "confirm" when it replaces records on file."""
    if not claim(job, ImportState.QUEUED, ImportState.RUNNING, started_at=timezone.now(), processed_rows=0):
        return job  # finished, or another worker has it
    importer = job.get_importer()
    try:
        records = _load(job, importer)
        if isinstance(records, list):
            return _fail(job, importer, records)
        job.total_rows = len(records.rows)
        type(job).objects.filter(pk=job.pk).update(total_rows=job.total_rows)
        validated = _validate(job, importer, records)
        _set_progress(job, job.total_rows)
        if validated.errors:
            return _fail(job, importer, validated.errors)
        changes = importer.diff(job, validated)
        if changes and (changes["changed"] or changes["removed"] or changes["added"]):
            job.changes = changes
            job.created_count, job.updated_count = changes["added"], changes["changed"]
            job.removed_count, job.unchanged_count = changes["removed"], changes["unchanged"]
            job.status = ImportState.CONFIRM
            job.save()
            return job
        return _apply(job, importer, validated, job.created_by)
    except Exception as exc:  # noqa: BLE001 (whatever it is, the job must not stay "running")
        return _fail_unexpectedly(job, importer, exc)


def confirm(job: ImportJob, *, actor) -> ImportJob:
    """Apply a replacement the user has seen. The submission is checked again: if the records changed
    meanwhile, the user sees the new changes instead of an import they did not review."""
    importer = job.get_importer()
    importer.check_may_submit(job, actor)
    if not claim(job, ImportState.CONFIRM, ImportState.APPLYING, started_at=timezone.now()):
        return job
    try:
        records = _load(job, importer)
        if isinstance(records, list):
            return _fail(job, importer, records)
        validated = _validate(job, importer, records)
        if validated.errors:
            return _fail(job, importer, validated.errors)
        changes = importer.diff(job, validated)
        if changes and changes.get("digest") != job.changes.get("digest"):
            job.changes, job.status = changes, ImportState.CONFIRM
            job.save()
            return job
        return _apply(job, importer, validated, actor)
    except Exception as exc:  # noqa: BLE001
        return _fail_unexpectedly(job, importer, exc)


def cancel(job: ImportJob, *, actor) -> ImportJob:
    """Drop a replacement waiting for confirmation; nothing is changed."""
    importer = job.get_importer()
    importer.check_may_submit(job, actor)
    if claim(job, ImportState.CONFIRM, ImportState.CANCELLED):
        _end(job, ImportState.CANCELLED)
        importer.cancelled(job, actor)
    return job


def _load(job, importer) -> Records | list:
    """The staged rows, or the errors that refuse the whole submission."""
    columns = importer.columns
    try:
        payload = _unseal(job.data)
        if job.source == "api":
            records = records_from_api(json.loads(payload), columns)
        else:
            records = read_records(payload, columns)
    except WorkbookRejected as exc:
        return [_error(0, "", str(exc))]
    except Exception:  # noqa: BLE001 (openpyxl raises many kinds on a damaged file)
        logger.info("import %s %s: workbook cannot be read", job._meta.label, job.pk, exc_info=True)
        return [_error(0, "", _("The workbook cannot be read."))]
    job.ignored_columns = records.ignored[:MAX_IGNORED_SHOWN]  # saved with the outcome
    if records.missing:
        return [_error(1, header, _("The column is missing.")) for header in records.missing]
    if not records.rows:
        return [_error(0, "", _("The sheet has no rows to import."))]
    return records


def _validate(job, importer, records) -> Validated:
    """The importer's validation, plus the checks every importer gets on a workbook: numbers Excel rounded,
    Excel error values (#NAME?, #VALUE!) taken for data."""
    validated = importer.validate(job, records, _progress_of(job))
    if job.source != "api":
        found = [*error_values(records, importer.columns), *rounded_identifiers(records, importer.columns)]
        taken = {(e["row"], e["column"]) for e in validated.errors}  # the importer's own word on a cell wins
        extra = []
        for error in found:
            if (error["row"], error["column"]) not in taken:
                taken.add((error["row"], error["column"]))
                extra.append(error)
        if extra:
            validated.errors = finish_errors([*validated.errors, *extra])
    return validated


def _apply(job, importer, validated, actor) -> ImportJob:
    with transaction.atomic():
        result = importer.apply(job, validated, actor)
        job.created_count, job.updated_count = result.get("created", 0), result.get("updated", 0)
        job.removed_count, job.unchanged_count = result.get("removed", 0), result.get("unchanged", 0)
        _end(job, ImportState.SUCCEEDED)
        importer.succeeded(job, actor)
    return job


def _fail(job, importer, errors) -> ImportJob:
    _end(job, ImportState.FAILED, errors=finish_errors(list(errors)))
    importer.failed(job)
    return job


def _fail_unexpectedly(job, importer, exc) -> ImportJob:
    if isinstance(exc, IntegrityError):
        message = importer.conflict_message or _(
            "The records changed while importing; nothing was imported. Import the file again.")
        logger.warning("import %s %s: integrity error while applying", job._meta.label, job.pk, exc_info=True)
    else:
        message = _("The import failed unexpectedly; nothing was imported. Import the file again or ask the "
                    "administrator.")
        logger.exception("import %s %s failed", job._meta.label, job.pk)
    # The counts of a rolled-back apply are not true.
    job.created_count = job.updated_count = job.removed_count = job.unchanged_count = 0
    return _fail(job, importer, [_error(0, "", message)])


def _end(job, state, errors=()):
    """Finish the job and purge its staged submission."""
    job.status = state
    job.errors = list(errors)
    job.data = None
    job.finished_at = timezone.now()
    job.save()


def _error(row, column, message) -> dict:
    return {"row": row, "column": column, "message": str(message)}


def _set_progress(job, n):
    job.processed_rows = n
    type(job).objects.filter(pk=job.pk).update(processed_rows=n)


def _progress_of(job):
    """progress(n) for the importer: written every PROGRESS_EVERY rows, for the page that polls it."""
    def progress(n):
        if n % PROGRESS_EVERY == 0:
            _set_progress(job, n)
    return progress


# --- jobs lost with their worker ---------------------------------------------------------------------------

def job_models() -> list[type[ImportJob]]:
    return [m for m in apps.get_models() if issubclass(m, ImportJob)]


def fail_stale_jobs(now=None) -> int:
    """Fail every job claimed longer ago than IMPORT_STALE_AFTER_SECONDS and still running: its worker died
    (nothing was applied: applying is one transaction). The staged submission is purged."""
    cutoff = (now or timezone.now()) - timedelta(seconds=settings.IMPORT_STALE_AFTER_SECONDS)
    failed = 0
    for model in job_models():
        lost = model.objects.filter(Q(started_at__lt=cutoff) | Q(started_at__isnull=True, created_at__lt=cutoff),
                                    status__in=[ImportState.RUNNING, ImportState.APPLYING])
        for job in lost:
            if claim(job, [ImportState.RUNNING, ImportState.APPLYING], ImportState.FAILED):
                _fail(job, job.get_importer(), [_error(0, "", _(
                    "The import was interrupted; nothing was imported. Import the file again."))])
                failed += 1
    return failed
