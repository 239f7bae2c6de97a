"""Forms validate shape; the services in services.py and grading.py enforce the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import District
from core import bounds
from core.forms import BootstrapFormMixin

from .choices import Grade
from .models import Contact, Enterprise, SupervisionPolicy, Violation
from .validators import normalise_credit_code

STAFF_FIELDS = [
    "credit_code", "name", "former_names", "legal_representative", "district", "address", "kind", "industry",
    "registered_capital", "employee_count", "insured_count", "state_owned", "provincial", "status",
    "first_activity_on",
]
# An enterprise keeps its own contact details up to date; registration facts (name, code, legal
# representative, capital, district) come from the market regulator and are kept by officials.
PORTAL_FIELDS = ["address"]


class EnterpriseForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = Enterprise
        fields = STAFF_FIELDS
        widgets = {"former_names": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"registered_capital": bounds.CapitalField,
                         "employee_count": bounds.EnterpriseHeadcountField,
                         "insured_count": bounds.EnterpriseHeadcountField,
                         "first_activity_on": bounds.PastDateField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.visible_to(user)

    def clean_credit_code(self):
        # Normalised before the uniqueness check, so "91620102..." in lower case is the same enterprise.
        return normalise_credit_code(self.cleaned_data["credit_code"])


class EnterprisePortalForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = Enterprise
        fields = PORTAL_FIELDS

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)


class ContactForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "position", "phone"]
        field_classes = {"phone": bounds.PhoneField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The stored number is never sent back to the browser; leave it blank to keep it.
            self.initial["phone"] = ""
            self.fields["phone"].required = False
            self.fields["phone"].widget.attrs["placeholder"] = self.instance.masked_phone
            self.fields["phone"].help_text = _("Leave blank to keep the current number.")

    def clean_phone(self):
        phone = (self.cleaned_data.get("phone") or "").strip()
        if not phone and self.instance.pk:
            return self.instance.phone
        return phone


class ViolationForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = Violation
        fields = ["category", "handling", "decided_on", "decision_number", "description", "c_trigger",
                  "fine_amount", "revoked"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"decided_on": bounds.PastDateField, "fine_amount": bounds.MoneyField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["revoked"]


class ImportForm(BootstrapFormMixin, forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx)"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))


class RunGradingForm(BootstrapFormMixin, forms.Form):
    year = forms.IntegerField(label=_("Evaluation year"), min_value=2017, max_value=2100)


class GradeDecisionForm(BootstrapFormMixin, forms.Form):
    grade = forms.ChoiceField(label=_("Grade"), choices=Grade.choices)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("Required for a grade other than the proposed one."))


class RejectForm(BootstrapFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class SupervisionPolicyForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = SupervisionPolicy
        fields = ["grade", "effective_from", "routine_patrols_per_year", "written_reviews_per_year",
                  "in_annual_plan", "key_monitoring", "joint_punishment_notice", "sampling_weight", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"effective_from": bounds.PlanDateField}

    def validate_unique(self):
        """The service checks versions (it closes the previous one)."""
