"""Forms validate the shape; projects.services enforces the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import District
from core import bounds
from core.forms import BootstrapFormMixin
from enterprises.models import Enterprise

from .choices import ImportKind, NoticeBoardItem, ProjectStatus
from .models import AccountMovement, Attendance, Employment, Project, ProjectParty, WageAccount

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

    client_code = forms.CharField(label=_("Construction client (credit code)"), min_length=18, max_length=18)
    contractor_code = forms.CharField(label=_("General contractor (credit code)"), min_length=18, max_length=18)

    class Meta:
        model = Project
        fields = ["code", "name", "district", "address", "kind", "contract_amount", "government_invested",
                  "funding_source", "contract_signed_on", "planned_start_on", "planned_completion_on", "permit_number",
                  "manager_name", "manager_phone", "wage_officer_name", "wage_officer_phone", "pay_day",
                  "pay_in_next_month"]
        field_classes = {"contract_amount": bounds.ContractAmountField, "contract_signed_on": bounds.PastDateField,
                         "planned_start_on": bounds.PlanDateField, "planned_completion_on": bounds.PlanDateField,
                         "manager_phone": bounds.PhoneField, "wage_officer_phone": bounds.PhoneField}

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
    credit_code = forms.CharField(label=_("Subcontractor (credit code)"), min_length=18, max_length=18)

    class Meta:
        model = ProjectParty
        fields = ["credit_code", "scope_of_work", "contract_amount", "contract_signed_on"]
        field_classes = {"contract_amount": bounds.ContractAmountField, "contract_signed_on": bounds.PastDateField}

    def clean_credit_code(self):
        return _enterprise_by_code(self.cleaned_data["credit_code"])


class WageAccountForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = WageAccount
        fields = ["bank_name", "account_number", "opened_on", "agreement", "allocation_cycle_days", "allocation_day",
                  "allocation_basis", "allocation_amount", "allocation_ratio"]
        field_classes = {"opened_on": bounds.PastDateField, "allocation_amount": bounds.MoneyField}

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
        field_classes = {"amount": bounds.MoneyField, "occurred_on": bounds.PastDateField}


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
    on = bounds.PastDateField(label=_("Funding confirmed on"), initial=timezone.localdate)
    note = forms.CharField(label=_("Basis (document, bank certificate)"), max_length=255, required=False)


class StatusForm(BootstrapFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ProjectStatus.choices)


class ImportForm(BootstrapFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=ImportKind.choices)
    month = bounds.MonthField(label=_("Payroll month"), required=False)
    file = forms.FileField(label=_("Excel file (.xlsx)"))

    def clean(self):
        data = super().clean()
        if data.get("kind") == ImportKind.PAYROLL and not data.get("month"):
            self.add_error("month", _("Choose the month of the payroll."))
        if data.get("kind") != ImportKind.PAYROLL:
            data["month"] = None
        return data


class AttendanceForm(BootstrapFormMixin, forms.ModelForm):
    """One worker's days on site in a month, entered by the labour officer; the workers are the project's."""

    class Meta:
        model = Attendance
        fields = ["employment", "month", "days_on_site"]
        field_classes = {"month": bounds.MonthField, "days_on_site": bounds.DaysInMonthField}
        labels = {"employment": _("Worker"), "month": _("Attendance month")}
        help_texts = {"month": ""}  # the month picker says it; the model's "first day" is how it is stored

    def __init__(self, *args, project=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["employment"]
        roster = Employment.objects.visible_to(user).filter(project=project) if project else Employment.objects.none()
        field.queryset = roster.select_related("worker").order_by("team", "worker__name", "pk")
        field.label_from_instance = lambda e: f"{e.worker.name} {e.worker.masked_id_number} {e.team}".strip()

    def clean(self):
        data = super().clean()
        month, days = data.get("month"), data.get("days_on_site")
        if month and days is not None:
            error = Attendance.days_error(month, days)
            if error:
                self.add_error("days_on_site", error)
        return data


class RevealForm(BootstrapFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason (case number, inspection)"), max_length=200)
