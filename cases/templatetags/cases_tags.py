"""Money as docs/ui.md writes it: ¥1,234,567.89."""

from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


@register.filter
def yuan(value):
    if value in (None, ""):
        return "—"
    try:
        return f"¥{Decimal(value):,.2f}"
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
