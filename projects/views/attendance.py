"""A project's attendance: the months on file (days, workers with attendance, workers paid), one month's
workers, and the labour officer's entry and correction of one worker's days."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.collation import pinyin
from kernel.errors import DomainError, form_error_from
from kernel.fetch import may_act_on
from kernel.roles import Action
from kernel.views import page_object

from .. import services
from ..forms import AttendanceForm
from ..models import Attendance, Project
from ..querysets import attendance_months


def _project(request, pk, action=Action.VIEW):
    return page_object(request, Project.objects.select_related("district"), action, pk=pk)


def _may_change(user, project) -> bool:
    return may_act_on(user, Action.CHANGE, project)


@login_required
def attendance_list(request, pk):
    """The months of a project's attendance, newest first, with the entry form for those who may change it."""
    project = _project(request, pk)
    may_change = _may_change(request.user, project)
    return render(request, "projects/attendance_list.html", {
        "project": project, "months": attendance_months(request.user, project), "may_change": may_change,
        "form": AttendanceForm(project=project, user=request.user) if may_change else None})


@login_required
def attendance_month(request, pk, month):
    project = _project(request, pk)
    try:
        first = dt.date.fromisoformat(f"{month}-01")
    except ValueError as exc:
        raise Http404 from exc
    rows = (Attendance.objects.visible_to(request.user).filter(employment__project=project, month=first)
            .select_related("employment__worker", "recorded_by")
            .order_by(pinyin("employment__worker__name"), "pk"))
    return render(request, "projects/attendance_month.html", {
        "project": project, "month": first, "rows": rows, "may_change": _may_change(request.user, project)})


def _save(request, project, form):
    try:
        record = services.record_attendance(project, form.cleaned_data["employment"].pk,
                                            form.cleaned_data["month"], form.cleaned_data["days_on_site"],
                                            actor=request.user)
    except DomainError as exc:
        form_error_from(form, exc)
        return None
    messages.success(request, _("Attendance saved."))
    return redirect("projects:attendance-month", pk=project.pk, month=f"{record.month:%Y-%m}")


@login_required
def attendance_add(request, pk):
    return _entry(request, _project(request, pk, Action.CHANGE), None, _("Enter attendance"))


@login_required
def attendance_edit(request, pk):
    record = page_object(request, Attendance.objects.select_related("employment__project"), Action.CHANGE, pk=pk)
    return _entry(request, record.employment.project, record, _("Correct attendance"))


def _entry(request, project, record, title):
    form = AttendanceForm(request.POST or None, instance=record, project=project, user=request.user)
    if request.method == "POST" and form.is_valid():
        response = _save(request, project, form)
        if response:
            return response
    return render(request, "projects/form.html", {"form": form, "project": project, "title": title})
