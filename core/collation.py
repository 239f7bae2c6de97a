"""Chinese names in pinyin order (安 < 北 < 城), not in code-point order.

PostgreSQL sorts with the ICU collation `zh_pinyin` that core migration 0004 creates; SQLite (the demo
database) has no ICU and falls back to its binary order. Use it wherever a list or an export is sorted by
a person's or an organisation's name: `queryset.order_by(pinyin("name"), "pk")`.
"""

from django.db import connections
from django.db.models import F
from django.db.models.functions import Collate

PINYIN_COLLATION = "zh_pinyin"
PINYIN_LOCALE = "zh-u-co-pinyin"


def pinyin(field: str, *, using: str = "default", descending: bool = False):
    """An order_by expression for a name field (`"worker__name"` works too)."""
    expression = Collate(F(field), PINYIN_COLLATION) if connections[using].vendor == "postgresql" else F(field)
    return expression.desc() if descending else expression.asc()
