"""The staffing report: full-time inspectors required per district by the policy in force, actual, gap."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from audit import events
from audit.kinds import AuditKind
from core.excel import stream_xlsx
from kernel.scoping import can

from .. import rules, services
from ..models import Inspector

EXPORT_COLUMNS = [
    (gettext_lazy("District"), lambda r: r["district"].name),
    (gettext_lazy("Resident population"), lambda r: r["population"]),
    (gettext_lazy("Full-time inspectors required"), lambda r: r["required"]),
    (gettext_lazy("Full-time inspectors"), lambda r: r["full_time"]),
    (gettext_lazy("Gap"), lambda r: r["gap"]),
    (gettext_lazy("Grid assistants"), lambda r: r["assistants"]),
    (gettext_lazy("City inspectors assigned (包干)"), lambda r: "、".join(r["assigned"])),
    (gettext_lazy("Responsible leader (包保)"), lambda r: "、".join(r["leaders"])),
]


@login_required
def staffing(request):
    if not can(request.user, "view", Inspector):
        raise PermissionDenied
    report = services.staffing_report(request.user)
    if request.GET.get("export") == "xlsx":
        events.record(AuditKind.LIST_EXPORTED, actor=request.user, model="inspections.staffing", filters="")
        return stream_xlsx("inspector-staffing", EXPORT_COLUMNS, report["rows"])
    return render(request, "inspections/staffing.html", {**report, "rule": rules.STAFFING_RULE})
