"""The approval screens: the list of requests (with the cases' pending draw-down requests above it) and one
request with approve / reject (maker ≠ checker)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.views import FilteredListView
from kernel.errors import DomainError, form_error_from
from kernel.roles import Action
from kernel.views import page_object

from .. import draws, services
from ..filtersets import ApprovalFilterSet
from ..forms import DecisionForm
from ..models import Approval
from . import actions


def _local(value):
    return timezone.localtime(value).replace(tzinfo=None) if value else None


class ApprovalListView(FilteredListView):
    model = Approval
    filterset_class = ApprovalFilterSet
    template_name = "deposits/approval_list.html"
    export_filename = "deposit-approvals"
    export_columns = [
        (gettext_lazy("Kind"), lambda a: a.get_kind_display()),
        (gettext_lazy("Status"), lambda a: a.get_status_display()),
        (gettext_lazy("For"), lambda a: str(a.target)),
        (gettext_lazy("Amount (CNY)"), lambda a: a.amount),
        (gettext_lazy("Workers"), lambda a: a.workers),
        (gettext_lazy("Case"), lambda a: a.case_ref),
        (gettext_lazy("Requested by"), lambda a: str(a.requested_by)),
        (gettext_lazy("Requested"), lambda a: _local(a.requested_at)),
        (gettext_lazy("Decided by"), lambda a: str(a.decided_by or "")),
        (gettext_lazy("Decided"), lambda a: _local(a.decided_at)),
    ]

    def get_queryset(self):
        return (super().get_queryset()
                .select_related("deposit__project", "fund", "requested_by", "decided_by", "district")
                .order_by("status", "-requested_at", "-pk"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        draw = actions.BY_SLUG["draw"]
        rows = draws.pending_drawdowns(self.request.user)
        for row in rows:
            row.may_draw = row.deposit is not None and row.pending_draw is None \
                and draw.available(self.request.user, row.deposit)
        context["drawdown_requests"] = rows
        return context


@login_required
def approval_detail(request, pk):
    approval = page_object(request, Approval.objects.select_related(
        "deposit__project", "deposit__enterprise", "fund", "requested_by", "decided_by"), Action.VIEW, pk=pk)
    may_decide = services.may_decide(approval, request.user)
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        if not may_decide:
            raise PermissionDenied
        if form.is_valid():
            note = form.cleaned_data["note"]
            try:
                if request.POST.get("decision") == "reject":
                    services.reject(approval, actor=request.user, note=note)
                    messages.success(request, _("Request rejected."))
                else:
                    services.approve(approval, actor=request.user, note=note)
                    messages.success(request, _("Request approved."))
            except DomainError as exc:
                form_error_from(form, exc)
            else:
                return redirect("deposits:approval-detail", pk=approval.pk)
    return render(request, "deposits/approval_detail.html", {
        "approval": approval, "form": form, "may_decide": may_decide,
        "own_request": approval.requested_by_id == request.user.pk})
