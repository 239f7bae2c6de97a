import datetime as dt

from celery import shared_task
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit import events
from audit.kinds import AuditKind
from audit.models import AuditEvent

from . import notices, workdays
from .city_settings import city_setting

# Deadlines for next year need next year's holiday schedule, which the State Council publishes
# in November (domain.md §12). From December on, a missing schedule is raised every day (the default of the
# city setting calendar_warning_month).
CALENDAR_WARNING_FROM_MONTH = 12


@shared_task(name="core.check_calendar_coverage")
def check_calendar_coverage(today: str | None = None) -> dict:
    """Report whether next year's official working-day schedule is known. A provisional year (statutory
    holidays only) is not confirmed: the city administrators get a banner and a mail (once a day) until the
    official schedule is entered (workdays.set_year resolves the notice). Idempotent: at most one audit event
    and one mail per day."""
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    last = workdays.covered_until()
    confirmed = workdays.covered_until(confirmed=True)
    year = day.year + 1
    provisional_years = workdays.provisional_years()
    provisional = year in provisional_years
    missing = day.month >= city_setting("calendar_warning_month", day) and confirmed < year
    # a provisional year already in use (this year, or next year before December) is raised in any month
    alert = {y for y in provisional_years if y >= day.year} | ({year} if missing else set())
    with translation.override(settings.LANGUAGE_CODE):  # stored and mailed text: the bureau's language
        for each in sorted(alert):
            _raise_calendar_notice(day, each, each in provisional_years)
    return {"covered_until": last, "confirmed_until": confirmed, "next_year_missing": missing,
            "next_year_provisional": provisional}


def _raise_calendar_notice(day, year, provisional):

    if not AuditEvent.objects.filter(event="calendar_not_covered", data__year=year,
                                     data__checked_on=day.isoformat()).exists():
        events.record(AuditKind.CALENDAR_NOT_COVERED, success=False, year=year, checked_on=day.isoformat(),
                      provisional=provisional)
    if provisional:
        title = _("The %(year)d working-day schedule is only provisional") % {"year": year}
        message = _("Deadlines that run into %(year)d are counted with statutory holidays only, without the "
                    "State Council's make-up workdays, and are marked provisional. Enter the official "
                    "schedule (manage.py set_calendar_year %(year)d ...) as soon as it is published.") % {
            "year": year}
    else:
        title = _("No working-day schedule for %(year)d") % {"year": year}
        message = _("Deadlines that run into %(year)d cannot be computed: operations that need them are "
                    "refused. Enter the official schedule (manage.py set_calendar_year %(year)d ...).") % {
            "year": year}
    notices.raise_notice(workdays.calendar_notice_key(year), title=title, message=message, on=day)
