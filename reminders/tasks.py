"""Schedule (wagewatch/schedules.py): "deadline reminders", reminders.send_reminders, hourly."""

import datetime as dt

from celery import shared_task
from django.conf import settings
from django.utils import timezone, translation

from . import services


@shared_task(name="reminders.send_reminders")
def send_reminders(today: str | None = None) -> dict:
    """The reminders due today, in the site's language. Idempotent: notify() keys each reminder."""
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    with translation.override(settings.LANGUAGE_CODE):
        return services.send_reminders(day)
