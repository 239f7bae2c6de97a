"""Business actions of the blacklist app. Views, API, admin, tasks and demo data all call these; each runs
in one transaction, locks its row, and writes its audit event and enterprise timeline entry there."""

from .common import policy
from .listing import (
    TRANSITIONS,
    check_criteria,
    decide_early_removal,
    decide_listing,
    dismiss_review,
    expire_listings,
    propose_listing,
    record_statement,
    request_early_removal,
    serve_notice,
)
from .publication import candidates, edit_item, exclude_item, gather_batch, publish_batch, withdraw_batch

__all__ = [
    "TRANSITIONS",
    "candidates",
    "check_criteria",
    "decide_early_removal",
    "decide_listing",
    "dismiss_review",
    "edit_item",
    "exclude_item",
    "expire_listings",
    "gather_batch",
    "policy",
    "propose_listing",
    "publish_batch",
    "record_statement",
    "request_early_removal",
    "serve_notice",
    "withdraw_batch",
]
