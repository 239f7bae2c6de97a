"""W15: no labour-wage officer on a project on site. W16: notice board without photo or missing an item."""

import datetime as dt

import pytest

from earlywarning.rules import w15_no_wage_officer as w15
from earlywarning.rules import w16_notice_board_incomplete as w16
from earlywarning.rules.base import Subject
from projects import facts
from projects.choices import NoticeBoardItem, ProjectStatus
from tests.projects.factories import ProjectFactory

from .rulecheck import run

pytestmark = pytest.mark.django_db

ON = dt.date(2026, 4, 20)
ALL_ITEMS = list(NoticeBoardItem.values)


def photo():
    """A stored photo's name (the rule reads only whether there is one; no file is written)."""
    return "projects/notice-boards/2026/04/board.jpg"


@pytest.mark.parametrize("name", ["", "   "])
def test_no_officer_on_a_project_under_construction(name):
    project = ProjectFactory(under_construction=True, wage_officer_name=name)
    [hit] = run(w15, ON)
    assert (hit.subject, hit.subject_id, hit.enterprise_id, hit.district_id) == (
        Subject.PROJECT,
        project.pk,
        project.general_contractor_id,
        project.district_id,
    )
    assert hit.evidence["status"] == "在建"
    assert set(hit.evidence) <= set(w15.SPEC.evidence_labels)


@pytest.mark.parametrize("status", [ProjectStatus.REGISTERED, ProjectStatus.PERMIT_PENDING, ProjectStatus.COMPLETED])
def test_an_officer_is_not_asked_for_off_site(status):
    ProjectFactory(status=status, wage_officer_name="")
    assert run(w15, ON) == []


def test_an_officer_recorded_clears_it():
    ProjectFactory(status=ProjectStatus.SUSPENDED, wage_officer_name="王劳资")
    assert run(w15, ON) == []


def test_w15_is_one_query(django_assert_num_queries):
    ProjectFactory(under_construction=True, wage_officer_name="")
    with django_assert_num_queries(1):
        assert len(facts.projects_without_wage_officer()) == 1


def test_no_photo_misses_every_item():
    project = ProjectFactory(under_construction=True, notice_board_items=ALL_ITEMS)
    [hit] = run(w16, ON)
    assert (hit.subject_id, hit.enterprise_id) == (project.pk, project.general_contractor_id)
    assert hit.evidence["photo"] is False
    assert len(hit.evidence["missing_items"]) == len(ALL_ITEMS)
    assert set(hit.evidence) <= set(w16.SPEC.evidence_labels)


def test_a_photo_with_every_item_is_complete():
    ProjectFactory(under_construction=True, notice_board_photo=photo(), notice_board_items=ALL_ITEMS)
    assert run(w16, ON) == []


def test_one_item_missing():
    ProjectFactory(under_construction=True, notice_board_photo=photo(), notice_board_items=ALL_ITEMS[:-1])
    [hit] = run(w16, ON)
    assert hit.evidence["photo"] is True
    assert (
        hit.evidence["missing_items"] == ["如何申请法律援助及公共法律服务热线"]
        or len(hit.evidence["missing_items"]) == 1
    )


def test_a_board_is_not_asked_for_off_site():
    ProjectFactory(status=ProjectStatus.COMPLETED)
    assert run(w16, ON) == []


def test_w16_is_one_query(django_assert_num_queries):
    ProjectFactory(under_construction=True, notice_board_photo=photo(), notice_board_items=ALL_ITEMS[1:])
    ProjectFactory(under_construction=True, notice_board_photo=photo(), notice_board_items=ALL_ITEMS)
    with django_assert_num_queries(1):
        [gap] = facts.notice_board_gaps()
    assert gap.missing == [NoticeBoardItem.PARTIES]
