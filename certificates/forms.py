from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BootstrapFormMixin
from enterprises.validators import normalise_credit_code

from .choices import Purpose


class ApplyForm(BootstrapFormMixin, forms.Form):
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices)
    purpose_detail = forms.CharField(label=_("For"), max_length=200, required=False,
                                     help_text=_("For example the tender or project name."))


class DeskApplyForm(ApplyForm):
    """Staff apply at the desk on an enterprise's behalf."""

    credit_code = forms.CharField(label=_("Unified social credit code"), min_length=18, max_length=18)
    field_order = ["credit_code", "purpose", "purpose_detail"]

    def clean_credit_code(self):
        return normalise_credit_code(self.cleaned_data["credit_code"])


class CommitmentForm(ApplyForm):
    signatory = forms.CharField(label=_("Legal representative signing"), max_length=50)
    confirm = forms.BooleanField(label=_("I have read the commitment and sign it on behalf of the enterprise."))


class RevokeForm(BootstrapFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=255)


class VerifyForm(BootstrapFormMixin, forms.Form):
    serial = forms.CharField(label=_("Serial number"), max_length=24,
                             widget=forms.TextInput(attrs={"placeholder": _("Serial number"), "autocomplete": "off"}))
    code = forms.CharField(label=_("Verification code"), max_length=40,
                           widget=forms.TextInput(attrs={"placeholder": _("Verification code"), "autocomplete": "off"}))
