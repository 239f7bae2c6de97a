"""Emergency revolving funds: the list with balances, a fund's ledger and its actions."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.views import FilteredListView
from kernel.errors import DomainError, message_from
from kernel.roles import Action

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


FUND_ACTIONS = {
    "topup": (FundTopupForm, gettext_lazy("Top up from the budget"),
              lambda f, u, c, form: services.top_up_fund(f, actor=u, amount=c["amount"], memo=c["memo"],
                                                         key=c["key"])),
    "advance": (AdvanceForm, gettext_lazy("Request an advance"),
                lambda f, u, c, form: services.request_advance(f, actor=u, amount=c["amount"], workers=c["workers"],
                                                               case_ref=c["case_ref"], case=form.case,
                                                               reason=c["reason"], key=c["key"])),
    "recovery": (RecoveryForm, gettext_lazy("Record a recovery"),
                 lambda f, u, c, form: services.record_recovery(f, actor=u, amount=c["amount"],
                                                                case_ref=c["case_ref"], memo=c["memo"],
                                                                key=c["key"])),
}


def _form(form_class, user, data=None):
    return form_class(data, user=user) if form_class is AdvanceForm else form_class(data)


@login_required
def fund_detail(request, pk):
    fund = get_object_or_404(EmergencyFund.objects.visible_to(request.user).select_related("district"), pk=pk)
    may_act = EmergencyFund.objects.visible_to(request.user, Action.CHANGE).filter(pk=pk).exists()
    entries = (FundEntry.objects.visible_to(request.user).filter(fund=fund)
               .select_related("created_by", "approval").order_by("-seq"))
    forms = {slug: (label, _form(form_class, request.user)) for slug, (form_class, label, _run) in FUND_ACTIONS.items()}
    return render(request, "deposits/fund_detail.html", {
        "fund": fund, "entries": entries, "balance": fund.balance, "forms": forms if may_act else {},
        "approvals": fund.approvals.select_related("requested_by", "decided_by")[:20],
        "uses": services.uses_since(EmergencyFund.objects.filter(pk=fund.pk), USES_SINCE_DEFAULT),
    })


@login_required
@require_POST
def fund_action(request, pk, action):
    fund = get_object_or_404(EmergencyFund.objects.visible_to(request.user, Action.CHANGE), pk=pk)
    if action not in FUND_ACTIONS:
        raise Http404
    form_class, label, run = FUND_ACTIONS[action]
    form = _form(form_class, request.user, request.POST)
    if form.is_valid():
        try:
            result = run(fund, request.user, form.cleaned_data, form)
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
