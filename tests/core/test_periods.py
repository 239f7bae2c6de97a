"""Periods counted as the Civil Code counts them (民法典 Arts. 201–203), and the class guard: no term, expiry or
eligibility date is computed with date arithmetic outside core.periods."""

import datetime as dt
import re
from pathlib import Path

import pytest

from blacklist import rules as blacklist_rules
from core import periods
from core.workdays import WorkdayCalendar
from projects import rules as project_rules

D = dt.date


@pytest.mark.parametrize(("start", "period", "last_day"), [
    (D(2026, 3, 10), {"years": 3}, D(2029, 3, 10)),  # the corresponding day is the last day
    (D(2026, 1, 31), {"months": 1}, D(2026, 2, 28)),  # no 31 February: the month's last day
    (D(2028, 1, 31), {"months": 1}, D(2028, 2, 29)),  # leap year
    (D(2028, 2, 29), {"years": 1}, D(2029, 2, 28)),  # 29 February + 1 year
    (D(2028, 2, 29), {"years": 4}, D(2032, 2, 29)),
    (D(2026, 2, 28), {"months": 1}, D(2026, 3, 28)),  # the start's own day, not the month end
    (D(2026, 8, 31), {"months": 6}, D(2027, 2, 28)),
    (D(2026, 12, 1), {"days": 30}, D(2026, 12, 31)),  # days: the start day not counted
])
def test_period_end_follows_articles_201_and_202(start, period, last_day):
    assert periods.period_end(start, **period) == last_day
    assert periods.first_day_after(start, **period) == last_day + dt.timedelta(days=1)


def test_a_deadline_for_an_act_moves_off_a_holiday_article_203():
    calendar = WorkdayCalendar(overrides={}, covered_years={2026})  # weekdays only
    # 2026-09-03 + 1 month = 2026-10-03, a Saturday: the deadline for the act ends on Monday 5 October
    assert periods.period_end(D(2026, 9, 3), months=1) == D(2026, 10, 3)
    assert periods.period_end(D(2026, 9, 3), months=1, act=True, calendar=calendar) == D(2026, 10, 5)
    # a working day stays
    assert periods.period_end(D(2026, 9, 2), months=1, act=True, calendar=calendar) == D(2026, 10, 2)


@pytest.mark.django_db
def test_act_deadlines_use_the_holiday_schedule():
    # 2026-09-01 + 1 month = 2026-10-01, National Day (1–7 October): the first working day after is 8 October
    assert periods.period_end(D(2026, 9, 1), months=1, act=True) == D(2026, 10, 8)


@pytest.mark.parametrize(("on", "period"), [
    (D(2026, 3, 1), {"years": 3}), (D(2028, 2, 29), {"years": 1}), (D(2026, 3, 31), {"months": 1}),
    (D(2029, 3, 1), {"years": 3}), (D(2026, 1, 1), {"days": 30}),
])
def test_the_look_back_window_is_the_inverse_of_the_forward_count(on, period):
    start = periods.earliest_start_running_on(on, **period)
    assert periods.period_end(start, **period) >= on
    assert periods.period_end(start - dt.timedelta(days=1), **period) < on


@pytest.mark.parametrize(("start", "on", "years"), [
    (D(2023, 6, 15), D(2026, 6, 15), 2),  # the corresponding day itself: the third year is not over yet
    (D(2023, 6, 15), D(2026, 6, 16), 3),
    (D(2024, 2, 29), D(2025, 2, 28), 0),
    (D(2024, 2, 29), D(2025, 3, 1), 1),
    (D(2026, 6, 15), D(2026, 6, 15), 0),
])
def test_completed_years(start, on, years):
    assert periods.completed_years(start, on) == years


def test_a_three_year_listing_applies_on_the_corresponding_day_itself():
    listed = D(2026, 3, 10)
    assert blacklist_rules.listing_last_day(listed) == D(2029, 3, 10)
    assert blacklist_rules.listing_expires_on(listed) == D(2029, 3, 11)  # first day it no longer applies
    assert blacklist_rules.listing_last_day(D(2028, 2, 29)) == D(2031, 2, 28)


def test_six_months_since_payment_are_not_reached_a_day_early():
    paid = D(2026, 1, 31)
    assert blacklist_rules.early_removal_eligible_on(paid) == D(2026, 8, 1)  # 2026-07-31 is the sixth month's end
    missing = blacklist_rules.early_removal_refusals(corrected_on=paid, commitment_signed_on=D(2026, 7, 1),
                                                     unpaid=0, on=D(2026, 7, 31))
    assert len(missing) == 1 and "2026-01-31" in missing[0]
    assert blacklist_rules.early_removal_refusals(corrected_on=paid, commitment_signed_on=D(2026, 7, 1),
                                                  unpaid=0, on=D(2026, 8, 1)) == []


def test_project_terms_use_the_same_count():
    assert project_rules.account_deadline(D(2026, 1, 1)) == D(2026, 1, 31)  # 30 days from the day after signing
    assert project_rules.card_deadline(D(2026, 1, 31)) == D(2026, 2, 28)
    assert project_rules.retention_until(D(2028, 2, 29)) == D(2031, 2, 28)


# --- the class: period arithmetic only in core.periods --------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
APPS = ["accounts", "audit", "blacklist", "cases", "certificates", "core", "deposits", "enterprises", "portal",
        "projects"]
# Demo and synthetic-data generators build sample histories, not terms; migrations are history.
EXEMPT = re.compile(r"(/migrations/|/demo\.py$|/demo_links\.py$|/generator\.py$|/scale\.py$|^core/periods\.py$)")
PERIOD_ARITHMETIC = re.compile(r"relativedelta\(|timedelta\(days=(36[56]|18[0-4]|3[01]|9[01])\)|"
                               r"\.replace\(year=|timedelta\(days=[a-z_.]*(DAYS|days)\b")


def test_no_term_or_expiry_is_computed_outside_core_periods():
    offenders = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            rel = path.relative_to(ROOT).as_posix()
            if EXEMPT.search(rel):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if PERIOD_ARITHMETIC.search(line):
                    offenders.append(f"{rel}:{number}: {line.strip()}")
    assert offenders == [], "count terms with core.periods (民法典 Arts. 201–203):\n" + "\n".join(offenders)


@pytest.mark.parametrize(
    ("month", "n", "expected"),
    [(D(2026, 1, 1), -1, D(2025, 12, 1)), (D(2026, 12, 1), 1, D(2027, 1, 1)), (D(2026, 3, 1), -14, D(2025, 1, 1))],
)
def test_calendar_months_step_across_years(month, n, expected):
    assert periods.add_months(month, n) == expected
    assert periods.month_start(D(2026, 2, 17)) == D(2026, 2, 1)


def test_an_agreed_day_falls_on_the_last_day_of_a_shorter_month():
    assert periods.day_in_month(D(2026, 2, 1), 31) == D(2026, 2, 28)
    assert periods.day_in_month(D(2028, 2, 1), 30) == D(2028, 2, 29)
    assert periods.day_in_month(D(2026, 4, 1), 25) == D(2026, 4, 25)
    assert periods.month_end(D(2026, 4, 1)) == D(2026, 4, 30)
