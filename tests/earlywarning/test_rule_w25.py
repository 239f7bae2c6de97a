"""W25: a deposit return late in review (5 working days), in confirmation (3 working days after the review), or a
deposit still held more than 6 months after completion with no application."""

import datetime as dt

import pytest

from deposits import facts as deposit_facts
from deposits import services
from earlywarning.rules import w25_return_late as rule
from earlywarning.rules.base import Subject
from tests.deposits import factories

from .deposits_setup import official, today  # noqa: F401 (fixtures)
from .running import by_subject, run

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def applied(personas, official, today):  # noqa: F811
    project = factories.project(personas.enterprise_a)
    deposit = factories.stored(project, official)
    type(project).objects.filter(pk=project.pk).update(status="completed", actual_completion_on=D(2026, 4, 30))
    services.start_return(deposit, actor=official, commitment_on=D(2026, 5, 1), publicity_from=D(2026, 5, 2))
    return services.apply_return(deposit, actor=official, applied_on=D(2026, 6, 12))


def test_the_review_is_due_in_five_working_days(applied):
    assert applied.review_due_on == D(2026, 6, 22)  # 19 June is the Dragon Boat Festival
    assert run(rule, D(2026, 6, 22)) == []
    [hit] = run(rule, D(2026, 6, 23))
    assert (hit.subject, hit.subject_id, hit.part) == (Subject.DEPOSIT, applied.pk, "review")
    assert hit.evidence["applied_on"] == "2026-06-12" and hit.evidence["review_due_on"] == "2026-06-22"
    assert hit.evidence["stage"] == str(rule.STAGES["review"])


def test_the_confirmation_is_due_three_working_days_after_the_review(applied, personas):
    services.request_return(applied, actor=personas.chengguan_inspector, reason="无拖欠")  # reviewed on 15 June
    applied.refresh_from_db()
    assert applied.confirmation_due_on == D(2026, 6, 18)
    assert run(rule, D(2026, 6, 18)) == []
    hits = by_subject(run(rule, D(2026, 6, 23)))
    assert list(hits) == [(applied.pk, "confirmation")]  # reviewed: no longer late in review
    assert hits[(applied.pk, "confirmation")].evidence["reviewed_on"] == "2026-06-15"


def test_held_six_months_after_completion_without_an_application(personas, official, today):  # noqa: F811
    project = factories.project(personas.enterprise_a)
    deposit = factories.stored(project, official)
    type(project).objects.filter(pk=project.pk).update(status="completed", actual_completion_on=D(2026, 1, 10))
    # six months from 10 January end on 10 July
    assert run(rule, D(2026, 7, 10)) == []
    [hit] = run(rule, D(2026, 7, 11))
    assert (hit.subject_id, hit.part) == (deposit.pk, "cleanup")
    assert hit.evidence["completed_on"] == "2026-01-10" and hit.evidence["held"] == str(deposit.required_amount)


def test_the_fact_is_one_query(applied, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = deposit_facts.late_returns(D(2026, 6, 23), D(2026, 1, 1))
    assert [(row["pk"], row["stage"]) for row in rows] == [(applied.pk, "review")]
