"""W13: a payroll month with lines not confirmed by the worker, or paid lines without voucher or date."""

import datetime as dt
from decimal import Decimal

import pytest

from earlywarning.rules import w13_payroll_incomplete as w13
from earlywarning.rules.base import Subject
from projects import facts
from tests.projects.factories import PayrollBatchFactory, PayrollLineFactory, ProjectFactory

from .rulecheck import run

pytestmark = pytest.mark.django_db

D = dt.date
ON = D(2026, 4, 20)


@pytest.fixture
def batch():
    """March 2026: two complete lines."""
    batch = PayrollBatchFactory(project=ProjectFactory(under_construction=True), month=D(2026, 3, 1))
    PayrollLineFactory.create_batch(2, batch=batch)
    return batch


def test_a_complete_confirmed_payroll(batch):
    assert run(w13, ON) == []


def test_one_line_not_confirmed_by_its_worker(batch):
    PayrollLineFactory(batch=batch, worker_confirmed=False)
    [hit] = run(w13, ON)
    assert (hit.subject, hit.subject_id, hit.part, hit.enterprise_id, hit.district_id) == (
        Subject.PROJECT,
        batch.project_id,
        "2026-03",
        batch.project.general_contractor_id,
        batch.project.district_id,
    )
    assert hit.evidence["lines"] == 3
    assert (hit.evidence["unconfirmed"], hit.evidence["no_voucher"], hit.evidence["no_paid_on"]) == (1, 0, 0)
    assert set(hit.evidence) <= set(w13.SPEC.evidence_labels)


def test_a_paid_line_without_voucher_or_date(batch):
    PayrollLineFactory(batch=batch, bank_reference="")
    PayrollLineFactory(batch=batch, paid_on=None)
    [hit] = run(w13, ON)
    assert (hit.evidence["unconfirmed"], hit.evidence["no_voucher"], hit.evidence["no_paid_on"]) == (0, 1, 1)


def test_an_unpaid_line_needs_no_voucher_yet(batch):
    PayrollLineFactory(batch=batch, paid_amount=Decimal("0"), paid_on=None, bank_reference="")
    assert run(w13, ON) == []


def test_months_outside_the_window_are_not_checked(batch):
    PayrollLineFactory(batch=batch, worker_confirmed=False)
    assert len(run(w13, D(2027, 2, 28))) == 1  # March 2026 is the 12th month back
    assert run(w13, D(2027, 3, 1)) == []
    assert run(w13, D(2026, 4, 20), lookback_months=1) == []


def test_the_fact_is_one_query(django_assert_num_queries, batch):
    PayrollLineFactory(batch=batch, worker_confirmed=False, bank_reference="")
    with django_assert_num_queries(1):
        [row] = facts.incomplete_payrolls(D(2026, 1, 1), D(2026, 4, 1))
    assert (row.batch_id, row.lines, row.unconfirmed, row.no_voucher) == (batch.pk, 3, 1, 1)
