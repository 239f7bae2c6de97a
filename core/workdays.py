"""Chinese working days for statutory deadlines.

Periods in days do not count the starting day (民法典 Art. 201); "N working days" count only
working days: weekends and public holidays are skipped and make-up workdays (调休) count
(全国年节及纪念日放假办法, 行政处罚法 Art. 85). The schedule comes from the chinesecalendar
package, overridden by core.CalendarOverride rows. A year that neither covers raises
CalendarNotCovered (logged and audited) instead of silently guessing from weekdays.

A year the city entered as provisional (CalendarYear.provisional: statutory holidays only, before the
State Council's notice) counts, but never looks certain: `is_provisional()` / `provisional_between()`
mark every deadline counted in it (template tag `provisional_mark`, API `provisional_deadlines`, PDF
wording `provisional_note_zh`), and the coverage check (core.tasks) treats it as not confirmed.

The audit event of a refusal for a missing year is written outside the refused operation's transaction
(audit.events.record_independently), so the operation's rollback does not erase it.
"""

import datetime as dt
import logging

import chinese_calendar

from audit import events
from audit.kinds import AuditKind

logger = logging.getLogger("wagewatch.workdays")


class CalendarNotCovered(Exception):
    """No holiday schedule is known for a year (chinesecalendar or the admin's override table)."""

    def __init__(self, year: int):
        self.year = year
        super().__init__(
            f"No holiday schedule for {year}: update chinesecalendar or enter the year in the "
            "calendar override table (admin: calendar overrides / covered calendar years)."
        )


class WorkdayCalendar:
    """A calendar loaded once with the overrides for the dates it will be asked about."""

    def __init__(self, overrides: dict[dt.date, bool] | None = None, covered_years: set[int] | None = None,
                 provisional_years: set[int] | None = None):
        if overrides is None or covered_years is None:
            from .models import CalendarOverride, CalendarYear

            overrides = dict(CalendarOverride.objects.values_list("date", "is_workday"))
            rows = list(CalendarYear.objects.values_list("year", "provisional"))
            covered_years = {year for year, _provisional in rows}
            if provisional_years is None:
                provisional_years = {year for year, provisional in rows if provisional}
        self.overrides = overrides
        self.covered_years = covered_years
        self.provisional_years = set(provisional_years or ())

    def is_provisional(self, *days: dt.date | None) -> bool:
        """Whether any of the days falls in a year whose schedule is only provisional."""
        return any(day is not None and day.year in self.provisional_years for day in days)

    def provisional_between(self, start: dt.date, end: dt.date) -> bool:
        """Whether a count from `start` to `end` passed through a provisional year."""
        low, high = sorted((start, end))
        return any(low.year <= year <= high.year for year in self.provisional_years)

    def is_workday(self, day: dt.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        if day.year in self.covered_years:
            return day.weekday() < 5
        try:
            return chinese_calendar.is_workday(day)
        except NotImplementedError as exc:
            _report_uncovered(day.year)
            raise CalendarNotCovered(day.year) from exc

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day strictly after `start` (the start day is not counted)."""
        if n < 0:
            raise ValueError("n must not be negative")
        day, counted = start, 0
        while counted < n:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                counted += 1
        return day

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end`; negative when end is earlier."""
        if end < start:
            return -self.workdays_between(end, start)
        return sum(1 for i in range(1, (end - start).days + 1) if self.is_workday(start + dt.timedelta(days=i)))

    def previous_workday(self, day: dt.date) -> dt.date:
        """The day itself if it is a working day, else the last working day before it
        (a wage due on a rest day is paid before it: Decree 724 Art. 14)."""
        while not self.is_workday(day):
            day -= dt.timedelta(days=1)
        return day


def add_workdays(start: dt.date, n: int) -> dt.date:
    return WorkdayCalendar().add_workdays(start, n)


def workdays_between(start: dt.date, end: dt.date) -> int:
    return WorkdayCalendar().workdays_between(start, end)


def covered_until(*, confirmed: bool = False) -> int:
    """The last year for which deadlines can be computed; `confirmed=True`: the last year with an official
    schedule (a provisional year stops the run)."""
    from .models import CalendarYear

    package_last = max(chinese_calendar.constants.holidays).year
    rows = CalendarYear.objects.all()
    if confirmed:
        rows = rows.filter(provisional=False)
    extra = set(rows.values_list("year", flat=True))
    year = package_last
    while year + 1 in extra:
        year += 1
    return year


def provisional_years() -> set[int]:
    from .models import CalendarYear

    return set(CalendarYear.objects.filter(provisional=True).values_list("year", flat=True))


def provisional_note_zh(*days: dt.date | None, years: set[int] | None = None) -> str:
    """The wording a document adds after a deadline counted in a provisional year ("" otherwise)."""
    years = provisional_years() if years is None else years
    hit = sorted({d.year for d in days if d is not None and d.year in years})
    if not hit:
        return ""
    return (f"（注：该期限按暂定的{'、'.join(str(y) for y in hit)}年节假日安排计算，"
            "以国务院办公厅公布的放假安排为准，如有变化将另行告知。）")


def _report_uncovered(year: int):
    logger.error("calendar_not_covered year=%s", year)

    # outside the transaction of the operation being refused, which rolls back
    events.record_independently(AuditKind.CALENDAR_NOT_COVERED, success=False, year=year)


def set_year(year: int, *, holidays: list[dt.date], workdays: list[dt.date], note: str, actor=None,
             provisional: bool = False) -> int:
    """Enter a whole year's schedule (the State Council General Office's notice): its holidays and
    make-up workdays become overrides and the year counts as covered. Replaces that year's overrides.
    `provisional=True` for a stand-in (statutory holidays only): deadlines in it are marked, and the
    administrators are alerted until the official schedule replaces it."""
    from django.db import transaction

    from .models import CalendarOverride, CalendarYear

    for day in [*holidays, *workdays]:
        if day.year != year:
            raise ValueError(f"{day} is not in {year}")
    with transaction.atomic():
        CalendarYear.objects.update_or_create(year=year, defaults={"note": note[:200], "provisional": provisional})
        CalendarOverride.objects.filter(date__year=year).delete()
        rows = [CalendarOverride(date=d, is_workday=False, note=note[:100]) for d in sorted(set(holidays))]
        rows += [CalendarOverride(date=d, is_workday=True, note=note[:100]) for d in sorted(set(workdays))]
        CalendarOverride.objects.bulk_create(rows)
        events.record(AuditKind.CALENDAR_YEAR_SET, actor=actor, year=year, holidays=len(set(holidays)),
                      workdays=len(set(workdays)), note=note[:200], provisional=provisional)
        if not provisional:
            from .notices import resolve

            resolve(calendar_notice_key(year))
    return len(rows)


def calendar_notice_key(year: int) -> str:
    return f"calendar:{year}"
