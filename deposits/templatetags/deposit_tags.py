from decimal import Decimal

from django import template

from .. import rates

register = template.Library()


@register.filter
def yuan(value):
    """¥1,234,567.89 (ui.md Formats)."""
    if value is None or value == "":
        return "—"
    return rates.yuan(Decimal(value))


@register.filter
def pct(value):
    if value is None or value == "":
        return "—"
    return rates.pct(Decimal(value))


@register.filter
def signed_yuan(value):
    if value is None:
        return "—"
    value = Decimal(value)
    return ("+" if value > 0 else "−" if value < 0 else "") + rates.yuan(abs(value))
