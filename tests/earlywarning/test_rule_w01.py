"""W01: no dedicated wage account once the 30 days after the contract have run out; red 10 working days later."""

import datetime as dt

import pytest

from earlywarning.rules import w01_no_wage_account as rule
from earlywarning.rules.base import Level, Subject
from projects import facts as project_facts
from tests.projects.factories import ProjectFactory, WageAccountFactory

from .running import by_subject, run

pytestmark = pytest.mark.django_db
D = dt.date


def test_day_30_is_still_in_time_day_31_warns(chengguan):
    project = ProjectFactory(contract_signed_on=D(2026, 1, 11))  # 30 days run 12 Jan .. 10 Feb
    assert run(rule, D(2026, 2, 10)) == []
    [hit] = run(rule, D(2026, 2, 11))
    assert (hit.subject, hit.subject_id, hit.project_id) == (Subject.PROJECT, project.pk, project.pk)
    assert hit.enterprise_id == project.general_contractor_id and hit.district_id == chengguan.pk
    assert hit.level is None  # the rule's orange
    assert hit.evidence == {"contract_signed_on": "2026-01-11", "account_deadline": "2026-02-10", "workdays_late": 1}


def test_red_after_ten_more_working_days_across_the_spring_festival(db):
    ProjectFactory(contract_signed_on=D(2026, 1, 11))
    # after 10 Feb: 11–13 Feb, the make-up Saturday 14 Feb, 24–27 Feb, 28 Feb (make-up) and 2 March
    [hit] = run(rule, D(2026, 3, 2))
    assert hit.level is None and hit.evidence["workdays_late"] == 10
    [hit] = run(rule, D(2026, 3, 3))
    assert hit.level == Level.RED
    [hit] = run(rule, D(2026, 3, 3), red_after_workdays=11)
    assert hit.level is None


def test_an_open_account_or_completion_clears_it_a_closed_account_does_not(db):
    with_account = ProjectFactory(contract_signed_on=D(2026, 1, 1))
    WageAccountFactory(project=with_account, opened_on=D(2026, 3, 1))  # late, but open
    completed = ProjectFactory(contract_signed_on=D(2026, 1, 1), status="completed")
    closed = ProjectFactory(contract_signed_on=D(2026, 1, 1), status="under_construction")
    WageAccountFactory(project=closed, opened_on=D(2026, 1, 5), closed_on=D(2026, 3, 1))
    no_contract = ProjectFactory(contract_signed_on=None)
    hits = by_subject(run(rule, D(2026, 4, 1)))
    assert (closed.pk, "") in hits
    assert not {(with_account.pk, ""), (completed.pk, ""), (no_contract.pk, "")} & set(hits)


def test_the_fact_is_one_query_over_the_city(db, django_assert_num_queries):
    for _ in range(3):
        ProjectFactory(contract_signed_on=D(2026, 1, 1))
    with django_assert_num_queries(1):
        rows = project_facts.projects_without_account(D(2026, 3, 1))
    assert len(rows) == 3
