"""Forms validate shape; deposits.services enforces the rules (house style §2 rule 6).

Each money form carries a hidden idempotency key, so a double submit books once (peers.md P32)."""

import uuid
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cases import facts as case_facts
from core import bounds
from core.forms import BootstrapFormMixin
from core.pickers import ScopedPickerField
from core.text import lazy_format
from projects.models import Project

from .choices import RETURN_PUBLICITY_DAYS, STORE_WORKDAYS, DepositForm, EntryKind, TriggerKind


class KeyedForm(BootstrapFormMixin, forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("key", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)


class AssessForm(BootstrapFormMixin, forms.Form):
    project = ScopedPickerField("project", label=_("Project"))
    trigger = forms.ChoiceField(label=_("Deadline runs from"), choices=TriggerKind.choices)
    trigger_date = bounds.PastDateField(
        label=_("Trigger date"),
        help_text=lazy_format(_("The deposit is due %(days)d working days after this day."), days=STORE_WORKDAYS))
    annual_amount = bounds.ContractAmountField(label=_("Annual contract amount (multi-year contracts)"),
                                               required=False, minimum=bounds.SMALLEST_PAYMENT)

    def __init__(self, *args, user=None, **kwargs):

        super().__init__(*args, **kwargs)
        # Projects in scope that have no deposit yet; the picker suggests from the scope, this validates.
        self.fields["project"].queryset = Project.objects.visible_to(user).filter(wage_deposit__isnull=True)
        chosen = str(self.initial.get("project") or "")
        if chosen.isdigit():  # ?project=<pk> from a link
            self.initial["project"] = self.fields["project"].queryset.filter(pk=chosen).first()


class CashForm(KeyedForm):
    amount = bounds.MoneyField(label=_("Amount received (CNY)"))
    bank_name = forms.CharField(label=_("Bank"), max_length=100)
    account_number = forms.CharField(label=_("Supervised account number"), max_length=40)
    received_on = bounds.PastDateField(label=_("Received on"))


class GuaranteeForm(KeyedForm):
    form = forms.ChoiceField(label=_("Form"), choices=[(c.value, c.label) for c in DepositForm
                                                       if c in DepositForm.guarantees()])
    guarantor = forms.CharField(label=_("Issuing bank or insurer"), max_length=100)
    number = forms.CharField(label=_("Guarantee number"), max_length=60)
    amount = bounds.MoneyField(label=_("Guarantee amount (CNY)"))
    valid_from = bounds.PlanDateField(label=_("Valid from"))
    valid_until = bounds.PlanDateField(label=_("Valid until"))
    original_held = forms.BooleanField(label=_("The bureau holds the original"), required=False)


class ExemptionForm(BootstrapFormMixin, forms.Form):
    basis = forms.CharField(label=_("Further basis (optional)"), required=False, widget=forms.Textarea(
        attrs={"rows": 3}), help_text=_("The rules of the assessment are recorded as the legal basis."))


def parse_payees(text: str) -> list[dict]:
    """One worker a line: "name, amount" (a comma, a Chinese comma or a tab)."""
    rows = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        parts = [p.strip() for p in line.replace("，", ",").replace("\t", ",").rsplit(",", 1)]
        try:
            if len(parts) != 2:
                raise InvalidOperation
            rows.append({"name": parts[0], "amount": Decimal(parts[1].replace("¥", ""))})
        except InvalidOperation as exc:
            raise ValidationError(_("Line %(n)d: write the name, a comma and the amount.") % {"n": number}) from exc
        try:
            bounds.MoneyRange()(rows[-1]["amount"])
        except ValidationError as exc:
            raise ValidationError(_("Line %(n)d: %(problem)s") % {"n": number, "problem": exc.messages[0]}) from exc
    return rows


class DrawForm(KeyedForm):
    case_ref = forms.CharField(label=_("Case number"), max_length=60,
                               help_text=_("The case whose order to pay is past its deadline."))
    amount = bounds.MoneyField(label=_("Amount to draw (CNY)"))
    payees = forms.CharField(label=_("Workers to be paid"), widget=forms.Textarea(attrs={"rows": 5}),
                             help_text=_("One a line: name, amount."))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, deposit=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.case_numbers = case_facts.overdue_case_numbers(user, deposit.project) if deposit is not None else []

    def clean_payees(self):
        return parse_payees(self.cleaned_data["payees"])


class TopupForm(KeyedForm):
    amount = bounds.MoneyField(label=_("Amount (CNY)"))
    received_on = bounds.PastDateField(label=_("Received on"))
    memo = forms.CharField(label=_("Memo"), required=False, max_length=200,
                           help_text=_("For a guarantee: the number of the new guarantee."))


class InterestForm(KeyedForm):
    amount = bounds.MoneyField(label=_("Interest withdrawn (CNY)"))


class RenewForm(BootstrapFormMixin, forms.Form):
    number = forms.CharField(label=_("Guarantee number"), max_length=60, required=False)
    valid_until = bounds.PlanDateField(label=_("New end of validity"))


class StartReturnForm(BootstrapFormMixin, forms.Form):
    commitment_on = bounds.PastDateField(label=_("Written no-arrears commitment dated"))
    publicity_from = bounds.PlanDateField(label=_("Public notice starts"),
                                          help_text=lazy_format(
                                              _("On the site notice board and the bureau's website, %(days)d days."),
                                              days=RETURN_PUBLICITY_DAYS))


class ApplyReturnForm(BootstrapFormMixin, forms.Form):
    applied_on = bounds.PastDateField(label=_("Written application received"))


class ReasonForm(KeyedForm):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class ReverseForm(KeyedForm):
    entry = forms.ModelChoiceField(label=_("Entry to reverse"), queryset=None)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, entries=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = (entries.exclude(kind=EntryKind.REVERSAL).filter(reversal__isnull=True)
                                         .order_by("seq"))


class FundTopupForm(KeyedForm):
    amount = bounds.MoneyField(label=_("Amount from the budget (CNY)"))
    memo = forms.CharField(label=_("Budget document"), required=False, max_length=200)


class AdvanceForm(KeyedForm):
    case_ref = forms.CharField(label=_("Case number"), max_length=60)
    amount = bounds.MoneyField(label=_("Amount (CNY)"))
    workers = bounds.HeadcountField(label=_("Workers"))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_case_ref(self):
        ref = self.cleaned_data["case_ref"].strip()
        self.case = case_facts.visible_case(self.user, ref)
        if self.case is None:
            raise ValidationError(_("No case %(ref)s in your scope.") % {"ref": ref})
        return ref


class RecoveryForm(KeyedForm):
    case_ref = forms.CharField(label=_("Case number"), max_length=60)
    amount = bounds.MoneyField(label=_("Amount recovered (CNY)"))
    memo = forms.CharField(label=_("Memo"), required=False, max_length=200)


class DecisionForm(BootstrapFormMixin, forms.Form):
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class UsesForm(BootstrapFormMixin, forms.Form):
    since = bounds.PlanDateField(label=_("Uses since"), required=False)
