"""W02: no deposit, guarantee or insurance after the 20 working days from the trigger; red 10 working days later."""

import datetime as dt

import pytest

from deposits import facts as deposit_facts
from deposits.choices import TriggerKind
from earlywarning.rules import w02_no_deposit as rule
from earlywarning.rules.base import Level, Subject
from tests.deposits import factories
from tests.projects.factories import ProjectFactory

from .deposits_setup import official, today  # noqa: F401 (fixtures)
from .running import by_subject, run

pytestmark = pytest.mark.django_db
D = dt.date


def test_deadline_day_is_in_time_the_next_day_warns(personas, official, today):  # noqa: F811
    project = factories.project(personas.enterprise_a)
    deposit = factories.assessed(project, official, trigger_date=D(2026, 2, 10))
    assert deposit.due_on == D(2026, 3, 16)  # 20 working days across the Spring Festival
    assert run(rule, D(2026, 3, 16)) == []
    [hit] = run(rule, D(2026, 3, 17))
    assert (hit.subject, hit.subject_id, hit.enterprise_id) == (
        Subject.PROJECT,
        project.pk,
        project.general_contractor_id,
    )
    assert hit.level is None
    assert hit.evidence["deposit_recorded"] is True and hit.evidence["trigger_date"] == "2026-02-10"
    assert hit.evidence["required_amount"] == str(deposit.required_amount) and hit.evidence["workdays_late"] == 1


def test_red_ten_working_days_after_the_deadline(personas, official, today):  # noqa: F811
    factories.assessed(factories.project(personas.enterprise_a), official, trigger_date=D(2026, 2, 10))
    assert run(rule, D(2026, 3, 30))[0].level is None
    assert run(rule, D(2026, 3, 31))[0].level == Level.RED


def test_stored_guaranteed_or_exempt_deposits_do_not_warn(personas, official, today, monkeypatch):  # noqa: F811
    factories.stored(factories.project(personas.enterprise_a), official)
    factories.guaranteed(factories.project(personas.enterprise_a), official)
    exempt = factories.assessed(factories.project(personas.enterprise_a, contract_amount=1000000), official)
    assert exempt.adjustment == "exempt"
    assert run(rule, D(2026, 8, 1)) == []


def test_a_project_without_any_deposit_record_counts_from_its_contract(db):
    project = ProjectFactory(contract_signed_on=D(2026, 2, 10), status="under_construction")
    ProjectFactory(contract_signed_on=D(2026, 2, 10), status="completed")
    assert run(rule, D(2026, 3, 16)) == []
    hits = by_subject(run(rule, D(2026, 3, 17)))
    assert list(hits) == [(project.pk, "")]
    assert hits[(project.pk, "")].evidence == {
        "due_on": "2026-03-16",
        "workdays_late": 1,
        "deposit_recorded": False,
        "trigger": str(TriggerKind.CONTRACT.label),
        "trigger_date": "2026-02-10",
        "required_amount": None,
    }


def test_the_facts_are_one_query_each(personas, official, today, django_assert_num_queries):  # noqa: F811
    for _ in range(2):
        factories.assessed(factories.project(personas.enterprise_a), official, trigger_date=D(2026, 2, 10))
        ProjectFactory(contract_signed_on=D(2026, 1, 5))
    with django_assert_num_queries(1):
        assert len(deposit_facts.unstored_deposits(D(2026, 4, 1))) == 2
    with django_assert_num_queries(1):
        assert len(deposit_facts.projects_without_deposit(D(2026, 3, 1))) == 2
