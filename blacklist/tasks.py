"""Periodic work of the blacklist app (thin and idempotent: the service does the work)."""

import datetime as dt

from celery import shared_task
from django.utils import timezone


@shared_task(name="blacklist.expire_listings")
def expire_listings(today: str | None = None) -> int:
    """Daily: end every listing whose 3-year term is over (publication withdrawn, departments notified).
    A re-run finds nothing left; the public list and API filter by date meanwhile anyway."""
    from . import services

    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    return services.expire_listings(on=day)
