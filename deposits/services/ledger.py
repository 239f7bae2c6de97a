"""Appending to a ledger: the one place where a balance changes.

The caller holds the row lock of the deposit or fund (select_for_update inside @transaction.atomic), so
reading the sum and appending entry n + 1 cannot interleave with another writer (peers.md P33). The
database backs this up: (owner, seq) and (owner, idempotency_key) are unique and balance_after ≥ 0.
"""

import uuid
from decimal import Decimal

from django.db.models import Max
from django.utils.translation import gettext as _

from core.aggregates import MoneySum
from core.formats import yuan
from kernel.errors import RuleRefused


class InsufficientBalance(RuleRefused):
    """The entry would take the balance below zero."""


def new_key() -> str:
    return uuid.uuid4().hex


def two_places(amount) -> Decimal:
    """Money is Decimal with at most 2 places (peers.md P31); anything else is refused, never rounded."""
    value = Decimal(str(amount))
    if value != value.quantize(Decimal("0.01")):
        raise RuleRefused(_("An amount has at most 2 decimal places."), "amount")
    return value.quantize(Decimal("0.01"))


def existing(entries, key: str):
    """The entry already booked under this idempotency key (a replay), or None."""
    return entries.filter(idempotency_key=key).first() if key else None


def append(entries, model, owner_field: str, owner, *, kind: str, amount, key: str | None, actor=None,
           **fields):
    """Append one entry to `owner`'s ledger. Returns (entry, created). A replayed key returns the entry
    booked the first time and changes nothing."""
    key = key or new_key()
    found = existing(entries, key)
    if found is not None:
        return found, False
    amount = two_places(amount)
    totals = entries.aggregate(total=MoneySum("amount"), last=Max("seq"))
    balance = (totals["total"] or Decimal("0.00")) + amount
    if balance < 0:
        raise InsufficientBalance(_("The balance is %(balance)s; %(amount)s cannot be taken from it.")
                                  % {"balance": yuan(totals["total"] or 0), "amount": yuan(-amount)})
    entry = model(**{owner_field: owner}, seq=(totals["last"] or 0) + 1, kind=kind, amount=amount,
                  balance_after=balance, idempotency_key=key,
                  created_by=actor if getattr(actor, "pk", None) else None, **fields)
    entry.save()
    return entry, True
