"""W08: the account balance is below the average gross payroll of the three months before this one."""

import datetime as dt
from decimal import Decimal

import pytest

from earlywarning.rules import w08_balance_below_payroll as w08
from projects import facts
from projects.choices import MovementKind, ProjectStatus
from tests.projects.factories import AccountMovementFactory, PayrollBatchFactory, ProjectFactory, WageAccountFactory

from .rulecheck import run

pytestmark = pytest.mark.django_db

D = dt.date
ON = D(2026, 5, 5)


PAYROLLS = {1: "90000", 2: "30000", 3: "30000", 4: "30300", 5: "90000"}
PAID_ON = D(2026, 4, 15)


def with_payrolls(months):
    """An account of a project under construction with the payroll months given, 100,000 transferred."""
    project = ProjectFactory(under_construction=True)
    account = WageAccountFactory(project=project, opened_on=D(2026, 1, 20))
    for month in months:
        PayrollBatchFactory(project=project, month=D(2026, month, 1), gross_total=Decimal(PAYROLLS[month]))
    AccountMovementFactory(account=account, amount=Decimal("100000.00"), occurred_on=D(2026, 1, 25))
    return account


@pytest.fixture
def account():
    """February–April payrolls of 30,000 / 30,000 / 30,300 gross (average 30,100)."""
    return with_payrolls(PAYROLLS)


def pay_out(account, amount, on=PAID_ON):
    AccountMovementFactory(account=account, kind=MovementKind.WAGE_PAYMENT, amount=Decimal(amount), occurred_on=on)


def test_a_balance_equal_to_the_expected_payroll_is_enough(account):
    pay_out(account, "69900.00")
    assert run(w08, ON) == []


def test_a_balance_a_fen_short_is_a_warning(account):
    pay_out(account, "69900.01")
    [hit] = run(w08, ON)
    assert (hit.subject_id, hit.enterprise_id, hit.project_id) == (
        account.pk,
        account.project.client_id,
        account.project_id,
    )
    assert hit.evidence["balance"] == "30099.99"
    assert hit.evidence["expected_payroll"] == "30100.00"
    assert hit.evidence["payroll_months"] == 3
    assert hit.evidence["shortfall"] == "0.01"
    assert set(hit.evidence) <= set(w08.SPEC.evidence_labels)


def test_movements_after_the_day_do_not_count(account):
    pay_out(account, "69900.01", on=D(2026, 5, 6))
    assert run(w08, ON) == []


def test_the_average_is_over_the_months_with_a_payroll():
    account = with_payrolls([1, 2, 4, 5])
    pay_out(account, "69849.99")  # balance 30,150.01; average of February and April 30,150
    assert run(w08, ON) == []
    assert len(run(w08, ON, trailing_months=4)) == 1  # January's 90,000 joins the average


def test_a_project_not_under_construction_is_not_checked(account):
    pay_out(account, "99000.00")
    type(account.project).objects.filter(pk=account.project_id).update(status=ProjectStatus.COMPLETED)
    assert run(w08, ON) == []


def test_no_recent_payroll_no_expectation():
    project = ProjectFactory(under_construction=True)
    WageAccountFactory(project=project, opened_on=D(2026, 1, 20))
    assert run(w08, ON) == []


def test_the_fact_is_one_query(django_assert_num_queries, account):
    pay_out(account, "1000.00")
    with django_assert_num_queries(1):
        [row] = facts.balances_and_payroll(ON, first=D(2026, 2, 1), last=D(2026, 4, 1))
    assert (row.balance, row.payroll_months, row.payroll_gross) == (Decimal("99000.00"), 3, Decimal("90300.00"))
