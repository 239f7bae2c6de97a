"""Sums of money that are exact on PostgreSQL and on SQLite (which `make run` uses).

PostgreSQL sums `numeric` exactly. SQLite keeps a DecimalField as a REAL, so a plain Sum adds binary
floats and Django hands back what it got, to 15 significant digits: 0.01 + 0.05 comes back as
Decimal('0.0600000000000001'), and a ledger balance compared with zero can be wrong by a hair.
`MoneySum` adds whole fen instead (each value rounded to an integer number of fen, which a double holds
exactly up to 2**53 fen), divides by 100 once, and the result is quantized to the fen in Python.

Every aggregate over a money column goes through `MoneySum`; a money subquery read in an annotation goes
through `AsMoney` (tests/core/test_money_format.py and tests/core/test_aggregates.py hold both to it).
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import DecimalField, F, Func, Sum, Value
from django.db.models.functions import Round

CENT = Decimal("0.01")
MONEY_OUTPUT = DecimalField(max_digits=18, decimal_places=2)


def _to_cent(value, expression, connection):
    if value is None:
        return None
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


class AsMoney(Func):
    """An expression read back as money: Decimal quantized to the fen on every database."""

    template = "%(expressions)s"
    output_field = MONEY_OUTPUT

    def get_db_converters(self, connection):
        return [*super().get_db_converters(connection), _to_cent]


class MoneySum(AsMoney):
    """Sum("amount") for money: `MoneySum("amount", filter=Q(...))`, also over an expression
    (`MoneySum(F("standard_amount") - F("required_amount"))`). The same SQL on both databases:
    SUM(ROUND(x * 100)) / 100.0, exact numeric on PostgreSQL, whole fen in doubles on SQLite."""

    template = "(%(expressions)s / 100.0)"

    def __init__(self, expression, *, filter=None, **extra):  # noqa: A002 (the name Sum uses)
        if isinstance(expression, str):
            expression = F(expression)
        fen = Sum(Round(expression * Value(100)), filter=filter, output_field=MONEY_OUTPUT)
        super().__init__(fen, **extra)
