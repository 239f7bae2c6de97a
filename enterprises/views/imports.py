"""Excel import of enterprises: the template, the upload and the job's report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.choices import Action
from audit import events
from core.excel import XLSX_CONTENT_TYPE, WorkbookRejected, check_upload
from core.scoping import can

from .. import importer
from ..choices import ImportStatus
from ..forms import ImportForm
from ..models import Enterprise, EnterpriseImport
from ..tasks import run_enterprise_import

# Files up to this size (about 5,000 rows) are imported while the user waits; larger ones by a worker.
INLINE_MAX_BYTES = 512 * 1024


def _may_import(user) -> bool:
    return can(user, Action.ADD, Enterprise) and can(user, Action.CHANGE, Enterprise)


@login_required
def import_upload(request):
    if not _may_import(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data = check_upload(upload)
        except WorkbookRejected as exc:
            events.record("enterprises_import_rejected", actor=request.user, success=False, reason=str(exc))
            form.add_error("file", str(exc))
        else:
            job = EnterpriseImport.objects.create(created_by=request.user, file_name=upload.name[:255], data=data)
            if len(data) <= INLINE_MAX_BYTES:
                importer.run_import(job)
            else:
                transaction.on_commit(lambda: run_enterprise_import.delay(job.pk))
                messages.info(request, _("The file is being imported; this page shows the result when it is done."))
            return redirect(job)
    jobs = EnterpriseImport.objects.visible_to(request.user).select_related("created_by")[:10]
    return render(request, "enterprises/import.html", {"form": form, "jobs": jobs,
                                                       "columns": importer.COLUMNS})


@login_required
def import_template(request):
    if not _may_import(request.user):
        raise PermissionDenied
    response = HttpResponse(importer.template_workbook(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="enterprise-import-template.xlsx"'
    return response


@login_required
def import_detail(request, pk):
    job = get_object_or_404(EnterpriseImport.objects.visible_to(request.user).select_related("created_by"),
                            pk=pk)
    return render(request, "enterprises/import_detail.html", {
        "job": job, "pending": job.status in (ImportStatus.PENDING, ImportStatus.RUNNING)})
