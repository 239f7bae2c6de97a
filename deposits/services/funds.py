"""Emergency revolving funds (应急周转金): budget top-ups, advances to cases, recoveries from employers."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from audit import events
from audit.kinds import AuditKind
from core.aggregates import MoneySum
from core.formats import yuan
from kernel.errors import IllegalTransition, RuleRefused
from kernel.fetch import lock_in_scope
from kernel.roles import Action

from ..choices import FundEntryKind
from ..models import EmergencyFund, FundEntry
from .ledger import append, two_places


def locked(fund, actor, action=Action.CHANGE) -> EmergencyFund:
    return lock_in_scope(EmergencyFund, actor, action, pk=fund.pk)


def book(fund, kind, amount, *, actor, key=None, on=None, **fields):
    from .deposit import today

    return append(fund.entries.all(), FundEntry, "fund", fund, kind=kind, amount=amount, key=key, actor=actor,
                  occurred_on=on or today(), **fields)


@transaction.atomic
def top_up_fund(fund, *, actor, amount, on=None, memo="", key=None) -> FundEntry:
    """Money from the budget into the fund."""
    fund = locked(fund, actor)
    amount = two_places(amount)
    if amount <= 0:
        raise RuleRefused(_("The amount must be positive."), "amount")
    entry, created = book(fund, FundEntryKind.TOPUP, amount, actor=actor, key=key, on=on, memo=memo[:255])
    if created:
        events.record(AuditKind.FUND_TOPPED_UP, actor=actor, obj=fund, district=fund.district, amount=str(amount),
                      balance=str(entry.balance_after))
    return entry


@transaction.atomic
def record_recovery(fund, *, actor, amount, case_ref, on=None, memo="", key=None) -> FundEntry:
    """Money recovered from the employer after an advance."""
    fund = locked(fund, actor)
    amount = two_places(amount)
    if amount <= 0 or not case_ref.strip():
        raise RuleRefused(_("Give a positive amount and the case."))
    entry, created = book(fund, FundEntryKind.RECOVERY, amount, actor=actor, key=key, on=on,
                          case_ref=case_ref.strip(), memo=memo[:255])
    if created:
        events.record(AuditKind.FUND_RECOVERED, actor=actor, obj=fund, district=fund.district, amount=str(amount),
                      case=entry.case_ref)
    return entry


def execute_advance(approval, actor, on):
    """Called by approvals.approve under its transaction: refused when the balance is short."""
    fund = locked(approval.fund, actor, Action.APPROVE)
    if approval.amount > fund.balance:
        raise RuleRefused(_("An advance larger than the balance of %(balance)s is refused.")
                          % {"balance": yuan(fund.balance)})
    entry, _created = book(fund, FundEntryKind.ADVANCE, -approval.amount, actor=actor, key=f"advance-{approval.pk}",
                           on=on, workers=approval.workers, case_id=approval.case_id, case_ref=approval.case_ref,
                           approval=approval,
                           memo=approval.reason[:255])
    events.record(AuditKind.FUND_ADVANCED, actor=actor, obj=fund, district=fund.district, approval=approval.pk,
                  amount=str(approval.amount), workers=approval.workers, case=approval.case_ref)
    return entry


@transaction.atomic
def reverse_fund_entry(entry, *, actor, reason, key=None) -> FundEntry:
    fund = locked(entry.fund, actor)
    if not reason.strip():
        raise RuleRefused(_("Give the reason for the correction."), "reason")
    if entry.kind == FundEntryKind.REVERSAL or FundEntry.objects.filter(reverses=entry).exists():
        raise IllegalTransition(_("This entry cannot be reversed (again)."))
    reversal, created = book(fund, FundEntryKind.REVERSAL, -entry.amount, actor=actor, key=key,
                             workers=entry.workers, case_ref=entry.case_ref, memo=reason[:255], reverses=entry)
    if created:
        events.record(AuditKind.FUND_ENTRY_REVERSED, actor=actor, obj=fund, district=fund.district, entry=entry.pk,
                      reason=reason[:200])
    return reversal


def uses_since(funds, since: dt.date) -> dict:
    """Advances since a date (net of reversed ones): count, amount and workers
    (Lanzhou published: 1 use since 2017, CNY 800,000, 125 workers)."""
    reversed_ids = FundEntry.objects.filter(reverses__isnull=False).values("reverses_id")
    rows = (FundEntry.objects.filter(fund__in=funds, kind=FundEntryKind.ADVANCE, occurred_on__gte=since)
            .exclude(pk__in=reversed_ids)
            .aggregate(uses=Count("pk"), amount=MoneySum("amount"), workers=Sum("workers")))
    return {"since": since, "uses": rows["uses"] or 0, "amount": -(rows["amount"] or Decimal("0.00")),
            "workers": rows["workers"] or 0}


def balances(funds) -> dict:
    """{fund_id: balance} in one grouped query."""
    rows = (FundEntry.objects.filter(fund__in=funds).values("fund_id").annotate(total=MoneySum("amount"))
            .order_by())
    return {row["fund_id"]: row["total"] for row in rows}


__all__ = ["balances", "execute_advance", "record_recovery", "reverse_fund_entry", "top_up_fund",
           "uses_since"]
