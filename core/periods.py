"""Periods in years, months and days, counted as the Civil Code counts them (民法典 Arts. 200–204),
unless a regulation says otherwise. Every term, expiry and eligibility date in the platform goes
through these functions (a test greps for date arithmetic elsewhere).

- Art. 201: the start day is not counted; the period starts on the next day.
- Art. 202: a period in years or months ends on the corresponding day of its last month; with no
  corresponding day (31 January + 1 month, 29 February + 1 year) on the last day of that month.
- Art. 203: when the last day of a deadline for an act is a legal holiday, the deadline ends on the
  day after the holiday (`act=True`, using core.workdays: weekends and holidays are skipped, make-up
  workdays count).

So a 3-year listing decided on 2026-03-10 is in force through 2029-03-10 (its last day), and no
longer applies from 2029-03-11; "6 months since 2026-01-10" are complete at the end of 2026-07-10,
so the condition is met from 2026-07-11.
"""

import datetime as dt

from dateutil.relativedelta import relativedelta

CITATION = "《民法典》第二百零一条、第二百零二条"
CITATION_ACT = "《民法典》第二百零三条"

ONE_DAY = dt.timedelta(days=1)


def period_end(start: dt.date, *, years: int = 0, months: int = 0, days: int = 0, act: bool = False,
               calendar=None) -> dt.date:
    """The last day of a period counted from `start` (not itself counted).

    `act=True` for a deadline by which something must be done: a last day on a rest day or holiday moves
    to the next working day (Art. 203). That needs the holiday schedule and raises
    core.workdays.CalendarNotCovered for a year with none, rather than guessing."""
    if min(years, months, days) < 0:
        raise ValueError("a period is not negative")
    # relativedelta keeps the day of the month and clamps it to the month's last day (Art. 202).
    end = start + relativedelta(years=years, months=months) + dt.timedelta(days=days)
    if act:
        if calendar is None:
            from .workdays import WorkdayCalendar

            calendar = WorkdayCalendar()
        while not calendar.is_workday(end):
            end += ONE_DAY
    return end


def first_day_after(start: dt.date, **period) -> dt.date:
    """The first day after the period: the day a term no longer applies, or an "at least N months have
    passed" condition is met."""
    return period_end(start, **period) + ONE_DAY


def earliest_start_running_on(on: dt.date, *, years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    """The earliest start day whose period (years/months/days, Arts. 201–202) still runs on `on`: the first
    day of a look-back window ("in the N months before `on`", "limitation: within 2 years"), usable in
    queries as `start__gte=`. Monotone search around the naive answer, so month ends and 29 February
    come out as the forward count says."""
    period = {"years": years, "months": months, "days": days}
    candidate = on - relativedelta(years=years, months=months) - dt.timedelta(days=days)
    while period_end(candidate, **period) >= on:
        candidate -= ONE_DAY
    while period_end(candidate, **period) < on:
        candidate += ONE_DAY
    return candidate


def completed_years(start: dt.date, on: dt.date) -> int:
    """Whole years completed from `start` (not counted) by `on`: n such that the n-year period has ended
    before `on` (0 when `on` is not after the first year's last day)."""
    if on <= start:
        return 0
    n = max(on.year - start.year - 1, 0)
    while has_ended(start, on, years=n + 1):
        n += 1
    return n


def has_ended(start: dt.date, on: dt.date, **period) -> bool:
    """Whether the period from `start` is over on `on` (its last day is before `on`)."""
    return period_end(start, **period) < on


# --- calendar months (payroll months, allocation months) -------------------------------------------------

def month_start(day: dt.date) -> dt.date:
    """The first day of the calendar month of `day` (how a payroll month is stored)."""
    return day.replace(day=1)


def add_months(month: dt.date, n: int) -> dt.date:
    """The first day of the calendar month `n` months after (negative: before) the month of `month`."""
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(month: dt.date) -> dt.date:
    """The last day of the calendar month of `month`."""
    return add_months(month, 1) - ONE_DAY


def day_in_month(month: dt.date, day: int) -> dt.date:
    """Day `day` of the month of `month`, or its last day when the month is shorter (an agreed day 31)."""
    return min(month.replace(day=1) + dt.timedelta(days=day - 1), month_end(month))
