"""Regulatory numbers and their citations in templates: {% citation rule %} puts a rule's name and basis beside
the date or reason it governs (core.citations.Rule); {% rule_number %} and {% city_setting %} read a number from
its single home, so that no template repeats one (tests/core/test_regulatory_literals.py)."""

from django import template
from django.utils.html import format_html
from django.utils.module_loading import import_string

from core.city_settings import city_setting as _city_setting

register = template.Library()


@register.simple_tag
def citation(rule, with_name=True):
    """`rule` is a core.citations.Rule (or a dict from Rule.as_dict(), as stored reasons carry it); empty
    when there is none."""
    if not rule:
        return ""
    if isinstance(rule, str):  # "deposits.choices.STORE_RULE": a rule constant named by its home
        rule = _named_rule(rule)
    if isinstance(rule, dict):
        name, basis = rule.get("rule", ""), rule.get("basis", "")
    else:
        name, basis = rule.name, rule.basis
    if not basis:
        return ""
    if with_name and name:
        return format_html('<span class="citation" data-testid="citation" title="{}">{} · {}</span>', name, name,
                           basis)
    return format_html('<span class="citation" data-testid="citation" title="{}">{}</span>', name, basis)


def _named_rule(path):
    if not path.rpartition(".")[2].endswith("_RULE"):
        raise template.TemplateSyntaxError(f"{path!r} is not a rule constant (NAME_RULE)")
    return import_string(path)


@register.simple_tag
def rule_number(path):
    """A regulatory number from its single home, e.g. {% rule_number "cases.rules.ACCEPTANCE_WORKDAYS" as days %},
    so that a template never repeats it. Only named constants (UPPER_CASE) of a module are read."""
    module, _dot, name = path.rpartition(".")
    if not module or not name.isupper():
        raise template.TemplateSyntaxError(f"{path!r} is not a named constant")
    return import_string(path)


@register.simple_tag
def city_setting(key):
    """A city setting in force today: {% city_setting "duplicate_window_days" as days %}."""
    return _city_setting(key)
