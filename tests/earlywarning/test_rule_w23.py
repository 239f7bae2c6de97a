"""W23: a general contractor graded C or on the joint-punishment list on a project registered in the window."""

import datetime as dt

import pytest
from django.utils import timezone

from blacklist import facts as blacklist_facts
from earlywarning.rules import w23_risky_contractor as rule
from earlywarning.rules.base import Subject
from enterprises import facts as enterprise_facts
from projects import facts as project_facts
from projects.models import Project
from tests.blacklist.factories import listed_entry
from tests.factories import EnterpriseFactory
from tests.projects.factories import ProjectFactory

from .running import by_subject, run

pytestmark = pytest.mark.django_db
D = dt.date
ON = D(2026, 7, 20)  # 30 days back: registered from 20 June on


def registered(on, **fields):
    project = ProjectFactory(**fields)
    # local noon of the day (the registration day is the local date of created_at)
    moment = timezone.make_aware(dt.datetime.combine(on, dt.time(12)))
    Project.objects.filter(pk=project.pk).update(created_at=moment)
    return project


def test_grade_c_on_a_project_registered_in_the_window(db):
    contractor = EnterpriseFactory(grade="C")
    inside = registered(D(2026, 6, 20), general_contractor=contractor)
    registered(D(2026, 6, 19), general_contractor=contractor)
    registered(D(2026, 7, 1), general_contractor=EnterpriseFactory(grade="B"))
    registered(D(2026, 7, 1), general_contractor=contractor, status="completed")
    hits = run(rule, ON)
    assert [(h.subject, h.subject_id, h.enterprise_id) for h in hits] == [(Subject.PROJECT, inside.pk, contractor.pk)]
    assert hits[0].evidence == {
        "registered_on": "2026-06-20",
        "contractor": contractor.name,
        "grade": "C",
        "listings": [],
    }
    assert run(rule, ON, window_days=29) == []


def test_a_listing_in_force(personas, partner):
    contractor = personas.enterprise_a
    entry = listed_entry(personas.chengguan_inspector, partner, personas.chengguan_official, contractor)
    project = registered(D(2026, 7, 10), general_contractor=contractor)
    assert run(rule, D(2026, 7, 8)) == []  # registered later, and not listed yet
    hit = by_subject(run(rule, ON))[(project.pk, "")]
    assert hit.evidence["grade"] == "" and hit.evidence["listings"] == [[entry.decision_number, "2026-07-09"]]


def test_the_facts_are_one_query_each(django_assert_num_queries, db):
    contractors = [EnterpriseFactory(grade=grade) for grade in "ACC"]
    for contractor in contractors:
        registered(D(2026, 7, 1), general_contractor=contractor)
    ids = [c.pk for c in contractors]
    with django_assert_num_queries(1):
        assert len(project_facts.projects_registered_since(D(2026, 6, 20))) == 3
    with django_assert_num_queries(1):
        assert set(enterprise_facts.with_grade(ids, ["C"])) == set(ids[1:])
    with django_assert_num_queries(1):
        assert blacklist_facts.listings_in_force(ids, ON) == {}
    with django_assert_num_queries(1):
        assert len(enterprise_facts.names(ids)) == 3
