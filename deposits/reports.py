"""Totals for the reports page (issue 5; Lanzhou reported 29 projects reduced by CNY 87 million and 4
increased): stored, exempted, reduced and increased (count and amount), drawn and returned, by district
and year. Two grouped queries, whatever the number of deposits."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import ExtractYear

from .choices import Adjustment, DepositForm, DepositStatus, EntryKind
from .models import LedgerEntry

ZERO = Decimal("0.00")


def totals(deposits) -> list[dict]:
    """Rows {district, year, stored, stored_amount, exempt, reduced, reduced_amount, increased,
    increased_amount, drawn_amount, returned_amount}, sorted by year (newest first) and district."""
    stored = ~Q(status__in=[DepositStatus.REQUIRED, DepositStatus.EXEMPT]) & ~Q(form=DepositForm.EXEMPTION)
    rows = (deposits.values("project__district__name", "project__district__sort_order",
                            year=ExtractYear("assessed_on"))
            .annotate(stored=Count("pk", filter=stored),
                      stored_amount=Sum("required_amount", filter=stored),
                      exempt=Count("pk", filter=Q(adjustment=Adjustment.EXEMPT)),
                      reduced=Count("pk", filter=Q(adjustment=Adjustment.REDUCED)),
                      reduced_amount=Sum(F("standard_amount") - F("required_amount"),
                                         filter=Q(adjustment=Adjustment.REDUCED)),
                      increased=Count("pk", filter=Q(adjustment=Adjustment.INCREASED)),
                      increased_amount=Sum(F("required_amount") - F("standard_amount"),
                                           filter=Q(adjustment=Adjustment.INCREASED)))
            .order_by())
    table: dict = {}
    for row in rows:
        key = (row["year"], row["project__district__sort_order"], row["project__district__name"])
        table[key] = {"district": row["project__district__name"], "year": row["year"],
                      **{k: row[k] or (0 if k in ("stored", "exempt", "reduced", "increased") else ZERO)
                         for k in ("stored", "stored_amount", "exempt", "reduced", "reduced_amount", "increased",
                                   "increased_amount")}, "drawn_amount": ZERO, "returned_amount": ZERO}
    moves = (LedgerEntry.objects.filter(deposit__in=deposits.values("pk"),
                                        kind__in=[EntryKind.DRAWN, EntryKind.RETURNED])
             .values("kind", "deposit__project__district__name", "deposit__project__district__sort_order",
                     year=ExtractYear("occurred_on"))
             .annotate(total=Sum("amount")).order_by())
    for move in moves:
        key = (move["year"], move["deposit__project__district__sort_order"], move["deposit__project__district__name"])
        row = table.setdefault(key, defaultdict(lambda: 0, district=key[2], year=key[0],
                                                stored_amount=ZERO, reduced_amount=ZERO, increased_amount=ZERO,
                                                drawn_amount=ZERO, returned_amount=ZERO))
        field = "drawn_amount" if move["kind"] == EntryKind.DRAWN else "returned_amount"
        row[field] = -(move["total"] or ZERO)
    return [dict(table[key]) for key in sorted(table, key=lambda k: (-k[0], k[1]))]


def grand_total(rows: list[dict]) -> dict:
    keys = ["stored", "stored_amount", "exempt", "reduced", "reduced_amount", "increased", "increased_amount",
            "drawn_amount", "returned_amount"]
    return {k: sum((r.get(k) or 0 for r in rows), 0) for k in keys}
