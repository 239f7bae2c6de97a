"""The actions an official may take on a deposit now, as data: label, form, when it applies, and the
service call. The detail page shows the buttons; deposit_action runs one. The services check again."""

from dataclasses import dataclass
from typing import Any

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from core import bounds
from core.forms import BootstrapFormMixin
from projects.choices import ProjectStatus

from .. import forms, services
from ..choices import Adjustment, DepositForm, DepositStatus, TriggerKind


class ReassessForm(BootstrapFormMixin, django_forms.Form):
    trigger = django_forms.ChoiceField(label=_("Deadline runs from"), choices=TriggerKind.choices)
    trigger_date = bounds.PastDateField(label=_("Trigger date"))
    annual_amount = bounds.ContractAmountField(label=_("Annual contract amount (multi-year contracts)"),
                                               required=False, minimum=bounds.SMALLEST_PAYMENT)


@dataclass(frozen=True)
class DepositAction:
    slug: str
    label: Any
    form: type
    applies: Any  # (deposit) -> bool
    run: Any  # (deposit, user, cleaned_data, form) -> object
    style: str = "outline-primary"


def _completed(deposit) -> bool:

    return deposit.project.status in (ProjectStatus.COMPLETED, ProjectStatus.WAGES_SETTLED)


ACTIONS = [
    DepositAction("reassess", _("Re-assess"), ReassessForm,
                  lambda d: d.status == DepositStatus.REQUIRED and not d.entries.filter(kind="received").exists(),
                  lambda d, u, c, f: services.assess_deposit(d.project, actor=u, trigger=c["trigger"],
                                                             trigger_date=c["trigger_date"],
                                                             annual_amount=c["annual_amount"])),
    DepositAction("cash", _("Record cash received"), forms.CashForm,
                  lambda d: d.status in (DepositStatus.REQUIRED, DepositStatus.STORED) and d.form in ("", "cash")
                  and d.adjustment != Adjustment.EXEMPT,
                  lambda d, u, c, f: services.record_cash(d, actor=u, amount=c["amount"], bank_name=c["bank_name"],
                                                          account_number=c["account_number"],
                                                          received_on=c["received_on"], key=c["key"]),
                  "primary"),
    DepositAction("guarantee", _("Record a guarantee"), forms.GuaranteeForm,
                  lambda d: d.status == DepositStatus.REQUIRED and d.form in ("", *DepositForm.guarantees())
                  and d.adjustment != Adjustment.EXEMPT,
                  lambda d, u, c, f: services.record_guarantee(
                      d, actor=u, form=c["form"], guarantor=c["guarantor"], number=c["number"], amount=c["amount"],
                      valid_from=c["valid_from"], valid_until=c["valid_until"], original_held=c["original_held"],
                      key=c["key"]), "primary"),
    DepositAction("exemption", _("Record the exemption"), forms.ExemptionForm,
                  lambda d: d.status == DepositStatus.REQUIRED and d.adjustment == Adjustment.EXEMPT,
                  lambda d, u, c, f: services.record_exemption(d, actor=u, basis=c["basis"]), "primary"),
    DepositAction("draw", _("Request a draw"), forms.DrawForm,
                  lambda d: d.status in DepositStatus.held() and d.status != DepositStatus.TOPUP_DUE,
                  lambda d, u, c, f: services.request_draw(d, actor=u, amount=c["amount"], case_ref=c["case_ref"],
                                                           payees=c["payees"], reason=c["reason"], key=c["key"]),
                  "outline-danger"),
    DepositAction("topup", _("Record the top-up"), forms.TopupForm,
                  lambda d: d.status == DepositStatus.TOPUP_DUE,
                  lambda d, u, c, f: services.record_topup(d, actor=u, amount=c["amount"],
                                                           received_on=c["received_on"], memo=c["memo"],
                                                           key=c["key"]), "primary"),
    DepositAction("interest", _("Record interest withdrawn"), forms.InterestForm,
                  lambda d: d.form == DepositForm.CASH and d.status in DepositStatus.held(),
                  lambda d, u, c, f: services.withdraw_interest(d, actor=u, amount=c["amount"], key=c["key"])),
    DepositAction("renew", _("Renew the guarantee"), forms.RenewForm,
                  lambda d: d.is_guarantee and d.status in DepositStatus.held(),
                  lambda d, u, c, f: services.renew_guarantee(d, actor=u, number=c["number"],
                                                              valid_until=c["valid_until"])),
    DepositAction("start_return", _("Start the return"), forms.StartReturnForm,
                  lambda d: d.status in (DepositStatus.STORED, DepositStatus.GUARANTEED) and _completed(d),
                  lambda d, u, c, f: services.start_return(d, actor=u, commitment_on=c["commitment_on"],
                                                           publicity_from=c["publicity_from"])),
    DepositAction("apply_return", _("Record the return application"), forms.ApplyReturnForm,
                  lambda d: d.status == DepositStatus.RETURN_PUBLICITY,
                  lambda d, u, c, f: services.apply_return(d, actor=u, applied_on=c["applied_on"])),
    DepositAction("request_return", _("Reviewed: no arrears, request the return"), forms.ReasonForm,
                  lambda d: d.status == DepositStatus.RETURN_REVIEW,
                  lambda d, u, c, f: services.request_return(d, actor=u, reason=c["reason"], key=c["key"]),
                  "primary"),
    DepositAction("refuse_return", _("Reviewed: arrears found, refuse the return"), forms.ReasonForm,
                  lambda d: d.status == DepositStatus.RETURN_REVIEW,
                  lambda d, u, c, f: services.refuse_return(d, actor=u, reason=c["reason"]), "outline-danger"),
    DepositAction("reverse", _("Correct an entry"), forms.ReverseForm,
                  lambda d: d.entries.exists(),
                  lambda d, u, c, f: services.reverse_entry(c["entry"], actor=u, reason=c["reason"], key=c["key"]),
                  "outline-secondary"),
]
BY_SLUG = {action.slug: action for action in ACTIONS}


def form_for(action, deposit, user, data=None, query=None):
    kwargs = {}
    if action.form is forms.DrawForm:
        # Started from a case's draw-down request (approvals page): the case and amount are filled in.
        query = query or {}
        kwargs = {"deposit": deposit, "user": user,
                  "initial": {k: query[p] for k, p in (("case_ref", "case"), ("amount", "amount")) if query.get(p)}}
    elif action.form is forms.ReverseForm:
        kwargs = {"entries": deposit.entries.all()}
    elif action.slug == "reassess":
        kwargs = {"initial": {"trigger": deposit.trigger, "trigger_date": deposit.trigger_date}}
    return action.form(data, **kwargs)


def available(deposit) -> list[DepositAction]:
    return [action for action in ACTIONS if action.applies(deposit)]
