"""Deadlines in working days turned into one date a set-based query can compare with.

A rule asks "is the deadline of N working days counted from this row's date over on ``on``?" for every row of the
city. ``add_workdays`` only grows with its start, so the rows whose deadline is over are exactly those whose date
is before one cutoff: the rule computes the cutoff once and the fact function filters ``date__lt=cutoff``.
"""

import datetime as dt

from core.workdays import WorkdayCalendar

ONE_DAY = dt.timedelta(days=1)


def overdue_before(on: dt.date, workdays: int, calendar: WorkdayCalendar | None = None) -> dt.date:
    """The first start day whose ``workdays``-working-day deadline has not passed on ``on``: for every start
    before it, ``add_workdays(start, workdays) < on``; from it on, the deadline is ``on`` or later."""
    calendar = calendar or WorkdayCalendar()
    day = on
    while calendar.add_workdays(day - ONE_DAY, workdays) >= on:
        day -= ONE_DAY
    return day
