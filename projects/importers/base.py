"""What the project importers share on top of core.imports: who may submit for a project, and what is audited
and written on the general contractor's timeline."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from audit import events
from audit.kinds import AuditKind
from core.imports.service import Importer
from enterprises.timeline import record_with_timeline
from kernel.roles import Action

from ..choices import ImportKind

# The audit kind of each successful project import.
IMPORTED = {ImportKind.ROSTER: AuditKind.ROSTER_IMPORTED, ImportKind.PAYROLL: AuditKind.PAYROLL_IMPORTED,
            ImportKind.BANK_STATEMENT: AuditKind.BANK_STATEMENT_IMPORTED}


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
