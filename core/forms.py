"""Bootstrap classes for Django form widgets, so templates render plain `{{ field }}`, and readable
Chinese error messages in place of Django's stock ones."""

from django import forms
from django.utils.translation import gettext
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
    humanise_errors(form)
    return form


# Django's stock messages read like a machine ("确保该变量包含不超过 18 字符"): each is rewritten once here
# with the field's label. {label} is filled in when the form is built; %(...)s by the validator.
def _messages(field):
    """The messages of the codes this kind of field raises itself (a model's clean() may raise the same code
    with other parameters on another kind of field: those keep their own wording)."""
    messages = {"required": _("Choose {label}.") if isinstance(field, forms.ChoiceField) else _("Enter {label}.")}
    if getattr(field, "max_length", None):
        messages["max_length"] = _("{label} can have at most %(limit_value)d characters (it has %(show_value)d).")
    if getattr(field, "min_length", None):
        messages["min_length"] = _("{label} must have at least %(limit_value)d characters (it has %(show_value)d).")
    if getattr(field, "max_length", None) and field.max_length == getattr(field, "min_length", None):
        exact = _("{label} must have exactly %(limit_value)d characters (it has %(show_value)d).")
        messages["max_length"] = messages["min_length"] = exact
    if isinstance(field, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
        messages["max_value"] = _("{label} cannot be more than %(limit_value)s.")
        messages["min_value"] = _("{label} cannot be less than %(limit_value)s.")
    if isinstance(field, forms.DecimalField):
        messages["invalid"] = _("{label}: enter a number, e.g. 3600.50.")
        messages["max_digits"] = _("{label} can have at most %(max)s digits.")
        messages["max_decimal_places"] = _("{label} can have at most %(max)s decimal places.")
        messages["max_whole_digits"] = _("{label} can have at most %(max)s digits before the decimal point.")
    elif isinstance(field, forms.FloatField):
        messages["invalid"] = _("{label}: enter a number, e.g. 3600.50.")
    elif isinstance(field, forms.IntegerField):
        messages["invalid"] = _("{label}: enter a whole number.")
    elif isinstance(field, forms.DateTimeField):
        messages["invalid"] = _("{label}: enter a date and time, e.g. 2026-03-31 14:30.")
    elif isinstance(field, forms.DateField):
        messages["invalid"] = _("{label}: enter a date as year-month-day, e.g. 2026-03-31.")
    if isinstance(field, (forms.ChoiceField, forms.ModelChoiceField)):
        messages["invalid_choice"] = _("{label}: choose one of the options offered.")
    if isinstance(field, (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)):
        messages["invalid_list"] = _("{label}: choose from the options offered.")
    messages["unique"] = _("{label}: this value is already registered.")
    return messages


# Codes whose ValidationError carries parameters, so that its message is %-formatted.
_FORMATTED = {"max_length", "min_length", "max_value", "min_value", "max_digits", "max_decimal_places",
              "max_whole_digits", "invalid_choice", "unique"}


def _stock_messages(field) -> dict:
    stock = {}
    for cls in reversed(type(field).__mro__):
        stock.update(getattr(cls, "default_error_messages", {}))
    return stock


def humanise_errors(form):
    """Give every field the readable messages above, except where a form set its own."""
    for name, field in form.fields.items():
        label = str(field.label or name.replace("_", " ")).rstrip(":：")
        stock = _stock_messages(field)
        for code, message in _messages(field).items():
            if code in field.error_messages and field.error_messages[code] != stock.get(code):
                continue  # the form's own wording wins
            # A message with parameters is %-formatted later: a "%" in the label must survive that.
            field.error_messages[code] = gettext(message).replace(
                "{label}", label.replace("%", "%%") if code in _FORMATTED else label)
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
