"""The actions an official may take on a deposit now, as kernel.actions.RecordAction: label, form, the
service call and the service's own check_<action>, which the service asks again on the locked row. The
detail page shows the buttons; deposit_action runs one."""

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from core import bounds
from core.forms import BootstrapFormMixin
from kernel.actions import RecordAction, panel
from kernel.roles import Action

from .. import forms, services
from ..choices import Adjustment, DepositStatus, TriggerKind


class ReassessForm(BootstrapFormMixin, django_forms.Form):
    trigger = django_forms.ChoiceField(label=_("Deadline runs from"), choices=TriggerKind.choices)
    trigger_date = bounds.PastDateField(label=_("Trigger date"))
    annual_amount = bounds.ContractAmountField(label=_("Annual contract amount (multi-year contracts)"),
                                               required=False, minimum=bounds.SMALLEST_PAYMENT)


def deposit_action(key, label, form, run, check, style="outline-primary", applies=None):
    """One action on a deposit: a button to its form page, offered when the service's check_<action> passes."""
    extra = {"applies": applies} if applies else {}
    return RecordAction(key=key, label=label, form=form, run=run, check=check, style=style,
                        url_name="deposits:action", method="get", **extra)


D = services.deposit
A = services.approvals


ACTIONS = [
    deposit_action("reassess", _("Re-assess"), ReassessForm,
                   lambda d, u, c, f: services.assess_deposit(d.project, actor=u, trigger=c["trigger"],
                                                              trigger_date=c["trigger_date"],
                                                              annual_amount=c["annual_amount"]),
                   D.check_reassess, applies=lambda d: d.status == DepositStatus.REQUIRED),
    # An exempt assessment is recorded as an exemption, not paid (the service records what is given).
    deposit_action("cash", _("Record cash received"), forms.CashForm,
                   lambda d, u, c, f: services.record_cash(d, actor=u, amount=c["amount"], bank_name=c["bank_name"],
                                                           account_number=c["account_number"],
                                                           received_on=c["received_on"], key=c["key"]),
                   D.check_record_cash, "primary", applies=lambda d: d.adjustment != Adjustment.EXEMPT),
    deposit_action("guarantee", _("Record a guarantee"), forms.GuaranteeForm,
                   lambda d, u, c, f: services.record_guarantee(
                       d, actor=u, form=c["form"], guarantor=c["guarantor"], number=c["number"], amount=c["amount"],
                       valid_from=c["valid_from"], valid_until=c["valid_until"], original_held=c["original_held"],
                       key=c["key"]),
                   D.check_record_guarantee, "primary", applies=lambda d: d.adjustment != Adjustment.EXEMPT),
    deposit_action("exemption", _("Record the exemption"), forms.ExemptionForm,
                   lambda d, u, c, f: services.record_exemption(d, actor=u, basis=c["basis"]),
                   D.check_record_exemption, "primary"),
    # A top-up due is settled first (65号: the balance restored before a further draw).
    deposit_action("draw", _("Request a draw"), forms.DrawForm,
                   lambda d, u, c, f: services.request_draw(d, actor=u, amount=c["amount"], case_ref=c["case_ref"],
                                                            payees=c["payees"], reason=c["reason"], key=c["key"]),
                   A.check_request_draw, "outline-danger", applies=lambda d: d.status != DepositStatus.TOPUP_DUE),
    deposit_action("topup", _("Record the top-up"), forms.TopupForm,
                   lambda d, u, c, f: services.record_topup(d, actor=u, amount=c["amount"],
                                                            received_on=c["received_on"], memo=c["memo"],
                                                            key=c["key"]),
                   D.check_record_topup, "primary"),
    deposit_action("interest", _("Record interest withdrawn"), forms.InterestForm,
                   lambda d, u, c, f: services.withdraw_interest(d, actor=u, amount=c["amount"], key=c["key"]),
                   D.check_withdraw_interest),
    deposit_action("renew", _("Renew the guarantee"), forms.RenewForm,
                   lambda d, u, c, f: services.renew_guarantee(d, actor=u, number=c["number"],
                                                               valid_until=c["valid_until"]),
                   D.check_renew_guarantee),
    deposit_action("start_return", _("Start the return"), forms.StartReturnForm,
                   lambda d, u, c, f: services.start_return(d, actor=u, commitment_on=c["commitment_on"],
                                                            publicity_from=c["publicity_from"]),
                   D.check_start_return),
    deposit_action("apply_return", _("Record the return application"), forms.ApplyReturnForm,
                   lambda d, u, c, f: services.apply_return(d, actor=u, applied_on=c["applied_on"]),
                   D.check_apply_return),
    deposit_action("request_return", _("Reviewed: no arrears, request the return"), forms.ReasonForm,
                   lambda d, u, c, f: services.request_return(d, actor=u, reason=c["reason"], key=c["key"]),
                   A.check_request_return, "primary"),
    deposit_action("refuse_return", _("Reviewed: arrears found, refuse the return"), forms.ReasonForm,
                   lambda d, u, c, f: services.refuse_return(d, actor=u, reason=c["reason"]),
                   D.check_refuse_return, "outline-danger"),
    deposit_action("reverse", _("Correct an entry"), forms.ReverseForm,
                   lambda d, u, c, f: services.reverse_entry(c["entry"], actor=u, reason=c["reason"], key=c["key"]),
                   D.check_reverse_entry, "outline-secondary"),
]
BY_SLUG = {action.key: action for action in ACTIONS}


def form_for(action, deposit, user, data=None, query=None):
    kwargs = {}
    if action.form is forms.DrawForm:
        # Started from a case's draw-down request (approvals page): the case and amount are filled in.
        query = query or {}
        kwargs = {"deposit": deposit, "user": user,
                  "initial": {k: query[p] for k, p in (("case_ref", "case"), ("amount", "amount")) if query.get(p)}}
    elif action.form is forms.ReverseForm:
        kwargs = {"entries": deposit.entries.all()}
    elif action.key == "reassess":
        kwargs = {"initial": {"trigger": deposit.trigger, "trigger_date": deposit.trigger_date}}
    return action.form(data, **kwargs)


def available(deposit, user, may_act: bool):
    """The deposit page's panel: the actions whose service check passes now (none without the right)."""
    return panel(ACTIONS, user, deposit, {Action.CHANGE: may_act}, explain=False)
