"""Forms of the cases app: they validate shape; cases.services enforces the rules."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts.models import District, User
from core import bounds
from core.city_settings import city_setting
from core.formats import yuan
from core.forms import BootstrapFormMixin, bootstrapify
from core.pickers import ScopedPickerField
from core.text import lazy_format
from enterprises.models import Enterprise
from kernel.roles import Role
from projects.models import Project

from . import rules
from .choices import (
    CaseOutcome,
    Channel,
    ComplaintStatus,
    CourtResult,
    EscalationKind,
    RefusalGround,
    ResponseAction,
    ServiceMethod,
    TransferStage,
)
from .models import Complaint, MassIncident
from .uploads import MAX_ATTACHMENTS


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(_("At most %(n)d attachments.") % {"n": MAX_ATTACHMENTS})
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


COMPLAINT_FIELDS = ["kind", "anonymous", "complainant_name", "complainant_id_number", "complainant_phone",
                    "employer_name", "employer_credit_code", "workplace_address", "workers_count", "amount_owed",
                    "owed_from", "owed_to", "description"]


class ComplaintFormBase(BootstrapFormMixin, forms.ModelForm):
    district = forms.ModelChoiceField(
        label=_("District where the work was done"), queryset=District.objects.order_by("sort_order"),
        required=False, help_text=_("Used when the employer or project is not on file (属地管理)."))
    attachments = MultipleFileField(label=_("Attachments"), help_text=_("PDF, JPEG or PNG, up to 5 MB each."))

    class Meta:
        model = Complaint
        fields = COMPLAINT_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"owed_from": bounds.PastDateField, "owed_to": bounds.PastDateField,
                         "workers_count": bounds.HeadcountField, "amount_owed": bounds.AmountOwedField,
                         "complainant_phone": bounds.PhoneField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["complainant_id_number"].required = False
        for name in ("complainant_name", "complainant_id_number", "complainant_phone"):
            # kernel.fields.EncryptedCharField's form field does not take the model's verbose name by itself.
            self.fields[name].label = capfirst(Complaint._meta.get_field(name).verbose_name)
        bootstrapify(self)


class DeskComplaintForm(ComplaintFormBase):
    """Desk and hotline staff enter a complaint on the worker's behalf."""

    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.desk_choices(), initial=Channel.WALK_IN)
    project = ScopedPickerField("project", label=capfirst(Complaint._meta.get_field("project").verbose_name),
                                required=False)

    class Meta(ComplaintFormBase.Meta):
        fields = ["channel", "project", *COMPLAINT_FIELDS]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)

        self.fields["project"].queryset = Project.objects.visible_to(user)
        if user is not None and user.district_id:
            self.fields["district"].initial = user.district_id
        self.order_fields(["channel", "kind", "anonymous", "complainant_name", "complainant_id_number",
                           "complainant_phone", "employer_name", "employer_credit_code", "project", "district"])


class PublicComplaintForm(ComplaintFormBase):
    """The worker's own online form (no login)."""

    website = forms.CharField(required=False, widget=forms.HiddenInput)  # a field only robots fill in

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].required = True
        self.fields["district"].help_text = _("Where you worked.")
        self.order_fields(["kind", "anonymous", "complainant_name", "complainant_id_number", "complainant_phone",
                           "employer_name", "employer_credit_code", "district"])


class StatusForm(BootstrapFormMixin, forms.Form):
    tracking_number = forms.CharField(label=_("Tracking number"), max_length=20)
    phone_last4 = forms.RegexField(label=_("Last four digits of your phone"), regex=r"^\d{4}$", max_length=4,
                                   error_messages={"invalid": _("Enter four digits.")})


class DecisionForm(BootstrapFormMixin, forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=[(c.value, c.label) for c in ComplaintStatus.decisions()])
    ground = forms.ChoiceField(label=_("Ground"), choices=[("", "—"), *RefusalGround.choices], required=False)
    reason = forms.CharField(label=_("Reason sent to the complainant"), widget=forms.Textarea(attrs={"rows": 3}),
                             required=False)
    referred_to = forms.CharField(label=_("Department to go to"), required=False, max_length=200)
    employer_identified = forms.BooleanField(label=_("The employer is identifiable"), required=False, initial=True)
    within_inspection = forms.BooleanField(label=_("Within labour inspection"), required=False, initial=True)
    in_jurisdiction = forms.BooleanField(label=_("Within this bureau's jurisdiction"), required=False, initial=True)
    arbitration_matter = forms.BooleanField(label=_("A matter for arbitration or the courts"), required=False)


class NoteForm(BootstrapFormMixin, forms.Form):
    note = forms.CharField(label=_("What was supplied"), widget=forms.Textarea(attrs={"rows": 3}))


class ReasonForm(BootstrapFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class AssignForm(BootstrapFormMixin, forms.Form):
    inspector = forms.ModelChoiceField(label=_("Inspector"), queryset=User.objects.none())

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .services.common import CASEWORKER_ROLES  # the one rule of who counts as an inspector

        self.fields["inspector"].queryset = User.objects.filter(
            district_id=case.district_id, role__in=CASEWORKER_ROLES, is_active=True,
        ).exclude(case_assignments__case=case).order_by("name", "username")


class RecusalForm(BootstrapFormMixin, forms.Form):
    assignment = forms.ChoiceField(label=_("Inspector"))
    reason = forms.CharField(label=_("Reason for recusal"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignment"].choices = [(a.pk, str(a.inspector)) for a in case.assignments.all()
                                             if not a.recused]


class ExtensionDecisionForm(BootstrapFormMixin, forms.Form):
    approve = forms.TypedChoiceField(label=_("Decision"), coerce=lambda v: v == "yes",
                                     choices=[("yes", lazy_format(_("Approve %(days)d more working days"),
                                                                   days=rules.EXTENSION_WORKDAYS)),
                                              ("no", _("Refuse"))])
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class OrderForm(BootstrapFormMixin, forms.Form):
    number = forms.CharField(label=_("Document number"), required=False, max_length=40,
                             help_text=_("Leave empty to number it from the case."))
    issued_on = bounds.PastDateField(label=_("Issued on"), initial=timezone.localdate)
    workdays = forms.IntegerField(label=_("Working days to pay"), min_value=1, max_value=60,
                                  initial=lambda: city_setting("default_order_workdays"))
    amount = bounds.MoneyField(label=_("Amount to pay (CNY)"), max_digits=14)
    workers = bounds.HeadcountField(label=_("Workers"))
    requirements = forms.CharField(label=_("Requirements"), widget=forms.Textarea(attrs={"rows": 2}),
                                   initial=_("Pay the wages owed in full and report in writing."))
    served_on = bounds.PastDateField(label=_("Served on"), initial=timezone.localdate)
    service_method = forms.ChoiceField(label=_("Service"), choices=ServiceMethod.choices)
    service_evidence = forms.CharField(label=_("Service evidence"), required=False, max_length=255)


def parse_worker_lines(text: str) -> list[dict]:
    """"name, ID number, amount" per line (ID may be empty)."""
    workers = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        parts = [p.strip() for p in line.replace("，", ",").split(",")]
        if not any(parts):
            continue
        if len(parts) != 3:
            raise forms.ValidationError(_("Line %(n)d: write “name, ID number, amount”.") % {"n": number})
        try:
            amount = Decimal(parts[2])
        except InvalidOperation as exc:
            raise forms.ValidationError(_("Line %(n)d: the amount is not a number.") % {"n": number}) from exc
        workers.append({"name": parts[0], "id_number": parts[1], "amount": amount})
    return workers


class RecoveryForm(BootstrapFormMixin, forms.Form):
    paid_on = bounds.PastDateField(label=_("Paid on"), initial=timezone.localdate)
    amount = bounds.MoneyField(label=_("Amount paid (CNY)"), max_digits=14)
    workers_paid = bounds.HeadcountField(label=_("Workers paid"))
    workers = forms.CharField(label=_("Workers paid (one per line: name, ID number, amount)"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    note = forms.CharField(label=_("Note"), required=False, max_length=255)
    reason = forms.CharField(label=_("Reason, if more than is owed is paid"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("Interest or compensation: a second official confirms such a payment."))

    def clean_workers(self):
        return parse_worker_lines(self.cleaned_data.get("workers", ""))


def _recovery_choices(recoveries):
    return [(r.pk, f"{r.paid_on:%Y-%m-%d} · {yuan(r.amount)} · {r.workers_paid}") for r in recoveries]


class RecoveryCorrectionForm(BootstrapFormMixin, forms.Form):
    """Undo a wrong entry with a reversal (never an edit)."""

    recovery = forms.TypedChoiceField(label=_("Payment to correct"), coerce=int)
    reason = forms.CharField(label=_("Reason for the correction"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recovery"].choices = _recovery_choices(case.recoveries.correctable())


class RecoveryConfirmationForm(BootstrapFormMixin, forms.Form):
    recovery = forms.TypedChoiceField(label=_("Payment"), coerce=int)
    approve = forms.TypedChoiceField(label=_("Decision"), coerce=lambda v: v == "yes",
                                     choices=[("yes", _("Confirm")), ("no", _("Do not confirm"))])
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recovery"].choices = _recovery_choices(case.recoveries.pending())


class CompensationForm(BootstrapFormMixin, forms.Form):
    rate = forms.IntegerField(label=_("Rate (percent of the wages due)"), min_value=50, max_value=100, initial=50)


class EscalationForm(BootstrapFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Request"), choices=EscalationKind.choices)
    amount = bounds.MoneyField(label=_("Amount to draw (CNY)"), required=False, max_digits=14)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class TransferForm(BootstrapFormMixin, forms.Form):
    document_number = forms.CharField(label=_("Transfer document number"), max_length=40)
    police_unit = forms.CharField(label=_("Police unit"), max_length=100)


class TransferUpdateForm(BootstrapFormMixin, forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=[c for c in TransferStage.choices
                                                         if c[0] != TransferStage.TRANSFERRED])
    on = bounds.PastDateField(label=_("Date"), initial=timezone.localdate)
    police_case_number = forms.CharField(label=_("Police case number"), required=False, max_length=40)
    court_result = forms.ChoiceField(label=_("Court result"), choices=[("", "—"), *CourtResult.choices],
                                     required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class CloseForm(BootstrapFormMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=CaseOutcome.choices)
    summary = forms.CharField(label=_("Closing summary"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, outcomes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if outcomes is not None:
            self.fields["outcome"].choices = [c for c in CaseOutcome.choices if c[0] in outcomes]


class LeaderForm(BootstrapFormMixin, forms.Form):
    leader = forms.ModelChoiceField(label=_("Responsible leader"), queryset=User.objects.none())
    responsibilities = forms.CharField(label=_("Responsibility list"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = User.objects.filter(is_active=True).filter(
            Q(role__in=[Role.CITY_LEADER, Role.CITY_ADMIN])
            | Q(role=Role.DISTRICT_OFFICIAL, district_id=case.district_id)).order_by("username")


class SupervisionForm(BootstrapFormMixin, forms.Form):
    note = forms.CharField(label=_("Supervision note"), widget=forms.Textarea(attrs={"rows": 2}))


class MassIncidentForm(BootstrapFormMixin, forms.ModelForm):
    response_actions = forms.MultipleChoiceField(label=_("Response"), choices=ResponseAction.choices, required=False,
                                                 widget=forms.CheckboxSelectMultiple)
    # Searchable pickers, not a <select> of every enterprise and project in the scope (core.pickers).
    enterprise = ScopedPickerField(
        "enterprise", label=capfirst(MassIncident._meta.get_field("enterprise").verbose_name), required=False)
    project = ScopedPickerField("project", label=capfirst(MassIncident._meta.get_field("project").verbose_name),
                                required=False)

    class Meta:
        model = MassIncident
        fields = ["occurred_at", "place", "district", "workers_involved", "enterprise", "project", "case",
                  "description", "response_actions", "outcome"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "outcome": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"occurred_at": bounds.PastDateTimeField, "workers_involved": bounds.HeadcountField}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)

        from .models import Case

        self.fields["district"].queryset = District.objects.visible_to(user)
        self.fields["enterprise"].queryset = Enterprise.objects.visible_to(user)
        self.fields["project"].queryset = Project.objects.visible_to(user)
        self.fields["case"].queryset = Case.objects.visible_to(user).open().order_by("-filed_on")
        if user is not None and user.district_id:
            self.fields["district"].initial = user.district_id
