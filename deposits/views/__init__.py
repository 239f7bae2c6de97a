from .approvals import ApprovalListView, approval_detail
from .funds import FundListView, fund_action, fund_detail
from .register import (
    DepositListView,
    deposit_action,
    deposit_create,
    deposit_detail,
    deposit_notice,
    payment_notice,
    report,
    return_confirmation,
)

__all__ = [
    "ApprovalListView",
    "DepositListView",
    "FundListView",
    "approval_detail",
    "deposit_action",
    "deposit_create",
    "deposit_detail",
    "deposit_notice",
    "fund_action",
    "fund_detail",
    "payment_notice",
    "report",
    "return_confirmation",
]
