"""The rules' parameters in force on a day: each SPEC's Param default (the one home of the number), overridden
by the effective-dated RuleParameter rows a city administrator adds."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import RuleParameter
from .rules import all_rules
from .rules.base import Param

# The day the seeded rows take effect: before any record the platform holds (as core.city_settings).
SEED_EFFECTIVE_FROM = dt.date(2000, 1, 1)


def parse(param: Param, raw):
    """The typed value of a stored or typed text, within the Param's bounds, or ValidationError."""
    text = str(raw).strip()
    try:
        if param.kind == "bool":
            if text.lower() not in {"true", "false", "1", "0"}:
                raise ValueError(text)
            return text.lower() in {"true", "1"}
        value = Decimal(text) if param.kind == "decimal" else int(text)
    except (ValueError, InvalidOperation) as exc:
        raise ValidationError(_("Not a valid value: %(value)s") % {"value": text}) from exc
    if param.minimum is not None and value < param.minimum:
        raise ValidationError(_("At least %(minimum)s.") % {"minimum": param.minimum})
    if param.maximum is not None and value > param.maximum:
        raise ValidationError(_("At most %(maximum)s.") % {"maximum": param.maximum})
    return value


def spec_of(code: str):
    for spec, _evaluate in all_rules():
        if spec.code == code:
            return spec
    return None


def rows_on(code: str, on: dt.date) -> dict[str, RuleParameter]:
    """{key: the row in force on the day} for one rule."""
    found: dict[str, RuleParameter] = {}
    for row in RuleParameter.objects.filter(rule=code, effective_from__lte=on).order_by("key", "-effective_from"):
        found.setdefault(row.key, row)
    return found


def parameters_on(code: str, on: dt.date, spec=None) -> dict:
    """{key: typed value} of the rule's parameters in force on the day (the SPEC default where no row is)."""
    spec = spec or spec_of(code)
    if spec is None:
        return {}
    rows = rows_on(code, on)
    values = {}
    for key, param in spec.params.items():
        row = rows.get(key)
        try:
            values[key] = parse(param, row.value) if row is not None else param.default
        except ValidationError:
            values[key] = param.default  # a row outside the bounds (entered before they narrowed) never runs
    return values


def defaults(spec) -> dict:
    return {key: param.default for key, param in spec.params.items()}


def seed_rows(rule_parameter_model, rules=None):
    """One row per (rule, key) from each SPEC's default, dated SEED_EFFECTIVE_FROM (migration 0002 and
    manage.py evaluate_warnings for rules added since); existing rows are kept."""
    rules = all_rules() if rules is None else rules
    existing = set(rule_parameter_model.objects.values_list("rule", "key"))
    rows = [
        rule_parameter_model(
            rule=spec.code,
            key=key,
            value=str(param.default).lower() if param.kind == "bool" else str(param.default),
            effective_from=SEED_EFFECTIVE_FROM,
            note="default",
        )
        for spec, _evaluate in rules
        for key, param in spec.params.items()
        if (spec.code, key) not in existing
    ]
    rule_parameter_model.objects.bulk_create(rows)
    return len(rows)
