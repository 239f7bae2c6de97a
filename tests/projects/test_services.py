"""Project services: status moves, stale instances, notice board, audit and timeline in the same transaction."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from enterprises.models import TimelineEntry
from projects import services
from projects.choices import NoticeBoardItem, ProjectStatus

from .factories import PayrollBatchFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_status_moves_along_the_allowed_path(personas):
    project = ProjectFactory()
    services.change_status(project, ProjectStatus.PERMIT_PENDING, actor=personas.city_admin)
    with pytest.raises(ValidationError):
        services.change_status(project, ProjectStatus.WAGES_SETTLED, actor=personas.city_admin)
    services.change_status(project, ProjectStatus.UNDER_CONSTRUCTION, actor=personas.city_admin,
                           on=dt.date(2026, 3, 2))
    assert project.status == ProjectStatus.UNDER_CONSTRUCTION and project.actual_start_on == dt.date(2026, 3, 2)
    # A later save through another service on the same instance keeps the new status.
    services.update_notice_board(project, actor=personas.city_admin, items=[NoticeBoardItem.PAY_DATE])
    project.refresh_from_db()
    assert project.status == ProjectStatus.UNDER_CONSTRUCTION
    assert project.notice_board_items == ["pay_date"]
    assert project.notice_board_missing == list(NoticeBoardItem)  # no photo: nothing counts as displayed
    assert AuditEvent.objects.filter(event="project_status_changed").count() == 2
    assert TimelineEntry.objects.filter(enterprise=project.general_contractor, kind="project").count() >= 3


def test_the_labour_wage_officer_confirms_a_payroll(personas):
    batch = PayrollBatchFactory(project=ProjectFactory(general_contractor=personas.enterprise_a))
    services.confirm_payroll(batch, actor=personas.enterprise_a_user)
    batch.refresh_from_db()
    assert batch.officer_confirmed_by == personas.enterprise_a_user
    assert AuditEvent.objects.filter(event="payroll_confirmed").exists()
    with pytest.raises(Exception, match="scope"):
        services.confirm_payroll(PayrollBatchFactory(), actor=personas.enterprise_a_user)
