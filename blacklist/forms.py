"""Forms of the blacklist pages: shape only; the services enforce the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import District
from core import bounds
from core.forms import BootstrapFormMixin

from .choices import PersonRole


class ProposeForm(BootstrapFormMixin, forms.Form):
    facts = forms.CharField(label=_("Facts to publish"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
                            help_text=_("Leave empty for the standard wording. No names or numbers of workers."))
    legal_representative = forms.CharField(label=_("Legal representative"), max_length=50)
    legal_representative_id = forms.CharField(label=_("ID number of the legal representative"), max_length=18,
                                              required=False)
    other_person = forms.CharField(label=_("Other responsible person"), max_length=50, required=False)
    other_person_role = forms.ChoiceField(label=_("Position"), choices=PersonRole.choices, required=False,
                                          initial=PersonRole.MANAGER)
    other_person_id = forms.CharField(label=_("ID number"), max_length=18, required=False)

    def persons(self):
        d = self.cleaned_data
        persons = [{"name": d["legal_representative"], "role": PersonRole.LEGAL_REPRESENTATIVE,
                    "id_number": d["legal_representative_id"]}]
        if d.get("other_person"):
            persons.append({"name": d["other_person"], "role": d["other_person_role"] or PersonRole.OTHER,
                            "id_number": d["other_person_id"]})
        return persons


class ReasonForm(BootstrapFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class NoticeForm(BootstrapFormMixin, forms.Form):
    served_on = bounds.PastDateField(label=_("Served on"), initial=timezone.localdate)
    notice_number = forms.CharField(label=_("Notice number"), max_length=40, required=False)


class StatementForm(BootstrapFormMixin, forms.Form):
    received_on = bounds.PastDateField(label=_("Received on"), initial=timezone.localdate)
    text = forms.CharField(label=_("Statement and defence"), widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(BootstrapFormMixin, forms.Form):
    listed = forms.TypedChoiceField(label=_("Decision"), coerce=lambda v: v == "1",
                                    choices=[("1", _("List and publish")), ("0", _("Do not list"))])
    decision_number = forms.CharField(label=_("Decision number"), max_length=40, required=False)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class RemovalRequestForm(BootstrapFormMixin, forms.Form):
    corrected_on = bounds.PastDateField(label=_("Arrears paid in full on"))
    commitment_signed_on = bounds.PastDateField(label=_("Integrity commitment signed on"))


class RemovalDecisionForm(BootstrapFormMixin, forms.Form):
    approve = forms.TypedChoiceField(label=_("Decision"), coerce=lambda v: v == "1",
                                     choices=[("1", _("Remove early")), ("0", _("Refuse"))])
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class GatherForm(BootstrapFormMixin, forms.Form):
    day = bounds.PlanDateField(label=_("A day in the quarter"), initial=timezone.localdate)
    district = forms.ModelChoiceField(label=_("District"), queryset=District.objects.none(), required=False,
                                      empty_label=_("Whole city"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.visible_to(user)
        if user is not None and not user.is_city_wide:
            self.fields["district"].required = True
            self.fields["district"].initial = user.district_id


class ItemForm(BootstrapFormMixin, forms.Form):
    facts = forms.CharField(label=_("Main facts"), widget=forms.Textarea(attrs={"rows": 2}))
    handling = forms.CharField(label=_("Handling"), widget=forms.Textarea(attrs={"rows": 2}))
