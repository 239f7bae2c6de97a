"""Business actions of the deposits app (house style §2 rule 4): views, the API, tasks and the admin call
these functions, never the models directly."""

from .approvals import approve, may_decide, reject, request_advance, request_draw, request_return
from .deposit import (
    apply_return,
    assess_deposit,
    record_cash,
    record_exemption,
    record_guarantee,
    record_topup,
    refuse_return,
    renew_guarantee,
    reverse_entry,
    start_return,
    withdraw_interest,
)
from .funds import balances, record_recovery, reverse_fund_entry, top_up_fund, uses_since
from .ledger import InsufficientBalance

__all__ = [
    "InsufficientBalance",
    "apply_return",
    "approve",
    "assess_deposit",
    "balances",
    "may_decide",
    "record_cash",
    "record_exemption",
    "record_guarantee",
    "record_recovery",
    "record_topup",
    "refuse_return",
    "reject",
    "renew_guarantee",
    "request_advance",
    "request_draw",
    "request_return",
    "reverse_entry",
    "reverse_fund_entry",
    "start_return",
    "top_up_fund",
    "uses_since",
    "withdraw_interest",
]
