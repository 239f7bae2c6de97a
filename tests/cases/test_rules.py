"""Regulation rules and statutory deadlines in Chinese working days (cases.rules, domain.md §6, §7, §12)."""

import datetime as dt
from decimal import Decimal

import pytest

from cases import rules
from core.workdays import CalendarNotCovered, WorkdayCalendar

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def cal():
    return WorkdayCalendar()


def test_acceptance_deadline_skips_the_2026_national_day_holiday_and_counts_the_make_up_saturday(cal):
    # Received Tue 2026-09-29: 09-30 (1), 10-01..07 holiday, 10-08 (2), 10-09 (3), Sat 10-10 make-up day (4),
    # Sun 10-11 rest, Mon 10-12 (5).
    assert rules.acceptance_deadline(D(2026, 9, 29), cal) == D(2026, 10, 12)


def test_acceptance_deadline_counts_the_make_up_sunday_before_the_mid_autumn_break(cal):
    # Received Fri 2026-09-18: Sun 09-20 is a make-up workday (1), 09-21..24 (2-5).
    assert rules.acceptance_deadline(D(2026, 9, 18), cal) == D(2026, 9, 24)


def test_investigation_deadline_is_60_working_days_and_90_with_the_extension(cal):
    filed = D(2026, 6, 1)
    due = rules.investigation_deadline(filed, cal)
    extended = rules.investigation_deadline(filed, cal, extended=True)
    assert cal.workdays_between(filed, due) == 60
    assert cal.workdays_between(filed, extended) == 90
    # 90 working days from 1 June cross the National Day week: the calendar span is longer than 18 weeks.
    assert (extended - filed).days > 90 // 5 * 7


def test_a_deadline_in_a_year_the_calendar_does_not_cover_raises(cal):
    with pytest.raises(CalendarNotCovered):
        rules.investigation_deadline(D(2026, 11, 2), cal)


@pytest.mark.parametrize(("ended", "barred"), [
    (D(2024, 6, 1), False),   # exactly two years before the complaint: still within
    (D(2024, 5, 31), True),   # one day more: time-barred (Decree 423 Art. 20)
    (None, False),            # no end date: continuing arrears
])
def test_two_year_limit_boundary(ended, barred):
    assert rules.is_time_barred(ended, D(2026, 6, 1)) is barred


def test_compensation_is_50_to_100_percent_of_the_unpaid_wages():
    assert rules.compensation_amount(Decimal("10000"), Decimal("0.50")) == Decimal("5000.00")
    assert rules.compensation_amount(Decimal("10000"), Decimal("1.00")) == Decimal("10000.00")
    for rate in (Decimal("0.49"), Decimal("1.01")):
        with pytest.raises(ValueError):
            rules.compensation_amount(Decimal("10000"), rate)


@pytest.mark.parametrize(("workers", "major"), [(49, False), (50, True), (51, True)])
def test_fifty_workers_make_a_major_incident(workers, major):
    assert rules.is_major_incident(workers) is major


SINGLE, GROUP = Decimal("10000"), Decimal("50000")


@pytest.mark.parametrize(("workers", "months", "unpaid", "met"), [
    (1, 3, Decimal("10000"), True),       # one worker, 3 months, at the figure
    (1, 3, Decimal("9999.99"), False),    # a cent below
    (1, 2, Decimal("20000"), False),      # less than 3 months
    (10, 1, Decimal("50000"), True),      # ten workers at the group figure
    (10, 1, Decimal("49999.99"), False),  # a cent below
    (9, 1, Decimal("50000"), False),      # nine workers: the group test does not apply; average 5,555 < 10,000
    (4, 3, Decimal("40000"), True),       # average 10,000 for 3 months: at least one worker reaches it
    (0, 3, Decimal("40000"), False),
])
def test_criminal_threshold_boundaries(workers, months, unpaid, met):
    assert rules.crime_threshold_met(single_amount=SINGLE, group_amount=GROUP, workers=workers, months=months,
                                     unpaid=unpaid) is met


def test_seeded_gansu_thresholds_lie_inside_the_national_ranges():
    from cases.models import CriminalThreshold

    threshold = CriminalThreshold.objects.get(province="62")
    threshold.full_clean()
    assert rules.CRIME_SINGLE_RANGE[0] <= threshold.single_amount <= rules.CRIME_SINGLE_RANGE[1]
    assert rules.CRIME_GROUP_RANGE[0] <= threshold.group_amount <= rules.CRIME_GROUP_RANGE[1]


def test_a_threshold_outside_the_national_range_is_rejected():
    from django.core.exceptions import ValidationError

    from cases.models import CriminalThreshold

    bad = CriminalThreshold(province="62", province_name="甘肃省", effective_from=D(2027, 1, 1),
                            single_amount=Decimal("4999"), group_amount=Decimal("100001"))
    with pytest.raises(ValidationError) as excinfo:
        bad.full_clean()
    assert set(excinfo.value.message_dict) == {"single_amount", "group_amount"}
