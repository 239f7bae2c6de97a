"""Admin for city administrators: the rules' parameters as effective-dated rows (added, never edited in place,
each value checked against its Param's bounds), and read-only views of warnings and runs."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from audit import events
from audit.kinds import AuditKind
from kernel.admin_base import ReadOnlyAdmin

from .models import EvaluationRun, RuleParameter, Warning
from .parameters import parse, spec_of
from .rules import all_rules


def parameter_choices():
    return [
        (f"{spec.code}:{key}", f"{spec.code} · {key} · {param.label}")
        for spec, _evaluate in all_rules()
        for key, param in spec.params.items()
    ]


class RuleParameterForm(forms.ModelForm):
    parameter = forms.ChoiceField(label=_("Parameter"), choices=parameter_choices)

    class Meta:
        model = RuleParameter
        fields = ["parameter", "value", "effective_from", "note"]

    def clean(self):
        cleaned = super().clean()
        code, _sep, key = (cleaned.get("parameter") or "").partition(":")
        spec = spec_of(code)
        if spec is None or key not in spec.params:
            raise ValidationError(_("Unknown parameter."))
        try:
            cleaned["value"] = str(parse(spec.params[key], cleaned.get("value", "")))
        except ValidationError as exc:
            self.add_error("value", exc)
        self.instance.rule, self.instance.key = code, key
        return cleaned


@admin.register(RuleParameter)
class RuleParameterAdmin(admin.ModelAdmin):
    form = RuleParameterForm
    list_display = ["rule", "key", "value", "effective_from", "note", "created_by"]
    list_filter = ["rule"]

    def has_change_permission(self, request, obj=None):
        return obj is None  # a new value is a new dated row; the old one stays as the history

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.created_by = request.user
        super().save_model(request, obj, form, change)
        events.record(
            AuditKind.RULE_PARAMETER_SET,
            actor=request.user,
            obj=obj,
            rule=obj.rule,
            key=obj.key,
            value=obj.value,
            effective_from=obj.effective_from.isoformat(),
        )


@admin.register(Warning)
class WarningAdmin(ReadOnlyAdmin):
    list_display = ["rule", "subject", "subject_id", "part", "level", "status", "district", "raised_on", "due_on"]
    list_filter = ["rule", "level", "status"]


@admin.register(EvaluationRun)
class EvaluationRunAdmin(ReadOnlyAdmin):
    list_display = ["started_at", "finished_at", "on", "trigger", "status"]
    list_filter = ["trigger", "status"]
