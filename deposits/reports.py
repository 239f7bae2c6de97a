"""Totals for the reports page (issue 5; Lanzhou reported 29 projects reduced by CNY 87 million and 4
increased): stored, exempted, reduced and increased (count and amount), drawn and returned, by district
and year. Two grouped queries, whatever the number of deposits."""

from decimal import Decimal

from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear

from core.aggregates import MoneySum

from .choices import Adjustment, DepositForm, DepositStatus, EntryKind
from .models import LedgerEntry

ZERO = Decimal("0.00")
COUNTS = ("stored", "exempt", "reduced", "increased")
AMOUNTS = ("stored_amount", "reduced_amount", "increased_amount", "drawn_amount", "returned_amount")


def totals(deposits) -> list[dict]:
    """Rows {district, year, stored, stored_amount, exempt, reduced, reduced_amount, increased,
    increased_amount, drawn_amount, returned_amount}, sorted by year (newest first) and district."""
    stored = ~Q(status__in=[DepositStatus.REQUIRED, DepositStatus.EXEMPT]) & ~Q(form=DepositForm.EXEMPTION)
    rows = (deposits.values("project__district__name", "project__district__sort_order",
                            year=ExtractYear("assessed_on"))
            .annotate(stored=Count("pk", filter=stored),
                      stored_amount=MoneySum("required_amount", filter=stored),
                      exempt=Count("pk", filter=Q(adjustment=Adjustment.EXEMPT)),
                      reduced=Count("pk", filter=Q(adjustment=Adjustment.REDUCED)),
                      reduced_amount=MoneySum(F("standard_amount") - F("required_amount"),
                                              filter=Q(adjustment=Adjustment.REDUCED)),
                      increased=Count("pk", filter=Q(adjustment=Adjustment.INCREASED)),
                      increased_amount=MoneySum(F("required_amount") - F("standard_amount"),
                                                filter=Q(adjustment=Adjustment.INCREASED)))
            .order_by())
    table: dict = {}

    def row_for(year, sort_order, district) -> dict:
        # Every row carries every column: a district with only draws or returns in a year has zero
        # deposits stored, not an empty cell (issue 10: "· ¥0.00").
        return table.setdefault((year, sort_order, district), {
            "district": district, "year": year, **{k: 0 for k in COUNTS}, **{k: ZERO for k in AMOUNTS}})

    for row in rows:
        target = row_for(row["year"], row["project__district__sort_order"], row["project__district__name"])
        target.update({k: row[k] or 0 for k in COUNTS})
        target.update({k: row[k] or ZERO for k in AMOUNTS if k in row})
    moves = (LedgerEntry.objects.filter(deposit__in=deposits.values("pk"),
                                        kind__in=[EntryKind.DRAWN, EntryKind.RETURNED])
             .values("kind", "deposit__project__district__name", "deposit__project__district__sort_order",
                     year=ExtractYear("occurred_on"))
             .annotate(total=MoneySum("amount")).order_by())
    for move in moves:
        target = row_for(move["year"], move["deposit__project__district__sort_order"],
                         move["deposit__project__district__name"])
        field = "drawn_amount" if move["kind"] == EntryKind.DRAWN else "returned_amount"
        target[field] = -(move["total"] or ZERO)
    return [table[key] for key in sorted(table, key=lambda k: (-k[0], k[1]))]


def grand_total(rows: list[dict]) -> dict:
    return {**{k: sum(r[k] for r in rows) for k in COUNTS}, **{k: sum((r[k] for r in rows), ZERO) for k in AMOUNTS}}
