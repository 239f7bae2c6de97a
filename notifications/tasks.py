"""Celery tasks of the notifications app: thin, idempotent, calling notifications.delivery.

Schedule (wagewatch/schedules.py): "notification deliveries sweep", notifications.sweep, every 5 minutes: a
delivery whose task was lost (broker restart) or whose digest window ended is sent by the sweep."""

import logging

from celery import shared_task
from django.utils import timezone

from . import delivery
from .models import Delivery

logger = logging.getLogger(__name__)


@shared_task(bind=True, name="notifications.deliver", max_retries=None)
def deliver(self, user_id: int, channel: str) -> dict:
    """Send the user's due deliveries on the channel (one message or a digest). A failure is retried with the
    backoff that delivery.deliver_due computed; after the last attempt the rows stay failed."""
    outcome = delivery.deliver_due(user_id, channel)
    if outcome.retry_in is not None:
        raise self.retry(countdown=outcome.retry_in)
    return {"sent": outcome.sent, "failed": outcome.failed}


def dispatch(pairs, now=None) -> None:
    """Queue one deliver task per (user id, channel, when), at its time."""
    now = now or timezone.now()
    for user_id, channel, when in pairs:
        countdown = max(0, int((when - now).total_seconds()))
        try:
            deliver.apply_async((user_id, channel), countdown=countdown)
        except Exception:  # noqa: BLE001 (the broker is down: the rows stay pending and the sweep sends them)
            logger.exception("could not queue the %s delivery of user %s", channel, user_id)


@shared_task(name="notifications.sweep")
def sweep() -> dict:
    """Queue a deliver task for every user and channel with deliveries due now."""
    now = timezone.now()
    pairs = set(Delivery.objects.due(now).values_list("message__recipient_id", "channel"))
    dispatch([(user_id, channel, now) for user_id, channel in pairs], now)
    return {"queued": len(pairs)}
