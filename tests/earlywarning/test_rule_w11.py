"""W11: net pay for a month of full attendance below the local minimum wage, or a payroll paying below it."""

import datetime as dt
from decimal import Decimal

import pytest

from core.models import CitySetting
from earlywarning.rules import w11_pay_below_minimum_wage as w11
from earlywarning.rules.base import Subject
from projects import facts
from projects.rules import MINIMUM_MONTHLY_WAGE
from tests.projects.factories import PayrollBatchFactory, PayrollLineFactory, ProjectFactory

from .rulecheck import run

pytestmark = pytest.mark.django_db

D = dt.date
MINIMUM = Decimal(MINIMUM_MONTHLY_WAGE)
MARCH, OCTOBER = D(2026, 3, 1), D(2026, 10, 1)  # 22 working days; 18 (National Day holiday)


def line(month, days, net, **extra):
    project = extra.pop("project", None) or ProjectFactory(under_construction=True)
    batch = project.payroll_batches.filter(month=month).first() or PayrollBatchFactory(project=project, month=month)
    return PayrollLineFactory(batch=batch, days_worked=Decimal(days), net_pay=Decimal(net), **extra)


def workers(hits):
    return [hit for hit in hits if hit.subject == Subject.EMPLOYMENT]


def payrolls(hits):
    return [hit for hit in hits if hit.subject == Subject.PROJECT]


def test_full_attendance_paid_a_fen_below_the_minimum():
    low = line(MARCH, "22", MINIMUM - Decimal("0.01"))
    [hit] = workers(run(w11, D(2026, 4, 20)))
    assert (hit.subject_id, hit.part, hit.enterprise_id, hit.project_id) == (
        low.employment_id,
        "2026-03",
        low.employment.employer_id,
        low.batch.project_id,
    )
    assert hit.evidence["worker"] == low.employment.worker.name
    assert hit.evidence["full_attendance_days"] == 22
    assert hit.evidence["minimum_wage"] == str(MINIMUM)
    assert hit.evidence["shortfall"] == "0.01"
    assert set(hit.evidence) <= set(w11.SPEC.evidence_labels)


def test_exactly_the_minimum_is_enough():
    line(MARCH, "22", MINIMUM)
    assert run(w11, D(2026, 4, 20)) == []


def test_a_day_short_of_full_attendance_is_not_judged_per_worker():
    line(MARCH, "21.5", "1847.05")  # the minimum × 21.5 / 22, rounded up to the fen: no warning at all
    assert run(w11, D(2026, 4, 20)) == []


def test_a_holiday_month_has_fewer_working_days():
    line(OCTOBER, "18", MINIMUM - 1)
    [hit] = workers(run(w11, D(2026, 11, 5)))
    assert hit.evidence["full_attendance_days"] == 18


def test_months_outside_the_window_are_not_checked(calendar_2029):
    line(MARCH, "22", "100.00")
    assert len(workers(run(w11, D(2027, 2, 28)))) == 1  # March 2026 is the 12th month back
    assert run(w11, D(2027, 3, 1)) == []


def test_the_minimum_in_force_in_the_month_applies():
    line(MARCH, "22", MINIMUM)
    CitySetting.objects.create(key="minimum_monthly_wage", value=str(MINIMUM + 100), effective_from=D(2026, 4, 1))
    line(D(2026, 4, 1), "22", MINIMUM + 99)  # April has 21 working days in 2026 (Qingming)
    [hit] = workers(run(w11, D(2026, 5, 20)))
    assert hit.part == "2026-04"
    assert hit.evidence["minimum_wage"] == str(MINIMUM + 100)


def test_a_payroll_paying_below_the_minimum_per_day_worked():
    project = ProjectFactory(under_construction=True)
    batch = PayrollBatchFactory(project=project, month=MARCH)
    # 11 days each at exactly half the minimum: 11 / 22 of the month, the minimum's rate
    PayrollLineFactory.create_batch(2, batch=batch, days_worked=Decimal("11"), net_pay=MINIMUM / 2)
    PayrollLineFactory(batch=batch, days_worked=Decimal("0"), net_pay=Decimal("0"))  # not counted
    assert run(w11, D(2026, 4, 20)) == []
    PayrollLineFactory(batch=batch, days_worked=Decimal("1"), net_pay=MINIMUM / 22 - Decimal("0.01"))
    [hit] = payrolls(run(w11, D(2026, 4, 20)))
    assert (hit.subject_id, hit.part, hit.enterprise_id) == (project.pk, "2026-03", project.general_contractor_id)
    assert hit.evidence["workers"] == 3
    assert hit.evidence["days_worked"] == "23.0"
    assert Decimal(hit.evidence["average_full_month"]) < MINIMUM
    assert set(hit.evidence) <= set(w11.SPEC.evidence_labels)


def test_the_facts_are_one_query_each(django_assert_num_queries):
    low = line(MARCH, "22", "1000.00")
    line(MARCH, "22", "2000.00", project=low.batch.project)
    limits = {MARCH: (Decimal("22"), MINIMUM), D(2026, 2, 1): (Decimal("16"), MINIMUM)}
    with django_assert_num_queries(1):
        [row] = facts.full_month_pay_below(limits)
    assert (row.employment_id, row.net_pay) == (low.employment_id, Decimal("1000.00"))
    with django_assert_num_queries(1):
        [payroll] = facts.payroll_averages_below(limits)
    assert (payroll.workers, payroll.total_net, payroll.total_days) == (2, Decimal("3000.00"), Decimal("44.0"))
