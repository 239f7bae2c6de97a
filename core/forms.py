"""Bootstrap classes for Django form widgets, so templates render plain `{{ field }}`."""

from django import forms


def bootstrapify(form):
    for field in form.fields.values():
        widget = field.widget
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


class BootstrapFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrapify(self)
