"""W26: a completed project's account still open after the 30-day publicity and 30 idle days, or an account closed
before the publicity could have run."""

import datetime as dt
from decimal import Decimal

import pytest

from earlywarning.rules import w26_account_not_closed as rule
from earlywarning.rules.base import Subject
from projects import facts as project_facts
from projects.models import AccountMovement
from tests.projects.factories import ProjectFactory, WageAccountFactory

from .running import by_subject, run

pytestmark = pytest.mark.django_db
D = dt.date
COMPLETED = D(2026, 3, 1)


def account(completed_on=COMPLETED, status="completed", **fields):
    project = ProjectFactory(status=status, actual_completion_on=completed_on)
    return WageAccountFactory(project=project, **fields)


def move(account_, day, amount, kind="allocation"):
    AccountMovement.objects.create(account=account_, kind=kind, amount=Decimal(amount), occurred_on=day)


def test_open_after_publicity_and_thirty_idle_days(db):
    idle = account()
    move(idle, D(2026, 3, 5), "1000.00")
    move(idle, D(2026, 3, 6), "400.00", kind="wage_payment")
    # publicity runs to 31 March, the idle month to 30 April
    assert run(rule, D(2026, 4, 30)) == []
    [hit] = run(rule, D(2026, 5, 1))
    assert (hit.subject, hit.subject_id, hit.part) == (Subject.WAGE_ACCOUNT, idle.pk, "idle")
    assert hit.project_id == idle.project_id and hit.enterprise_id == idle.project.general_contractor_id
    assert hit.evidence == {
        "completed_on": "2026-03-01",
        "publicity_until": "2026-03-31",
        "last_movement_on": "2026-03-06",
        "balance": "600.00",
    }


def test_a_movement_in_the_idle_month_or_a_live_project_does_not_warn(db):
    move(account(), D(2026, 4, 1), "10.00")
    account(status="under_construction")
    assert run(rule, D(2026, 5, 1)) == []


def test_closed_before_the_publicity_could_run(db):
    early = account(closed_on=D(2026, 3, 31))
    account(closed_on=D(2026, 4, 1))
    while_building = account(completed_on=None, status="under_construction", closed_on=D(2026, 2, 1))
    hits = by_subject(run(rule, D(2026, 4, 15)))
    assert set(hits) == {(early.pk, "closed_early"), (while_building.pk, "closed_early")}
    assert hits[(early.pk, "closed_early")].evidence == {
        "completed_on": "2026-03-01",
        "publicity_until": "2026-03-31",
        "closed_on": "2026-03-31",
    }
    assert hits[(while_building.pk, "closed_early")].evidence["completed_on"] is None
    assert run(rule, D(2026, 4, 15), closed_lookback_days=14) == []


def test_the_facts_are_one_query_each(db, django_assert_num_queries):
    for _ in range(2):
        move(account(), D(2026, 3, 5), "1.00")
        account(closed_on=D(2026, 3, 10))
    with django_assert_num_queries(1):
        assert len(project_facts.idle_accounts_after_completion(D(2026, 3, 2), D(2026, 4, 1))) == 2
    with django_assert_num_queries(1):
        assert len(project_facts.accounts_closed_since(D(2026, 3, 1))) == 2
