from django import forms
from django.utils.translation import gettext_lazy as _

from .services import NOTE_MAX


class DisposeForm(forms.Form):
    note = forms.CharField(
        label=_("Why the warning is disposed of"),
        max_length=NOTE_MAX,
        min_length=2,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required: the history keeps it, the warning is never deleted."),
    )
