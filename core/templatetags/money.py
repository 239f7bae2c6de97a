"""The one template filter library for money and ratios: {% load money %} (formats: core/formats.py).

    {{ case.amount_owed|yuan }}        ¥36,000.00
    {{ entry.amount|signed_yuan }}     +¥100.00 / −¥100.00
    {{ total|wan_yuan }}               4,986.98 万元 (from yuan)
    {{ e.registered_capital|wan }}     1,234.50 万元 (kept in 万元)
    {{ deposit.rate|percent }}         2.0%

tests/core/test_money_format.py fails when a template writes money or a ratio any other way.
"""

from django import template

from core import formats

register = template.Library()

register.filter("yuan", formats.yuan)
register.filter("signed_yuan", formats.signed_yuan)
register.filter("wan_yuan", formats.wan_yuan)
register.filter("wan", formats.wan)
register.filter("percent", formats.percent)
