"""Risk colours: a project's worst open warning; an enterprise's worst over its warnings and projects, C ⇒ at
least orange, listed ⇒ red."""

import datetime as dt

import pytest

from earlywarning import facts, risk
from earlywarning.rules.base import Level
from tests.earlywarning.factories import WarningFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 26)


def test_a_project_is_its_worst_open_warning(personas):
    project, calm = ProjectFactory(), ProjectFactory()
    for level in ("yellow", "orange"):
        WarningFactory(project=project, enterprise=None, district=project.district, level=level)
    WarningFactory(project=project, enterprise=None, district=project.district, level="red", status="cleared")
    assert risk.project_colours([project.pk, calm.pk]) == {project.pk: Level.ORANGE}


def test_an_enterprise_counts_its_projects_grade_and_listing(personas, monkeypatch):
    a, b = personas.enterprise_a, personas.enterprise_b
    project = ProjectFactory(general_contractor=a)
    WarningFactory(project=project, enterprise=None, district=project.district, level="yellow")
    assert risk.enterprise_colours([a.pk, b.pk], TODAY) == {a.pk: Level.YELLOW, b.pk: None}
    b.grade = "C"
    b.save(update_fields=["grade"])
    assert risk.enterprise_colours([b.pk], TODAY) == {b.pk: Level.ORANGE}
    monkeypatch.setattr(risk.blacklist_providers, "listed_ids", lambda ids, on: {a.pk})
    assert risk.enterprise_colours([a.pk, b.pk], TODAY) == {a.pk: Level.RED, b.pk: Level.ORANGE}


def test_has_open_red_in_one_query(personas, django_assert_num_queries):
    a, b = personas.enterprise_a, personas.enterprise_b
    WarningFactory(enterprise=a, level="red")
    WarningFactory(enterprise=b, level="orange")
    with django_assert_num_queries(1):
        assert facts.has_open_red([a.pk, b.pk]) == {a.pk}
