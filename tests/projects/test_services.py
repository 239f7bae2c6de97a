"""Project services: status moves, stale instances, notice board, audit and timeline in the same transaction."""

import datetime as dt

import pytest

from audit.models import AuditEvent
from enterprises.models import TimelineEntry
from kernel.errors import DomainError
from projects import services
from projects.choices import NoticeBoardItem, ProjectStatus

from .factories import PayrollBatchFactory, ProjectFactory, WageAccountFactory

pytestmark = pytest.mark.django_db


def test_status_moves_along_the_allowed_path(personas, no_deposit_app):
    project = ProjectFactory(funds_confirmed_on=dt.date(2026, 1, 10))
    WageAccountFactory(project=project)
    no_deposit_app.register_requirement("wage_deposit", lambda projects: {p.pk: True for p in projects})
    services.change_status(project, ProjectStatus.PERMIT_PENDING, actor=personas.city_admin)
    with pytest.raises(DomainError):
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


def test_construction_does_not_start_with_permit_preconditions_unmet(personas, no_deposit_app):
    """The permit gate gates: the refusal names every missing precondition (Decree 724 Arts. 23, 26, 32), and
    nothing is written; once they are met the project starts; resuming after a suspension is not gated."""
    project = ProjectFactory(funds_confirmed_on=None)
    services.change_status(project, ProjectStatus.PERMIT_PENDING, actor=personas.city_admin)
    with pytest.raises(DomainError) as refused:
        services.change_status(project, ProjectStatus.UNDER_CONSTRUCTION, actor=personas.city_admin)
    message = " ".join(refused.value.messages)
    for label in ("Funding confirmed in place", "Dedicated wage account opened",
                  "Wage deposit stored, guaranteed or exempt"):
        assert label in message
    project.refresh_from_db()
    assert project.status == ProjectStatus.PERMIT_PENDING and project.actual_start_on is None
    assert not AuditEvent.objects.filter(event="project_status_changed", data__new="under_construction").exists()

    project.funds_confirmed_on = dt.date(2026, 1, 10)
    project.save()
    WageAccountFactory(project=project)
    with pytest.raises(DomainError, match="Wage deposit") as refused:
        services.change_status(project, ProjectStatus.UNDER_CONSTRUCTION, actor=personas.city_admin)
    assert "Funding" not in " ".join(refused.value.messages)

    no_deposit_app.register_requirement("wage_deposit", lambda projects: {p.pk: True for p in projects})
    services.change_status(project, ProjectStatus.UNDER_CONSTRUCTION, actor=personas.city_admin)
    services.change_status(project, ProjectStatus.SUSPENDED, actor=personas.city_admin)
    no_deposit_app.unregister_requirement("wage_deposit")  # e.g. the guarantee has lapsed meanwhile
    services.change_status(project, ProjectStatus.UNDER_CONSTRUCTION, actor=personas.city_admin)
    assert project.status == ProjectStatus.UNDER_CONSTRUCTION


def test_the_status_page_shows_the_named_preconditions(personas, login, no_deposit_app):
    project = ProjectFactory(funds_confirmed_on=None, status=ProjectStatus.PERMIT_PENDING)
    client = login(personas.city_admin)
    response = client.post(f"/projects/{project.pk}/status/", {"status": "under_construction"}, follow=True)
    assert "Dedicated wage account opened" in response.content.decode()
    project.refresh_from_db()
    assert project.status == ProjectStatus.PERMIT_PENDING
