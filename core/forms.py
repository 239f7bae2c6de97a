"""Bootstrap classes for Django form widgets, so templates render plain `{{ field }}`."""

from django import forms
from django.utils.translation import gettext_lazy as _


def bootstrapify(form, *, filters=False):
    """Give widgets Bootstrap classes. For a filter bar (`filters=True`) an empty choice reads
    "All" instead of "---------" or "Unknown", since there it means "do not filter"."""
    for field in form.fields.values():
        widget = field.widget
        if filters:
            _label_empty_choice_as_all(field)
        if isinstance(widget, (forms.CheckboxInput,)):
            css = "form-check-input"
        elif isinstance(widget, (forms.Select, forms.SelectMultiple, forms.NullBooleanSelect)):
            css = "form-select"
        elif isinstance(widget, (forms.CheckboxSelectMultiple, forms.RadioSelect)):
            continue
        else:
            css = "form-control"
        widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()
        if isinstance(widget, forms.DateInput):
            widget.input_type = "date"
    return form


def _label_empty_choice_as_all(field):
    if isinstance(field.widget, forms.NullBooleanSelect):
        field.widget.choices = [("unknown", _("All")), ("true", _("Yes")), ("false", _("No"))]
    elif isinstance(field, forms.ModelChoiceField):
        field.empty_label = _("All")  # its widget's iterator reads the label when it renders
    elif hasattr(field, "empty_label"):
        field.empty_label = _("All")  # django-filter's choice fields prepend it themselves
        field.widget.choices = list(field.choices)
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)
        if choices and choices[0][0] in ("", None):
            field.choices = [("", _("All")), *choices[1:]]


class BootstrapFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrapify(self)
