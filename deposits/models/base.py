"""Append-only rows (the deposit and fund ledgers) and city-wide reference data."""

from django.db import models

from core.aggregates import MoneySum
from kernel.scoping import ScopedQuerySet


class AppendOnlyError(RuntimeError):
    """Ledger rows are never changed or deleted; a correction is a reversal entry (peers.md P32)."""


class AppendOnlyQuerySet(ScopedQuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("ledger entries are append-only")

    def delete(self):
        raise AppendOnlyError("ledger entries are append-only")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("ledger entries are append-only")

    def bulk_create(self, objs, *args, **kwargs):
        # The running balance and the sequence are computed one row at a time under the row lock.
        raise AppendOnlyError("ledger entries are written one at a time by deposits.services")

    def balance(self):
        from decimal import Decimal

        return self.aggregate(total=MoneySum("amount"))["total"] or Decimal("0.00")


class AppendOnlyModel(models.Model):
    """A row that can be inserted once and never saved again or deleted."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("ledger entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("ledger entries are append-only")
