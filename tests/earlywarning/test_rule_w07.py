"""W07: labour cost short of the agreed amount in 2 consecutive months or 3 months of the window."""

import datetime as dt
from decimal import Decimal

import pytest

from earlywarning.rules import w07_labour_cost_shortfall as w07
from projects import facts
from projects.choices import AllocationBasis
from tests.projects.factories import AccountMovementFactory, ProjectFactory, WageAccountFactory

from .rulecheck import run

pytestmark = pytest.mark.django_db

D = dt.date
AGREED = Decimal("100000.00")
ON = D(2026, 6, 10)  # the window ends with May 2026
OPENED = D(2025, 12, 20)


def agreed_account(opened_on=OPENED, cycle=31, basis=AllocationBasis.AMOUNT, amount=AGREED):
    project = ProjectFactory(under_construction=True, actual_start_on=D(2025, 12, 1))
    return WageAccountFactory(
        project=project,
        opened_on=opened_on,
        allocation_basis=basis,
        allocation_amount=amount,
        allocation_cycle_days=cycle,
    )


def transfers(account, **by_month):
    """transfers(account, jan="100000", ...) for 2026; an absent month has none."""
    names = ["jan", "feb", "mar", "apr", "may"]
    for name, amount in by_month.items():
        AccountMovementFactory(account=account, occurred_on=D(2026, names.index(name) + 1, 20), amount=Decimal(amount))


def full_except(account, **short):
    transfers(account, **{m: short.get(m, str(AGREED)) for m in ["jan", "feb", "mar", "apr", "may"]})


def test_exactly_the_agreed_amount_is_not_short():
    full_except(agreed_account())
    assert run(w07, ON) == []


def test_one_month_short_by_a_fen_is_not_yet_a_warning():
    full_except(agreed_account(), mar="99999.99")
    assert run(w07, ON) == []


def test_two_consecutive_months_short():
    account = agreed_account()
    full_except(account, mar="99999.99", apr="0.01")
    [hit] = run(w07, ON)
    assert (hit.subject_id, hit.enterprise_id, hit.project_id) == (
        account.pk,
        account.project.client_id,
        account.project_id,
    )
    assert hit.evidence["longest_run"] == 2
    assert hit.evidence["short_months"] == [["2026-03", "99999.99", "100000.00"], ["2026-04", "0.01", "100000.00"]]
    assert hit.evidence["shortfall"] == "100000.00"
    assert set(hit.evidence) <= set(w07.SPEC.evidence_labels)


def test_two_months_apart_are_not_enough_but_three_are():
    account = agreed_account()
    full_except(account, jan="50000", mar="50000")
    assert run(w07, ON) == []
    account.movements.filter(occurred_on=D(2026, 5, 20)).delete()
    [hit] = run(w07, ON)
    assert hit.evidence["longest_run"] == 1
    assert [m for m, _paid, _due in hit.evidence["short_months"]] == ["2026-01", "2026-03", "2026-05"]


def test_months_before_the_account_was_open_all_month_do_not_count():
    account = agreed_account(opened_on=D(2026, 3, 5))  # April is the first full month
    transfers(account, apr=str(AGREED), may=str(AGREED))
    assert run(w07, ON) == []
    assert len(run(w07, D(2026, 7, 1))) == 0  # June short: one month
    assert len(run(w07, D(2026, 8, 1))) == 1  # June and July short


def test_a_shorter_cycle_is_due_as_often_as_the_month_holds_it():
    account = agreed_account(cycle=15)
    # two cycles in January, March, April and May; February (28 days) holds one
    transfers(account, jan="200000", feb="100000", mar="200000", apr="150000", may="200000")
    assert run(w07, ON) == []
    account.movements.filter(occurred_on=D(2026, 5, 20)).delete()
    AccountMovementFactory(account=account, occurred_on=D(2026, 5, 20), amount=Decimal("199999.99"))
    [hit] = run(w07, ON)
    assert hit.evidence["short_months"][-1] == ["2026-05", "199999.99", "200000.00"]


def test_the_current_month_is_not_judged_before_it_ends():
    account = agreed_account()
    full_except(account, may="0.01")
    assert run(w07, D(2026, 5, 31)) == []  # May still running, April paid: no month short yet
    assert run(w07, ON) == []  # May short: one month


def test_an_account_agreed_as_a_ratio_is_not_evaluated():
    agreed_account(basis=AllocationBasis.RATIO, amount=None)
    assert run(w07, ON) == []


def test_the_fact_is_two_queries(django_assert_num_queries):
    account = agreed_account()
    full_except(account, feb="1.00")
    AccountMovementFactory(account=account, occurred_on=D(2026, 2, 21), amount=Decimal("2.00"))
    with django_assert_num_queries(2):
        [row] = facts.agreed_allocations(D(2025, 6, 1), D(2026, 5, 1))
    assert row.inflows[D(2026, 2, 1)] == Decimal("3.00")
    assert row.allocation_amount == AGREED
