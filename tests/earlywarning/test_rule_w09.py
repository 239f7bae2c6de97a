"""W09: attendance in a month, no wages paid through the account by the effective pay date."""

import datetime as dt
from decimal import Decimal

import pytest

from earlywarning.rules import w09_attended_unpaid as w09
from earlywarning.rules.base import Level, Subject
from projects import facts
from tests.projects.factories import (
    AttendanceFactory,
    EmploymentFactory,
    PayrollBatchFactory,
    PayrollLineFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db
SEPT = dt.date(2026, 9, 1)


@pytest.fixture
def project():
    # Pay day 5 of the next month: September's wages are due 2026-10-05, inside the National Day holiday
    # (10-01 to 10-07), so the effective pay date is the last working day before it, 2026-09-30.
    return ProjectFactory(pay_day=5, pay_in_next_month=True)


def _attend(project, month=SEPT, days="20.0", n=1):
    return [AttendanceFactory(employment=EmploymentFactory(project=project), month=month,
                              days_on_site=Decimal(days)) for _ in range(n)]


def test_the_pay_date_in_a_holiday_moves_to_the_previous_working_day(project, run_rule):
    _attend(project, n=2)
    assert run_rule(w09, dt.date(2026, 9, 30)) == []  # the effective pay date itself: still time to pay
    hits = run_rule(w09, dt.date(2026, 10, 1))
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.subject, hit.subject_id, hit.part) == (Subject.PROJECT, project.pk, "2026-09")
    assert hit.district_id == project.district_id and hit.enterprise_id == project.general_contractor_id
    assert hit.level is None  # orange, the rule's level
    assert hit.evidence["pay_date"] == "2026-09-30"
    assert hit.evidence["attended_workers"] == 2
    assert hit.evidence["days_on_site"] == "40.0"
    assert hit.evidence["payroll_submitted"] is False
    assert set(hit.evidence) <= set(w09.SPEC.evidence_labels)


def test_red_once_the_month_after_has_ended(project, run_rule):
    _attend(project)
    assert run_rule(w09, dt.date(2026, 10, 31))[0].level is None
    assert run_rule(w09, dt.date(2026, 11, 1))[0].level == Level.RED


def test_a_payment_through_the_account_clears_it_and_cash_does_not(project, run_rule):
    (attendance,) = _attend(project)
    batch = PayrollBatchFactory(project=project, month=SEPT)
    line = PayrollLineFactory(batch=batch, employment=attendance.employment, bank_reference="",
                              paid_on=dt.date(2026, 9, 30))
    hits = run_rule(w09, dt.date(2026, 10, 8))
    assert len(hits) == 1 and hits[0].evidence["payroll_submitted"] is True  # paid in cash: not through the account
    type(line)._base_manager.filter(pk=line.pk).update(bank_reference="BR-1")
    assert run_rule(w09, dt.date(2026, 10, 8)) == []


def test_a_payment_after_the_evaluation_day_does_not_count(project, run_rule):
    (attendance,) = _attend(project)
    PayrollLineFactory(batch=PayrollBatchFactory(project=project, month=SEPT), employment=attendance.employment,
                       paid_on=dt.date(2026, 10, 20))
    assert len(run_rule(w09, dt.date(2026, 10, 19))) == 1
    assert run_rule(w09, dt.date(2026, 10, 20)) == []


def test_no_attendance_or_zero_days_raises_nothing(project, run_rule):
    _attend(project, days="0.0")
    ProjectFactory(pay_day=5)  # a project without attendance
    assert run_rule(w09, dt.date(2026, 11, 15)) == []


def test_the_fact_is_one_query_over_the_whole_city(project, django_assert_num_queries):
    for p in (project, ProjectFactory(pay_day=10), ProjectFactory(pay_day=20, pay_in_next_month=False)):
        _attend(p, n=3)
    from core.workdays import WorkdayCalendar

    calendar = WorkdayCalendar()
    with django_assert_num_queries(1):
        rows = facts.attended_months_without_account_pay(dt.date(2026, 11, 15), calendar)
    assert len(rows) == 3
