"""The deposit register, the deposit page, its actions, its documents and the reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.excel import Ratio
from core.views import FilteredListView
from kernel.errors import DomainError, form_error_from
from kernel.fetch import may_act_on
from kernel.roles import Action
from kernel.scoping import can
from kernel.views import page_object, require_action
from projects.permits import eligibility

from .. import documents, reports, services
from ..choices import ApprovalKind, ApprovalStatus, DepositStatus
from ..filtersets import DepositFilterSet
from ..forms import AssessForm
from ..models import Approval, Deposit, LedgerEntry
from . import actions


class DepositListView(FilteredListView):
    model = Deposit
    filterset_class = DepositFilterSet
    template_name = "deposits/deposit_list.html"
    export_filename = "wage-deposits"
    export_columns = [
        (gettext_lazy("Project code"), lambda d: d.project.code),
        (gettext_lazy("Project"), lambda d: d.project.name),
        (gettext_lazy("District"), lambda d: d.project.district.name),
        (gettext_lazy("General contractor"), lambda d: d.enterprise.name),
        (gettext_lazy("Unified social credit code"), lambda d: d.enterprise.credit_code),
        (gettext_lazy("Status"), lambda d: d.get_status_display()),
        (gettext_lazy("Form"), lambda d: d.get_form_display()),
        (gettext_lazy("Rate"), lambda d: Ratio(d.rate)),
        (gettext_lazy("Adjustment"), lambda d: d.get_adjustment_display()),
        (gettext_lazy("Required (CNY)"), lambda d: d.required_amount),
        (gettext_lazy("Held (CNY)"), lambda d: d.held),
        (gettext_lazy("To be stored by"), lambda d: d.due_on),
        (gettext_lazy("Guarantee valid until"), lambda d: d.valid_until),
        (gettext_lazy("Policy"), lambda d: d.policy.code),
    ]

    def get_queryset(self):
        return (super().get_queryset().select_related("project__district", "enterprise", "policy")
                .with_balance().order_by("-assessed_on", "-pk"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["today"] = today
        context["overdue_ids"] = set(self.object_list.overdue(today).values_list("pk", flat=True))
        context["expiring_ids"] = set(self.object_list.expiring(today).values_list("pk", flat=True))
        context["can_add"] = can(self.request.user, Action.ADD, Deposit)
        return context


@login_required
def deposit_create(request):
    require_action(request.user, Action.ADD, Deposit)
    form = AssessForm(request.POST or None, user=request.user,
                      initial={"trigger_date": timezone.localdate(), "project": request.GET.get("project")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            deposit = services.assess_deposit(data["project"], actor=request.user, trigger=data["trigger"],
                                              trigger_date=data["trigger_date"], annual_amount=data["annual_amount"])
        except DomainError as exc:
            form_error_from(form, exc)
        except LookupError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Deposit assessed."))
            return redirect(deposit)
    return render(request, "deposits/deposit_form.html", {"form": form, "title": _("Assess a wage deposit")})


def _deposit(request, pk, action=Action.VIEW):
    return page_object(request, Deposit.objects.select_related("project__district", "enterprise", "policy"), action,
                       pk=pk)


@login_required
def deposit_detail(request, pk):

    deposit = _deposit(request, pk)
    may_act = may_act_on(request.user, Action.CHANGE, deposit)
    entries = (LedgerEntry.objects.visible_to(request.user).filter(deposit=deposit)
               .select_related("created_by", "reverses").order_by("seq"))
    approvals = (Approval.objects.visible_to(request.user).filter(deposit=deposit)
                 .select_related("requested_by", "decided_by"))
    today = timezone.localdate()
    return render(request, "deposits/deposit_detail.html", {
        "deposit": deposit, "entries": entries, "approvals": approvals, "balance": deposit.balance,
        "actions": actions.available(deposit, request.user, may_act), "permit": eligibility(deposit.project),
        "overdue": deposit.overdue(today), "expiring": deposit.expiring(today), "today": today,
        "returned": deposit.status == DepositStatus.RETURNED,
    })


@login_required
def deposit_action(request, pk, action):
    deposit = _deposit(request, pk, Action.CHANGE)
    spec = actions.BY_SLUG.get(action)
    if spec is None or not spec.available(request.user, deposit):
        raise Http404
    form = actions.form_for(spec, deposit, request.user, request.POST if request.method == "POST" else None,
                            query=request.GET)
    if request.method == "POST" and form.is_valid():
        try:
            result = spec.run(deposit, request.user, form.cleaned_data, form)
        except DomainError as exc:
            form_error_from(form, exc)
        else:
            messages.success(request, _("%(action)s: done.") % {"action": spec.label})
            if isinstance(result, Approval):
                return redirect("deposits:approval-detail", pk=result.pk)
            return redirect(deposit)
    return render(request, "deposits/deposit_form.html", {
        "form": form, "deposit": deposit, "title": spec.label, "action": spec,
        "case_numbers": getattr(form, "case_numbers", [])})


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def deposit_notice(request, pk):
    deposit = _deposit(request, pk)
    return _pdf(documents.deposit_notice(deposit), f"deposit-notice-{deposit.project.code}")


@login_required
def return_confirmation(request, pk):
    deposit = _deposit(request, pk)
    if deposit.status != DepositStatus.RETURNED:
        raise Http404
    return _pdf(documents.return_confirmation(deposit), f"return-confirmation-{deposit.project.code}")


@login_required
def payment_notice(request, pk):
    approval = page_object(request, Approval.objects.select_related("deposit__project", "deposit__enterprise"),
                           Action.VIEW, pk=pk, kind=ApprovalKind.DRAW, status=ApprovalStatus.APPROVED)
    return _pdf(documents.payment_notice(approval), f"payment-notice-{approval.pk}")


@login_required
def report(request):
    deposits = Deposit.objects.visible_to(request.user)
    rows = reports.totals(deposits)
    return render(request, "deposits/report.html", {"rows": rows, "total": reports.grand_total(rows)})
