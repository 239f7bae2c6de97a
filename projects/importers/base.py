"""What the project importers share on top of core.imports: who may submit for a project, and what is audited
and written on the general contractor's timeline."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from audit import events
from audit.kinds import AuditKind
from core.imports.cells import parse_row
from core.imports.service import Importer
from enterprises.timeline import record_with_timeline
from kernel import crypto
from kernel.roles import Action

from ..choices import ImportKind
from ..models import Employment

# The audit kind of each successful project import.
IMPORTED = {ImportKind.ROSTER: AuditKind.ROSTER_IMPORTED, ImportKind.PAYROLL: AuditKind.PAYROLL_IMPORTED,
            ImportKind.BANK_STATEMENT: AuditKind.BANK_STATEMENT_IMPORTED,
            ImportKind.ATTENDANCE: AuditKind.ATTENDANCE_IMPORTED}


def check_may_submit(project, actor):
    from ..models import Project

    if not Project.objects.visible_to(actor, Action.CHANGE).filter(pk=project.pk).exists():
        raise PermissionDenied(_("You may not submit data for this project."))


class ProjectImporter(Importer):
    """An import into one project (job.project); job.kind says which."""

    def check_may_submit(self, job, actor):
        check_may_submit(job.project, actor)

    def succeeded(self, job, actor):
        project = job.project
        title = _("%(kind)s imported for %(code)s: %(rows)d rows") % {
            "kind": job.get_kind_display(), "code": project.code, "rows": job.total_rows}
        if job.month:
            title += f" ({job.month:%Y-%m})"
        record_with_timeline(IMPORTED[job.kind], project.general_contractor, "project", title, actor=actor,
                             obj=project, entry_obj=job, url=project.get_absolute_url(), job=job.pk,
                             rows=job.total_rows, created=job.created_count, updated=job.updated_count,
                             removed=job.removed_count, month=f"{job.month:%Y-%m}" if job.month else "")

    def failed(self, job):
        events.record(AuditKind.PROJECT_IMPORT_REJECTED, actor=job.created_by, obj=job.project, success=False,
                      job=job.pk, kind=job.kind, errors=len(job.errors))

    def cancelled(self, job, actor):
        events.record(AuditKind.PROJECT_IMPORT_CANCELLED, actor=actor, obj=job.project, job=job.pk)

    def upload_rejected(self, actor, reason, target=None):
        events.record(AuditKind.PROJECT_IMPORT_REJECTED, actor=actor, obj=target, success=False, reason=reason)


def roster(project) -> dict:
    """{blind index: (employment id, worker name)} of the project's roster, in one query."""
    rows = Employment.objects.filter(project=project).values_list("pk", "worker__id_number_index", "worker__name")
    return {index: (pk, name) for pk, index, name in rows}


def roster_rows(project, records, parsers, validated, progress):
    """The rows that parse (errors go to ``validated``), each as (row number, parsed values without the ID
    number, the ID number's blind index, the roster entry (employment id, name) or None)."""
    entries = roster(project)
    for count, (number, raw) in enumerate(records.rows, start=1):
        progress(count)
        parsed = parse_row(number, raw, parsers, records.labels, validated)
        if parsed is None:
            continue
        index = crypto.blind_index(parsed.pop("id_number"))
        yield number, parsed, index, entries.get(index)
