"""Statutory deadlines in Chinese working days (domain.md §12)."""

import datetime as dt

import pytest

from audit import events
from audit.models import AuditEvent
from core.models import CalendarOverride, CalendarYear
from core.workdays import CalendarNotCovered, WorkdayCalendar, add_workdays, workdays_between

pytestmark = pytest.mark.django_db
D = dt.date


def test_start_day_is_not_counted_and_weekends_are_skipped():
    # Thursday 2026-11-26 + 5 working days = Thursday 2026-12-03.
    assert add_workdays(D(2026, 11, 26), 5) == D(2026, 12, 3)


def test_national_day_holiday_and_make_up_saturday():
    # 2026-09-30 (Wed) + 3: 10-01..07 are holidays, 10-08 (Thu), 10-09 (Fri), 10-10 (Sat, make-up day).
    assert add_workdays(D(2026, 9, 30), 3) == D(2026, 10, 10)


def test_spring_festival_2026():
    # 2026-02-13 (Fri) + 2: 02-14 is a make-up Saturday, 02-15..23 are holidays, then 02-24.
    assert add_workdays(D(2026, 2, 13), 2) == D(2026, 2, 24)


def test_workdays_between_counts_both_directions():
    assert workdays_between(D(2026, 11, 26), D(2026, 12, 3)) == 5
    assert workdays_between(D(2026, 12, 3), D(2026, 11, 26)) == -5


def test_override_table_wins_over_the_package():
    CalendarOverride.objects.create(date=D(2026, 11, 27), is_workday=False, note="local holiday")
    assert add_workdays(D(2026, 11, 26), 1) == D(2026, 11, 30)


def test_uncovered_year_raises_and_is_audited():
    with pytest.raises(CalendarNotCovered) as excinfo:
        add_workdays(D(2026, 12, 30), 5)
    assert excinfo.value.year == 2027
    events.flush_independent()  # at the end of the request or task
    assert AuditEvent.objects.filter(event="calendar_not_covered", data__year=2027).exists()


def test_a_year_entered_by_the_city_is_covered():
    CalendarYear.objects.create(year=2027, note="国办发明电 schedule entered by hand")
    CalendarOverride.objects.create(date=D(2027, 1, 1), is_workday=False, note="元旦")
    # 2026-12-31 (Thu) + 1: 2027-01-01 is a holiday, 01-02/03 weekend, so 01-04.
    assert add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 4)


def test_previous_workday_for_wages_due_on_a_rest_day():
    assert WorkdayCalendar().previous_workday(D(2026, 10, 4)) == D(2026, 9, 30)


def test_calendar_check_task_flags_a_missing_next_year():
    from core.tasks import check_calendar_coverage

    result = check_calendar_coverage(today="2026-12-01")
    assert result == {"covered_until": 2026, "confirmed_until": 2026, "next_year_missing": True,
                      "next_year_provisional": False}
    check_calendar_coverage(today="2026-12-01")  # idempotent: one event per day
    assert AuditEvent.objects.filter(event="calendar_not_covered").count() == 1
    assert check_calendar_coverage(today="2026-06-01")["next_year_missing"] is False


def test_set_calendar_year_command_enters_a_whole_year():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("set_calendar_year", "2027", "--holiday", "2027-01-01", "--holiday", "2027-02-05:2027-02-11",
                 "--workday", "2027-02-14", "--note", "国办发明电 test", stdout=out)
    assert "2027: 9 overrides" in out.getvalue()
    assert CalendarYear.objects.filter(year=2027).exists()
    # 2027-02-04 (Thu) + 2: 02-05..11 off, 02-12 (Fri), 02-13 Sat off, 02-14 (Sun) make-up workday.
    assert add_workdays(D(2027, 2, 4), 2) == D(2027, 2, 14)
    assert AuditEvent.objects.filter(event="calendar_year_set", data__year=2027).exists()
    # Entering the year again replaces its overrides instead of adding to them.
    call_command("set_calendar_year", "2027", "--holiday", "2027-01-01", "--note", "again", stdout=StringIO())
    assert CalendarOverride.objects.filter(date__year=2027).count() == 1


def test_set_calendar_year_refuses_a_date_of_another_year():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError):
        call_command("set_calendar_year", "2027", "--holiday", "2026-12-31", "--note", "x")
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_demo_calendar_covers_2027_with_statutory_holidays_only():
    from io import StringIO

    from core import demo

    demo.seed(StringIO())
    demo.seed(StringIO())  # idempotent
    assert CalendarOverride.objects.filter(date__year=2027, is_workday=False).count() == 13
    assert add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 4)
