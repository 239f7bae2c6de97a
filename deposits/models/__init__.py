"""Models of the deposits app: rate policies, deposits with their ledger, emergency funds with theirs,
and the approvals that stand between a request and the money moving."""

from .approval import Approval
from .base import AppendOnlyError
from .deposit import Deposit, LedgerEntry
from .fund import EmergencyFund, FundEntry
from .policy import RatePolicy

__all__ = ["AppendOnlyError", "Approval", "Deposit", "EmergencyFund", "FundEntry", "LedgerEntry", "RatePolicy"]
