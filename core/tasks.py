import datetime as dt

from celery import shared_task
from django.utils import timezone

from . import workdays
from .city_settings import city_setting

# Deadlines for next year need next year's holiday schedule, which the State Council publishes
# in November (domain.md §12). From December on, a missing schedule is raised every day (the default of the
# city setting calendar_warning_month).
CALENDAR_WARNING_FROM_MONTH = 12


@shared_task(name="core.check_calendar_coverage")
def check_calendar_coverage(today: str | None = None) -> dict:
    """Report whether next year's working-day schedule is known. Idempotent: it records at
    most one audit event per day."""
    from audit import events
    from audit.models import AuditEvent

    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    last = workdays.covered_until()
    missing = day.month >= city_setting("calendar_warning_month", day) and last < day.year + 1
    if missing and not AuditEvent.objects.filter(
        event="calendar_not_covered", data__year=day.year + 1, data__checked_on=day.isoformat()
    ).exists():
        events.record("calendar_not_covered", success=False, year=day.year + 1, checked_on=day.isoformat())
    return {"covered_until": last, "next_year_missing": missing}
