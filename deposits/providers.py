"""Facts the deposits app needs from apps that are built elsewhere, through small provider registries.

- arrears record (cases, issue 6): the dates on which a contractor was found to owe wages, for the
  differentiated rate (65号 Arts. 11–12);
- serious-dishonesty list (blacklist, issue 7): whether a contractor is listed (65号 Art. 12);
- payment orders (cases, issue 6): the decision that ordered the contractor to pay, and its deadline;
  a draw needs one whose deadline has passed unpaid (65号 Art. 14).

An app plugs in from its AppConfig.ready() with the register_* function. Until something is
registered, the answer is "not connected" (None), never a guess: the rate explanation says so, and a
draw is refused.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from django.utils.translation import gettext as _

__all__ = [
    "ArrearsProvider",
    "BlacklistProvider",
    "DrawRefused",
    "PaymentOrder",
    "PaymentOrderProvider",
    "arrears_dates",
    "arrears_source",
    "blacklist_source",
    "listed",
    "overdue_payment_order",
    "register_arrears_provider",
    "register_blacklist_provider",
    "register_payment_order_provider",
    "unregister_all",
]


class ArrearsProvider(Protocol):
    name: str
    label: str

    def arrears(self, enterprise_ids: list[int], start: dt.date, end: dt.date) -> dict[int, list[dt.date]]:
        """Dates of wage arrears established against each enterprise within [start, end]."""


class BlacklistProvider(Protocol):
    name: str
    label: str

    def listed(self, enterprise_ids: list[int], on: dt.date) -> set[int]:
        """The enterprises on the serious-dishonesty (joint-punishment) list on the day."""


@dataclass(frozen=True)
class PaymentOrder:
    """An administrative decision ordering the contractor to pay (or pay first) wages by a deadline."""

    ref: str
    label: str
    project_id: int
    deadline: dt.date
    paid: bool
    amount: object = None  # Decimal still unpaid, when the case knows it
    case_id: int | None = None


class PaymentOrderProvider(Protocol):
    name: str

    def find(self, project, ref: str) -> PaymentOrder | None:
        """The payment order `ref` (a case number or decision number) of the project, or None."""


class DrawRefused(Exception):
    """A draw's legal preconditions are not met (65号 Art. 14)."""


_ARREARS: dict[str, ArrearsProvider] = {}
_BLACKLIST: dict[str, BlacklistProvider] = {}
_ORDERS: dict[str, PaymentOrderProvider] = {}


def register_arrears_provider(provider: ArrearsProvider) -> None:
    _ARREARS[provider.name] = provider


def register_blacklist_provider(provider: BlacklistProvider) -> None:
    _BLACKLIST[provider.name] = provider


def register_payment_order_provider(provider: PaymentOrderProvider) -> None:
    _ORDERS[provider.name] = provider


def unregister_all() -> dict:
    """Disconnect every provider and return them (tests restore them with restore())."""
    saved = {"arrears": dict(_ARREARS), "blacklist": dict(_BLACKLIST), "orders": dict(_ORDERS)}
    _ARREARS.clear()
    _BLACKLIST.clear()
    _ORDERS.clear()
    return saved


def restore(saved: dict) -> None:
    unregister_all()
    _ARREARS.update(saved["arrears"])
    _BLACKLIST.update(saved["blacklist"])
    _ORDERS.update(saved["orders"])


def arrears_source() -> str | None:
    """The names of the connected arrears records, or None when none is connected."""
    return ", ".join(str(p.label) for p in _ARREARS.values()) or None


def blacklist_source() -> str | None:
    return ", ".join(str(p.label) for p in _BLACKLIST.values()) or None


def arrears_dates(enterprise_ids: list[int], start: dt.date, end: dt.date) -> dict[int, list[dt.date]] | None:
    """{enterprise_id: sorted dates of arrears in [start, end]} or None when no record is connected."""
    if not _ARREARS:
        return None
    merged: dict[int, list[dt.date]] = {pk: [] for pk in enterprise_ids}
    for provider in _ARREARS.values():
        for pk, dates in provider.arrears(enterprise_ids, start, end).items():
            merged.setdefault(pk, []).extend(d for d in dates if start <= d <= end)
    return {pk: sorted(dates) for pk, dates in merged.items()}


def listed(enterprise_ids: list[int], on: dt.date) -> set[int] | None:
    """The listed enterprises among the ids, or None when no list is connected."""
    if not _BLACKLIST:
        return None
    found: set[int] = set()
    for provider in _BLACKLIST.values():
        found |= set(provider.listed(enterprise_ids, on))
    return found


def overdue_payment_order(project, ref: str, on: dt.date) -> PaymentOrder:
    """The payment order that allows a draw on `on`, or DrawRefused naming what is missing: a decision
    ordering payment for this project, whose deadline has passed, and which is still unpaid."""
    if not _ORDERS:
        raise DrawRefused(_("The case register is not connected: a draw needs a decision ordering payment "
                            "whose deadline has passed, and none can be checked."))
    ref = (ref or "").strip()
    if not ref:
        raise DrawRefused(_("Name the case or decision that ordered payment."))
    for provider in _ORDERS.values():
        order = provider.find(project, ref)
        if order is None:
            continue
        if order.project_id != project.pk:
            raise DrawRefused(_("Decision %(ref)s concerns another project.") % {"ref": ref})
        if order.paid:
            raise DrawRefused(_("Decision %(ref)s has been complied with: nothing is owed.") % {"ref": ref})
        if order.deadline >= on:
            raise DrawRefused(_("The deadline of decision %(ref)s (%(deadline)s) has not passed yet.")
                              % {"ref": ref, "deadline": order.deadline.isoformat()})
        return order
    raise DrawRefused(_("No decision ordering payment was found under %(ref)s for this project.") % {"ref": ref})
