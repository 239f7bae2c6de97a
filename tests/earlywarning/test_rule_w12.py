"""W12: one worker paid more than 50,000 in a payroll month or 300,000 in a year on one project."""

import datetime as dt
from decimal import Decimal

import pytest

from earlywarning.rules import w12_unusually_large_pay as w12
from projects import facts
from tests.projects.factories import EmploymentFactory, PayrollBatchFactory, PayrollLineFactory, ProjectFactory

from .rulecheck import run

pytestmark = pytest.mark.django_db

D = dt.date
ON = D(2026, 12, 20)


@pytest.fixture
def employment():
    return EmploymentFactory(project=ProjectFactory(under_construction=True))


def paid(employment, month, amount):
    batch = PayrollBatchFactory(project=employment.project, month=month)
    return PayrollLineFactory(batch=batch, employment=employment, paid_amount=Decimal(amount))


def test_exactly_the_monthly_limit_is_not_above_it(employment):
    paid(employment, D(2026, 3, 1), "50000.00")
    assert run(w12, ON) == []


def test_a_fen_above_the_monthly_limit(employment):
    line = paid(employment, D(2026, 3, 1), "50000.01")
    [hit] = run(w12, ON)
    assert (hit.subject_id, hit.part, hit.enterprise_id, hit.project_id, hit.district_id) == (
        employment.pk,
        "2026-03",
        employment.employer_id,
        employment.project_id,
        employment.project.district_id,
    )
    assert hit.evidence == {
        "project": f"{employment.project.code} {employment.project.name}",
        "worker": employment.worker.name,
        "month": "2026-03",
        "paid": "50000.01",
        "limit": "50000",
    }
    assert line.paid_amount == Decimal("50000.01")


def test_the_year_adds_the_months_of_one_calendar_year(employment):
    for month in range(1, 7):
        paid(employment, D(2026, month, 1), "50000.00")  # 300,000: not above
    paid(employment, D(2025, 12, 1), "49999.00")  # another year
    assert run(w12, ON) == []
    paid(employment, D(2026, 7, 1), "0.01")
    [hit] = run(w12, ON)
    assert (hit.part, hit.evidence["paid"], hit.evidence["months"]) == ("2026", "300000.01", 7)
    assert set(hit.evidence) <= set(w12.SPEC.evidence_labels)


def test_two_projects_are_counted_apart():
    first = EmploymentFactory(project=ProjectFactory(under_construction=True))
    second = EmploymentFactory(project=ProjectFactory(under_construction=True), worker=first.worker)
    for month in range(1, 5):
        paid(first, D(2026, month, 1), "40000.00")
        paid(second, D(2026, month, 1), "40000.00")
    assert run(w12, ON) == []


def test_the_limits_are_parameters(employment):
    paid(employment, D(2026, 3, 1), "30000.01")
    assert [hit.part for hit in run(w12, ON, monthly_limit=Decimal("30000"))] == ["2026-03"]
    assert [hit.part for hit in run(w12, ON, yearly_limit=Decimal("30000"))] == ["2026"]


def test_months_outside_the_window_are_not_checked(employment):
    paid(employment, D(2025, 12, 1), "60000.00")
    assert [hit.part for hit in run(w12, D(2026, 11, 30))] == ["2025-12"]
    assert run(w12, ON) == []


def test_the_facts_are_one_query_each(django_assert_num_queries, employment):
    paid(employment, D(2026, 3, 1), "60000.00")
    paid(employment, D(2026, 4, 1), "260000.00")
    with django_assert_num_queries(1):
        rows = facts.pay_lines_above([D(2026, 3, 1), D(2026, 4, 1)], Decimal("50000"))
    assert [row.paid_amount for row in rows] == [Decimal("60000.00"), Decimal("260000.00")]
    with django_assert_num_queries(1):
        [year] = facts.yearly_pay_above([2026], Decimal("300000"))
    assert (year.employment_id, year.year, year.paid, year.months) == (employment.pk, 2026, Decimal("320000.00"), 2)
