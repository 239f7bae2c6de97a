"""Excel imports for a project: upload, templates, the job page with its progress bar (htmx polling, no
inline script), confirmation of a month's replacement."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.excel import XLSX_CONTENT_TYPE
from core.imports import service
from core.imports.reading import WorkbookRejected
from core.imports.states import ImportState
from kernel.roles import Action
from kernel.views import page_object

from .. import importers
from ..choices import ImportKind
from ..forms import ImportForm
from ..models import Project, ProjectImport

TEMPLATE_NAMES = {ImportKind.ROSTER: "roster-template.xlsx", ImportKind.PAYROLL: "payroll-template.xlsx",
                  ImportKind.BANK_STATEMENT: "bank-statement-template.xlsx",
                  ImportKind.ATTENDANCE: "attendance-template.xlsx"}


@login_required
def import_upload(request, pk):
    project = page_object(request, Project.objects.select_related("general_contractor"), Action.CHANGE, pk=pk)
    initial = {"kind": request.GET.get("kind", ImportKind.PAYROLL)}
    form = ImportForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        upload, kind = form.cleaned_data["file"], form.cleaned_data["kind"]
        try:
            data = service.accept_upload(upload, importers.IMPORTERS[kind], actor=request.user, target=project)
        except WorkbookRejected as exc:
            form.add_error("file", str(exc))
        else:
            job = importers.submit(project, kind, actor=request.user, file_name=upload.name, data=data,
                                   month=form.cleaned_data["month"])
            return redirect(job)
    return render(request, "projects/import.html", {
        "project": project, "form": form, "columns": {k: importers.IMPORTERS[k].columns for k in ImportKind},
        "kinds": ImportKind.choices})


@login_required
def import_template(request, kind):
    if kind not in importers.IMPORTERS:
        return redirect("projects:list")
    response = HttpResponse(importers.IMPORTERS[kind].template(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_NAMES[kind]}"'
    return response


def _job(request, pk):
    return page_object(request, ProjectImport.objects.select_related("project__general_contractor", "created_by"),
                       Action.VIEW, pk=pk)


@login_required
def import_detail(request, pk):
    job = _job(request, pk)
    return render(request, "projects/import_detail.html", {"job": job, "project": job.project})


@login_required
def import_progress(request, pk):
    """The progress partial the job page polls; once the job has left the open states the page reloads."""
    job = _job(request, pk)
    if not job.is_open:
        response = HttpResponse("")
        response["HX-Refresh"] = "true"
        return response
    return render(request, "imports/_progress.html", {"job": job, "progress_url": request.path})


@login_required
@require_POST
def import_confirm(request, pk):
    job = _job(request, pk)
    if job.status != ImportState.CONFIRM:
        return redirect(job)
    job = service.confirm(job, actor=request.user)
    if job.status == ImportState.CONFIRM:
        messages.warning(request, _("The month changed since you looked; check the new changes."))
    return redirect(job)


@login_required
@require_POST
def import_cancel(request, pk):
    job = service.cancel(_job(request, pk), actor=request.user)
    messages.info(request, _("The import was cancelled; nothing was changed."))
    return redirect(job)
