"""Running the deadline reminders: every source, each in its own transaction, through notify()."""

import datetime as dt
import logging

from django.db import transaction

from core.workdays import WorkdayCalendar
from notifications.services import notify

from .sources import SOURCES

logger = logging.getLogger(__name__)


def send_reminders(today: dt.date, sources=None) -> dict[str, int]:
    """{source name: messages queued} for the day. A source that fails (a calendar year not covered) is
    logged and the others still run; a second run on the same day queues nothing (the keys)."""
    calendar = WorkdayCalendar()
    counts = {}
    for source in sources or SOURCES:
        try:
            with transaction.atomic():
                counts[source.__name__] = sum(
                    notify(r.users, kind=r.kind, title=r.title, link=r.link, key=r.key) for r in source(today, calendar)
                )
        except Exception:  # noqa: BLE001 (one source's failure, logged, must not stop the others)
            logger.exception("reminder source %s failed", source.__name__)
            counts[source.__name__] = -1
    return counts
