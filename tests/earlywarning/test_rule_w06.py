"""W06: no labour-cost transfer by the agreed date plus the grace period, or none in a month with work."""

import datetime as dt
from decimal import Decimal

import pytest

from earlywarning.rules import w06_labour_cost_not_transferred as w06
from earlywarning.rules.base import Subject
from projects import facts
from projects.choices import ProjectStatus
from tests.projects.factories import (
    AccountMovementFactory,
    PayrollBatchFactory,
    PayrollLineFactory,
    ProjectFactory,
    WageAccountFactory,
)

from .rulecheck import run

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def account():
    """Agreed transfer day 25; February's transfer arrived on 26 February."""
    project = ProjectFactory(under_construction=True)
    account = WageAccountFactory(project=project, allocation_day=25, opened_on=D(2026, 1, 20))
    AccountMovementFactory(account=account, occurred_on=D(2026, 2, 26))
    return account


def test_the_grace_period_ends_five_days_after_the_agreed_date(account):
    assert run(w06, D(2026, 3, 30)) == []  # 25 March + 5 days: still in time
    [hit] = run(w06, D(2026, 3, 31))
    assert (hit.subject, hit.subject_id, hit.part) == (Subject.WAGE_ACCOUNT, account.pk, "")
    assert (hit.district_id, hit.enterprise_id, hit.project_id) == (
        account.project.district_id,
        account.project.client_id,
        account.project_id,
    )
    assert hit.evidence["agreed_date"] == "2026-03-25"
    assert hit.evidence["deadline"] == "2026-03-30"
    assert hit.evidence["last_inflow_on"] == "2026-02-26"
    assert set(hit.evidence) <= set(w06.SPEC.evidence_labels)


def test_a_transfer_after_the_previous_grace_period_answers_for_the_cycle(account):
    AccountMovementFactory(account=account, occurred_on=D(2026, 3, 3))
    assert run(w06, D(2026, 3, 31)) == []


def test_a_transfer_inside_the_previous_grace_period_belongs_to_the_previous_cycle(account):
    AccountMovementFactory(account=account, occurred_on=D(2026, 3, 2))  # 25 February + 5 days
    assert len(run(w06, D(2026, 3, 31))) == 1


def test_a_late_transfer_clears_it(account):
    AccountMovementFactory(account=account, occurred_on=D(2026, 4, 2))
    assert run(w06, D(2026, 4, 3)) == []


def test_a_wage_payment_is_not_a_transfer(account):
    AccountMovementFactory(account=account, occurred_on=D(2026, 3, 26), kind="wage_payment")
    assert len(run(w06, D(2026, 3, 31))) == 1


def test_the_grace_period_is_a_parameter(account):
    assert run(w06, D(2026, 4, 1), grace_days=7) == []
    assert len(run(w06, D(2026, 4, 2), grace_days=7)) == 1


def test_a_short_month_moves_the_agreed_day_to_its_last_day():
    project = ProjectFactory(under_construction=True)
    account = WageAccountFactory(project=project, allocation_day=31, opened_on=D(2026, 1, 20))
    AccountMovementFactory(account=account, occurred_on=D(2026, 1, 31))
    assert run(w06, D(2026, 3, 5)) == []  # 28 February + 5 days
    [hit] = run(w06, D(2026, 3, 6))
    assert hit.evidence["agreed_date"] == "2026-02-28"


def test_nothing_is_due_before_the_first_agreed_date_after_opening():
    project = ProjectFactory(under_construction=True)
    WageAccountFactory(project=project, allocation_day=25, opened_on=D(2026, 3, 26))
    assert run(w06, D(2026, 4, 30)) == []
    assert len(run(w06, D(2026, 5, 1))) == 1


def test_a_project_not_under_construction_owes_no_transfer_on_the_agreed_date():
    project = ProjectFactory(status=ProjectStatus.SUSPENDED)
    WageAccountFactory(project=project, allocation_day=25, opened_on=D(2026, 1, 20))
    assert run(w06, D(2026, 3, 31)) == []


def test_a_closed_account_owes_nothing():
    project = ProjectFactory(under_construction=True)
    WageAccountFactory(project=project, allocation_day=25, opened_on=D(2026, 1, 20), closed_on=D(2026, 3, 1))
    assert run(w06, D(2026, 3, 31)) == []


@pytest.fixture
def worked_in_february():
    """A suspended project (no agreed-date check) whose February payroll shows days worked."""
    project = ProjectFactory(status=ProjectStatus.SUSPENDED)
    account = WageAccountFactory(project=project, opened_on=D(2026, 1, 20))
    line = PayrollLineFactory(batch=PayrollBatchFactory(project=project, month=D(2026, 2, 1)))
    return account, line


def test_a_month_with_work_and_no_transfer(worked_in_february):
    account, line = worked_in_february
    AccountMovementFactory(account=account, occurred_on=D(2026, 3, 1))  # March's, not February's
    [hit] = run(w06, D(2026, 3, 10))
    assert hit.subject_id == account.pk
    assert hit.evidence["month"] == "2026-02"
    assert Decimal(hit.evidence["days_worked"]) == line.days_worked
    assert "agreed_date" not in hit.evidence


def test_a_transfer_on_the_last_day_of_the_month_counts(worked_in_february):
    account, _line = worked_in_february
    AccountMovementFactory(account=account, occurred_on=D(2026, 2, 28))
    assert run(w06, D(2026, 3, 10)) == []


def test_a_month_without_days_worked_needs_no_transfer(worked_in_february):
    _account, line = worked_in_february
    PayrollLineFactory(batch=line.batch, days_worked=Decimal("0"))
    assert len(run(w06, D(2026, 3, 10))) == 1  # the other line still worked
    assert run(w06, D(2026, 4, 10)) == []  # March: no payroll, no sign of work


def test_the_fact_is_one_query(django_assert_num_queries, account, worked_in_february):
    with django_assert_num_queries(1):
        rows = facts.allocation_inflows(D(2026, 3, 31), month=D(2026, 2, 1))
    by_account = {row.account_id: row for row in rows}
    assert by_account[account.pk].last_inflow_on == D(2026, 2, 26)
    assert by_account[account.pk].month_inflow == Decimal("100000.00")
    assert by_account[worked_in_february[0].pk].month_inflow == Decimal("0.00")
    assert by_account[worked_in_february[0].pk].days_worked == Decimal("22.0")
