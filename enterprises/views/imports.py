"""Excel import of enterprises: the template, the upload and the job's report (core.imports runs the job)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.excel import XLSX_CONTENT_TYPE
from core.imports import service
from core.imports.reading import WorkbookRejected
from kernel.roles import Action
from kernel.scoping import can
from kernel.views import page_object

from .. import importer
from ..forms import ImportForm
from ..models import Enterprise, EnterpriseImport


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
            data = service.accept_upload(upload, importer.IMPORTER, actor=request.user)
        except WorkbookRejected as exc:
            form.add_error("file", str(exc))
        else:
            job = service.submit(EnterpriseImport, actor=request.user, file_name=upload.name, data=data)
            if job.is_open:
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


def _job(request, pk):
    return page_object(request, EnterpriseImport.objects.select_related("created_by"), Action.VIEW, pk=pk)


@login_required
def import_detail(request, pk):
    return render(request, "enterprises/import_detail.html", {"job": _job(request, pk)})


@login_required
def import_progress(request, pk):
    """The progress partial the job page polls; once the job has left the open states the page reloads."""
    job = _job(request, pk)
    if not job.is_open:
        response = HttpResponse("")
        response["HX-Refresh"] = "true"
        return response
    return render(request, "imports/_progress.html", {"job": job, "progress_url": request.path})
