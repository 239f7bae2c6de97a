from .listing import ListingListView, entry_act, entry_detail, review, review_dismiss
from .publications import PublicationListView, batch_act, batch_detail, gather, item_act

__all__ = [
    "ListingListView",
    "PublicationListView",
    "batch_act",
    "batch_detail",
    "entry_act",
    "entry_detail",
    "gather",
    "item_act",
    "review",
    "review_dismiss",
]
