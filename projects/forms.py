"""Forms validate the shape; projects.services enforces the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import District
from core.forms import BootstrapFormMixin
from enterprises.models import Enterprise

from .choices import ImportKind, NoticeBoardItem, ProjectStatus
from .models import AccountMovement, Project, ProjectParty, WageAccount

PHOTO_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
MAX_PHOTO_BYTES = 5 * 1024 * 1024


def _enterprise_by_code(value):
    code = (value or "").strip().upper()
    enterprise = Enterprise.objects.filter(credit_code=code).first()
    if enterprise is None:
        raise forms.ValidationError(_("No enterprise with this credit code is registered."))
    return enterprise


class ProjectForm(BootstrapFormMixin, forms.ModelForm):
    """Client and general contractor are given by credit code: an exact look-up, not a list of the registry."""

    client_code = forms.CharField(label=_("Construction client (credit code)"), max_length=18)
    contractor_code = forms.CharField(label=_("General contractor (credit code)"), max_length=18)

    class Meta:
        model = Project
        fields = ["code", "name", "district", "address", "kind", "contract_amount", "government_invested",
                  "funding_source", "contract_signed_on", "planned_start_on", "planned_completion_on", "permit_number",
                  "manager_name", "manager_phone", "wage_officer_name", "wage_officer_phone", "pay_day",
                  "pay_in_next_month"]
        widgets = {f: forms.DateInput() for f in ("contract_signed_on", "planned_start_on", "planned_completion_on")}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.visible_to(user)
        if self.instance.pk:
            self.fields["client_code"].initial = self.instance.client.credit_code
            self.fields["contractor_code"].initial = self.instance.general_contractor.credit_code

    def clean_client_code(self):
        return _enterprise_by_code(self.cleaned_data["client_code"])

    def clean_contractor_code(self):
        return _enterprise_by_code(self.cleaned_data["contractor_code"])

    def clean(self):
        data = super().clean()
        start, end = data.get("planned_start_on"), data.get("planned_completion_on")
        if start and end and end < start:
            self.add_error("planned_completion_on", _("The completion is before the start."))
        return data

    def save(self, commit=True):
        self.instance.client = self.cleaned_data["client_code"]
        self.instance.general_contractor = self.cleaned_data["contractor_code"]
        return super().save(commit)


class SubcontractorForm(BootstrapFormMixin, forms.ModelForm):
    credit_code = forms.CharField(label=_("Subcontractor (credit code)"), max_length=18)

    class Meta:
        model = ProjectParty
        fields = ["credit_code", "scope_of_work", "contract_amount", "contract_signed_on"]
        widgets = {"contract_signed_on": forms.DateInput()}

    def clean_credit_code(self):
        return _enterprise_by_code(self.cleaned_data["credit_code"])


class WageAccountForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = WageAccount
        fields = ["bank_name", "account_number", "opened_on", "agreement", "allocation_cycle_days", "allocation_day",
                  "allocation_basis", "allocation_amount", "allocation_ratio"]
        widgets = {"opened_on": forms.DateInput()}

    def clean(self):
        data = super().clean()
        if data.get("allocation_basis") == "amount" and not data.get("allocation_amount"):
            self.add_error("allocation_amount", _("Enter the agreed amount."))
        if data.get("allocation_basis") == "ratio" and not data.get("allocation_ratio"):
            self.add_error("allocation_ratio", _("Enter the agreed ratio."))
        return data


class MovementForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = AccountMovement
        fields = ["kind", "amount", "occurred_on", "bank_reference", "counterparty", "note"]
        widgets = {"occurred_on": forms.DateInput()}


class NoticeBoardForm(BootstrapFormMixin, forms.Form):
    photo = forms.FileField(label=_("Photo of the notice board (JPEG or PNG)"), required=False)
    items = forms.MultipleChoiceField(label=_("Contents shown on the board"), choices=NoticeBoardItem.choices,
                                      widget=forms.CheckboxSelectMultiple, required=False)

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo is None:
            return None
        if photo.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError(_("The photo is larger than 5 MB."))
        head = photo.read(8)
        photo.seek(0)
        if not head.startswith(PHOTO_MAGIC):
            raise forms.ValidationError(_("Upload a JPEG or PNG photo."))
        return photo


class FundsForm(BootstrapFormMixin, forms.Form):
    on = forms.DateField(label=_("Funding confirmed on"), widget=forms.DateInput(), initial=timezone.localdate)
    note = forms.CharField(label=_("Basis (document, bank certificate)"), max_length=255, required=False)


class StatusForm(BootstrapFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ProjectStatus.choices)


class MonthField(forms.DateField):
    """A month as YYYY-MM (an <input type="month">), cleaned to its first day."""

    widget = forms.DateInput(attrs={"type": "month"})
    input_formats = ["%Y-%m"]

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


class ImportForm(BootstrapFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=ImportKind.choices)
    month = MonthField(label=_("Payroll month"), required=False)
    file = forms.FileField(label=_("Excel file (.xlsx)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].widget.input_type = "month"

    def clean(self):
        data = super().clean()
        if data.get("kind") == ImportKind.PAYROLL and not data.get("month"):
            self.add_error("month", _("Choose the month of the payroll."))
        if data.get("kind") != ImportKind.PAYROLL:
            data["month"] = None
        return data


class RevealForm(BootstrapFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason (case number, inspection)"), max_length=200)
