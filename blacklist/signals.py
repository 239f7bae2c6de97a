"""Signals the blacklist app sends, for cross-app fan-out (docs style rule 7): the certificates app
revokes an enterprise's certificates when a listing takes effect (certificates.receivers)."""

from django.dispatch import Signal

# Sent inside the listing decision's transaction: kwargs entry (ListingEntry), actor.
listing_in_force = Signal()
