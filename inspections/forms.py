"""Forms of the inspections app: shape and bounds only; services enforce the rules."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts.models import District, User
from core import bounds
from core.forms import BootstrapFormMixin
from core.pickers import ScopedPickerField
from enterprises import facts as enterprise_facts
from kernel.roles import Role

from .choices import Outcome, Stratum
from .models import InspectionItem, Inspector, SpotCheckPlan


class InspectorForm(BootstrapFormMixin, forms.ModelForm):
    # The phone is personal data: the form never shows it; a new number replaces the stored one.
    new_phone = bounds.PhoneField(
        label=_("Phone"), required=False, help_text=_("Leave empty to keep the number on file.")
    )

    class Meta:
        model = Inspector
        fields = [
            "name",
            "kind",
            "district",
            "certificate_number",
            "certificate_expires_on",
            "grid_area",
            "user",
            "active",
        ]
        field_classes = {"certificate_expires_on": bounds.PlanDateField}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.visible_to(user)
        accounts = User.objects.visible_to(user).filter(role__in=[Role.INSPECTOR, Role.GRID_ASSISTANT])
        self.fields["user"].queryset = accounts.order_by("username")
        if user is not None and user.district_id and not self.instance.pk:
            self.fields["district"].initial = user.district_id


class RecusalForm(BootstrapFormMixin, forms.Form):
    enterprise = ScopedPickerField("enterprise", label=_("Enterprise"))
    reason = forms.CharField(
        label=_("Reason"), max_length=200, help_text=_("The interest: a relative works there, a former employer, …")
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = enterprise_facts.enterprises_visible_to(user)


class PlanForm(BootstrapFormMixin, forms.ModelForm):
    """A plan with its grade rates for the whole plan and its batches' dates (one per line)."""

    rate_a = forms.DecimalField(
        label=Stratum.A.label,
        min_value=0,
        max_value=100,
        decimal_places=2,
        max_digits=5,
        help_text=_("Percent of the employers of the grade drawn per batch."),
    )
    rate_b = forms.DecimalField(label=Stratum.B.label, min_value=0, max_value=100, decimal_places=2, max_digits=5)
    rate_c = forms.DecimalField(label=Stratum.C.label, min_value=0, max_value=100, decimal_places=2, max_digits=5)
    rate_ungraded = forms.DecimalField(
        label=Stratum.UNGRADED.label, min_value=0, max_value=100, decimal_places=2, max_digits=5
    )

    class Meta:
        model = SpotCheckPlan
        fields = ["year", "name", "district", "items", "min_inspectors"]
        widgets = {"items": forms.CheckboxSelectMultiple}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.visible_to(user)
        self.fields["items"].queryset = InspectionItem.objects.filter(active=True)
        if user is not None and user.district_id:
            self.fields["district"].required = True
            self.fields["district"].initial = user.district_id


class BatchForm(BootstrapFormMixin, forms.Form):
    number = forms.IntegerField(label=_("Batch"), min_value=1, max_value=24)
    planned_on = bounds.PlanDateField(label=_("Planned for"))


class SupersedeForm(BootstrapFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why the draw is superseded"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Published beside both draws."),
    )


class ResultForm(BootstrapFormMixin, forms.Form):
    checked_on = bounds.PastDateField(label=_("Checked on"))
    items = forms.ModelMultipleChoiceField(
        label=_("Items checked"),
        queryset=InspectionItem.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    findings = forms.CharField(
        label=capfirst(_("findings")),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_("Published: no names or numbers of workers."),
    )

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = plan.items.all() if plan is not None else InspectionItem.objects.none()


__all__ = ["BatchForm", "InspectorForm", "PlanForm", "RecusalForm", "ResultForm", "SupersedeForm"]
