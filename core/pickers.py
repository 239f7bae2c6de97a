"""A searchable picker for an enterprise or a project, instead of a <select> of the whole scope (a city user
had 35,000 enterprises in one dropdown).

The field is a ModelChoiceField whose widget is a text input tied to a <datalist>: typing asks the
`pick` endpoint (htmx, no inline script, CSP-safe) for at most PICK_LIMIT matches inside the viewer's
scope, and the browser offers them. The value sent is the record's natural key followed by its name
("91620102… 兰州示范建设集团有限公司" or "LZ-2026-001 某某项目"); without JavaScript, typing the key alone
works too. The field looks the key up in its queryset, which the form sets to `visible_to(user)` as
for any ModelChoiceField: a key outside the scope is an invalid choice, never a record.

    enterprise = ScopedPickerField("enterprise", label=_("Enterprise"), required=False)
    ...
    self.fields["enterprise"].queryset = Enterprise.objects.visible_to(user)
"""

from dataclasses import dataclass

from django import forms
from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

PICK_LIMIT = 20
MIN_PICK_LENGTH = 2


@dataclass(frozen=True)
class PickerSource:
    model: str  # "app_label.Model"; its queryset has visible_to() and search()
    key: str  # the unique natural key the value starts with
    label: str = "name"

    def get_model(self):
        return apps.get_model(self.model)


PICKER_SOURCES = {
    "enterprise": PickerSource("enterprises.Enterprise", "credit_code"),
    "project": PickerSource("projects.Project", "code"),
}


def option_text(source: PickerSource, obj) -> str:
    return f"{getattr(obj, source.key)} {getattr(obj, source.label)}"


def matches(user, kind: str, text: str):
    """At most PICK_LIMIT records of the kind in the user's scope matching the text, in pinyin order."""
    from .collation import pinyin

    source = PICKER_SOURCES[kind]
    text = (text or "").strip()
    if len(text) < MIN_PICK_LENGTH:
        return source, []
    model = source.get_model()
    found = model.objects.visible_to(user).search(text).order_by(pinyin(source.label), "pk")
    return source, list(found[:PICK_LIMIT])


class PickerInput(forms.TextInput):
    template_name = "core/widgets/picker.html"  # under core/templates: the form renderer reads app templates

    def __init__(self, kind: str, attrs=None):
        self.kind = kind
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        options_id = f"{widget['attrs'].get('id') or name}-options"
        widget["attrs"].update({
            "list": options_id,
            "hx-get": f"{reverse('pick', args=[self.kind])}?param={name}",
            "hx-trigger": "input changed delay:300ms, search",
            "hx-target": f"#{options_id}",
            "hx-swap": "innerHTML",
            "hx-sync": "this:replace",
            "data-testid": f"picker-{name}",
        })
        widget["options_id"] = options_id
        return context


class ScopedPickerField(forms.ModelChoiceField):
    default_error_messages = {
        "invalid_choice": _("No such record in your scope: type part of the name or the code and pick one "
                            "of the suggestions."),
    }

    def __init__(self, kind: str, *, queryset=None, **kwargs):
        self.source = PICKER_SOURCES[kind]
        if queryset is None:
            queryset = self.source.get_model().objects.none()
        kwargs.setdefault("help_text", _("Type at least two characters of the name or the code."))
        super().__init__(queryset, to_field_name=self.source.key, widget=PickerInput(kind), **kwargs)

    def prepare_value(self, value):
        if isinstance(value, self.queryset.model):
            return option_text(self.source, value)
        if value not in self.empty_values and not isinstance(value, str):
            obj = self.queryset.model._base_manager.filter(pk=value).first()
            return option_text(self.source, obj) if obj is not None else ""
        return value

    def to_python(self, value):
        """"KEY name" from a suggestion, or the key alone (the key is the first word); a bare id (a link's
        ?project=<pk>, a scripted post) when no key matches. Either way only inside the queryset."""
        if value in self.empty_values:
            return None
        if isinstance(value, self.queryset.model):
            value = getattr(value, self.source.key)
        text = str(value).strip().split(" ", 1)[0]
        key = text.upper() if self.source.key == "credit_code" else text
        found = self.queryset.filter(**{self.source.key: key}).first()
        if found is None and text.isdigit():
            found = self.queryset.filter(pk=int(text)).first()
        if found is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return found
