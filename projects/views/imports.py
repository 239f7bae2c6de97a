"""Excel imports for a project: upload, templates, the job page with its progress bar (htmx polling, no
inline script), confirmation of a month's replacement."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.choices import Action
from audit import events
from core.excel import XLSX_CONTENT_TYPE, WorkbookRejected, check_upload

from ..choices import ImportKind, ImportStatus
from ..forms import ImportForm
from ..importers import common, runner
from ..models import Project, ProjectImport
from ..tasks import run_project_import

# Files up to this size (a few thousand rows) are checked while the user waits; larger ones by a worker.
INLINE_MAX_BYTES = 256 * 1024
TEMPLATE_NAMES = {ImportKind.ROSTER: "roster-template.xlsx", ImportKind.PAYROLL: "payroll-template.xlsx",
                  ImportKind.BANK_STATEMENT: "bank-statement-template.xlsx"}


@login_required
def import_upload(request, pk):
    project = get_object_or_404(Project.objects.visible_to(request.user, Action.CHANGE).select_related(
        "general_contractor"), pk=pk)
    initial = {"kind": request.GET.get("kind", ImportKind.PAYROLL)}
    form = ImportForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data = check_upload(upload)
        except WorkbookRejected as exc:
            events.record("project_import_rejected", actor=request.user, obj=project, success=False, reason=str(exc))
            form.add_error("file", str(exc))
        else:
            job = runner.create_job(project, form.cleaned_data["kind"], actor=request.user, file_name=upload.name,
                                    data=data, month=form.cleaned_data["month"])
            if len(data) <= INLINE_MAX_BYTES:
                runner.run_import(job)
            else:
                transaction.on_commit(lambda: run_project_import.delay(job.pk))
            return redirect(job)
    return render(request, "projects/import.html", {
        "project": project, "form": form, "columns": {k: runner.IMPORTERS[k].COLUMNS for k in ImportKind},
        "kinds": ImportKind.choices})


@login_required
def import_template(request, kind):
    if kind not in runner.IMPORTERS:
        return redirect("projects:list")
    importer = runner.IMPORTERS[kind]
    response = HttpResponse(common.template_workbook(importer.COLUMNS, importer.TITLE),
                            content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_NAMES[kind]}"'
    return response


def _job(request, pk):
    return get_object_or_404(ProjectImport.objects.visible_to(request.user).select_related(
        "project__general_contractor", "created_by"), pk=pk)


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
    return render(request, "projects/_import_progress.html", {"job": job})


@login_required
@require_POST
def import_confirm(request, pk):
    job = _job(request, pk)
    if job.status != ImportStatus.CONFIRM:
        return redirect(job)
    job = runner.confirm_import(job, actor=request.user)
    if job.status == ImportStatus.CONFIRM:
        messages.warning(request, _("The month changed since you looked; check the new changes."))
    return redirect(job)


@login_required
@require_POST
def import_cancel(request, pk):
    job = runner.cancel_import(_job(request, pk), actor=request.user)
    messages.info(request, _("The import was cancelled; nothing was changed."))
    return redirect(job)
