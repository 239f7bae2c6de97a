"""Display filters of the projects pages (docs/ui.md formats)."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def cny(value):
    """¥1,234,567.89; an empty value shows as a dash."""
    if value is None or value == "":
        return "—"
    amount = Decimal(value).quantize(Decimal("0.01"))
    sign = "-" if amount < 0 else ""
    return f"{sign}¥{abs(amount):,.2f}"


@register.filter
def percent(value):
    """0.9512 → 95.1 %; None → —."""
    if value is None:
        return "—"
    return f"{Decimal(value) * 100:.1f} %"
