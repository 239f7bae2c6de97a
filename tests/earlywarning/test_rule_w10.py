"""W10: paid headcount below the attendance headcount; red above 10 % unpaid."""

import datetime as dt
from decimal import Decimal

import pytest

from earlywarning.rules import w10_paid_headcount as w10
from earlywarning.rules.base import Level
from projects import facts
from tests.projects.factories import (
    AttendanceFactory,
    EmploymentFactory,
    PayrollBatchFactory,
    PayrollLineFactory,
    ProjectFactory,
    WorkerFactory,
)

pytestmark = pytest.mark.django_db
MARCH = dt.date(2026, 3, 1)
AFTER_PAY_DATE = dt.date(2026, 4, 20)  # March is due 2026-04-15 (a Wednesday)


def _month(project, attended, paid, month=MARCH):
    """`attended` workers with days on site in the month, the first `paid` of them paid."""
    batch = PayrollBatchFactory(project=project, month=month)
    for n in range(attended):
        employment = EmploymentFactory(project=project, worker=WorkerFactory(name=f"工人{n:02d}"))
        AttendanceFactory(employment=employment, month=month)
        if n < paid:
            PayrollLineFactory(batch=batch, employment=employment, paid_on=dt.date(2026, 4, 15))
    return batch


def test_exactly_100_percent_raises_nothing(run_rule):
    _month(ProjectFactory(), attended=10, paid=10)
    assert run_rule(w10, AFTER_PAY_DATE) == []


def test_99_percent_is_yellow(run_rule):
    project = ProjectFactory()
    _month(project, attended=100, paid=99)
    (hit,) = run_rule(w10, AFTER_PAY_DATE)
    assert (hit.subject_id, hit.part, hit.level) == (project.pk, "2026-03", None)  # yellow
    assert hit.evidence["attended_workers"] == 100 and hit.evidence["paid_workers"] == 99
    assert hit.evidence["unpaid_workers"] == 1 and hit.evidence["paid_share"] == "0.9900"
    assert hit.evidence["unpaid_names"] == ["工人99"]
    assert set(hit.evidence) <= set(w10.SPEC.evidence_labels)


def test_exactly_10_percent_unpaid_is_yellow_and_more_is_red(run_rule):
    exactly, more = ProjectFactory(), ProjectFactory()
    _month(exactly, attended=10, paid=9)
    _month(more, attended=9, paid=8)  # 11.1 % unpaid
    levels = {hit.subject_id: hit.level for hit in run_rule(w10, AFTER_PAY_DATE)}
    assert levels == {exactly.pk: None, more.pk: Level.RED}


def test_the_threshold_is_a_parameter(run_rule):
    project = ProjectFactory()
    _month(project, attended=10, paid=9)
    assert run_rule(w10, AFTER_PAY_DATE, red_unpaid_share=Decimal("0.05"))[0].level == Level.RED


def test_before_the_pay_date_nothing_is_due(run_rule):
    _month(ProjectFactory(), attended=10, paid=0)
    assert run_rule(w10, dt.date(2026, 4, 15)) == []
    assert run_rule(w10, dt.date(2026, 4, 16))[0].level == Level.RED


def test_a_payment_after_the_evaluation_day_is_not_counted(run_rule):
    project = ProjectFactory()
    employment = EmploymentFactory(project=project)
    AttendanceFactory(employment=employment, month=MARCH)
    PayrollLineFactory(batch=PayrollBatchFactory(project=project, month=MARCH), employment=employment,
                       paid_on=dt.date(2026, 4, 25))
    assert len(run_rule(w10, AFTER_PAY_DATE)) == 1
    assert run_rule(w10, dt.date(2026, 4, 25)) == []


def test_the_fact_is_two_queries_over_the_whole_city(django_assert_num_queries):
    for attended, paid in ((5, 4), (6, 1), (3, 3)):
        _month(ProjectFactory(), attended=attended, paid=paid)
    from core.workdays import WorkdayCalendar

    calendar = WorkdayCalendar()
    with django_assert_num_queries(2):
        rows = facts.paid_against_attended(AFTER_PAY_DATE, calendar)
    assert sorted((r.attended, r.paid) for r in rows) == [(5, 4), (6, 1)]
