"""Emergency revolving funds: the list with balances, a fund's ledger and its actions."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.views import FilteredListView
from kernel.actions import RecordAction, panel
from kernel.errors import DomainError, message_from
from kernel.fetch import in_scope, may_act_on
from kernel.roles import Action
from kernel.views import page_object

from .. import services
from ..filtersets import EmergencyFundFilterSet
from ..forms import AdvanceForm, FundTopupForm, RecoveryForm, UsesForm
from ..models import EmergencyFund, FundEntry

# Lanzhou's published figure counts uses since 2017 (issue 5): the default start of the uses report.
USES_SINCE_DEFAULT = dt.date(2017, 1, 1)


class FundListView(FilteredListView):
    model = EmergencyFund
    filterset_class = EmergencyFundFilterSet
    template_name = "deposits/fund_list.html"
    export_filename = "emergency-funds"
    export_columns = [
        (gettext_lazy("Fund"), lambda f: f.name),
        (gettext_lazy("Level"), lambda f: f.get_level_display()),
        (gettext_lazy("District"), lambda f: f.district.name if f.district_id else ""),
        (gettext_lazy("Target size (CNY)"), lambda f: f.target_amount),
        (gettext_lazy("Balance (CNY)"), lambda f: f.balance),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("district")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        funds = list(context["object_list"])
        balances = services.balances(funds)
        for fund in funds:
            fund.current = balances.get(fund.pk) or 0
        context["funds"] = funds
        form = UsesForm(self.request.GET or None)
        since = form.cleaned_data.get("since") if form.is_valid() else None
        context["uses_form"] = form
        context["uses"] = services.uses_since(self.object_list, since or USES_SINCE_DEFAULT)
        return context


# The fund's actions (kernel.actions): open whenever the user may change the fund; what the amounts allow is
# the services' to say on the form's values.
FUND_ACTIONS = [
    RecordAction("topup", gettext_lazy("Top up from the budget"), form=FundTopupForm, url_name="deposits:fund-action",
                 run=lambda f, u, c, form: services.top_up_fund(f, actor=u, amount=c["amount"], memo=c["memo"],
                                                                key=c["key"])),
    RecordAction("advance", gettext_lazy("Request an advance"), form=AdvanceForm, url_name="deposits:fund-action",
                 run=lambda f, u, c, form: services.request_advance(f, actor=u, amount=c["amount"],
                                                                    workers=c["workers"], case_ref=c["case_ref"],
                                                                    case=form.case, reason=c["reason"], key=c["key"])),
    RecordAction("recovery", gettext_lazy("Record a recovery"), form=RecoveryForm, url_name="deposits:fund-action",
                 run=lambda f, u, c, form: services.record_recovery(f, actor=u, amount=c["amount"],
                                                                    case_ref=c["case_ref"], memo=c["memo"],
                                                                    key=c["key"])),
]
BY_KEY = {action.key: action for action in FUND_ACTIONS}


def _form(form_class, user, data=None):
    return form_class(data, user=user) if form_class is AdvanceForm else form_class(data)


@login_required
def fund_detail(request, pk):
    fund = page_object(request, EmergencyFund.objects.select_related("district"), Action.VIEW, pk=pk)
    may_act = may_act_on(request.user, Action.CHANGE, fund)
    entries = (FundEntry.objects.visible_to(request.user).filter(fund=fund)
               .select_related("created_by", "approval").order_by("-seq"))
    states = panel(FUND_ACTIONS, request.user, fund, {Action.CHANGE: may_act})
    for state in states:
        state.form = _form(state.action.form, request.user)
    return render(request, "deposits/fund_detail.html", {
        "fund": fund, "entries": entries, "balance": fund.balance, "actions": states,
        "approvals": fund.approvals.select_related("requested_by", "decided_by")[:20],
        "uses": services.uses_since(in_scope(EmergencyFund, request.user).filter(pk=fund.pk), USES_SINCE_DEFAULT),
    })


@login_required
@require_POST
def fund_action(request, pk, action):
    fund = page_object(request, EmergencyFund, Action.CHANGE, pk=pk)
    spec = BY_KEY.get(action)
    if spec is None:
        raise Http404
    label = spec.label
    form = _form(spec.form, request.user, request.POST)
    if form.is_valid():
        try:
            result = spec.run(fund, request.user, form.cleaned_data, form)
        except DomainError as exc:
            message_from(request, exc)
        else:
            messages.success(request, _("%(action)s: done.") % {"action": label})
            if action == "advance":
                return redirect("deposits:approval-detail", pk=result.pk)
    else:
        messages.error(request, " ".join(f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}"
                                         for f, e in form.errors.items()))
    return redirect(fund)
