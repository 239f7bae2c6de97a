"""Re-evaluation on change: a payroll, attendance or wage-account change in projects and a case or complaint
change in cases queue the rules the change affects (earlywarning.tasks.AFFECTED_RULES) once the transaction
commits, once per kind, and nothing when it rolls back."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction

from cases import hooks as case_hooks
from cases import services as case_services
from cases.choices import ServiceMethod
from core.imports.states import ImportState
from earlywarning import tasks
from projects import hooks as project_hooks
from projects import services as project_services
from projects.choices import ImportKind
from projects.models import AccountMovement
from tests.cases.factories import filed_case, investigating_case
from tests.projects.factories import EmploymentFactory, ProjectFactory, WageAccountFactory, WorkerFactory, id_number
from tests.projects.test_imports import PAYROLL_HEADER, ROSTER_HEADER, pay_row, roster_row
from tests.projects.test_imports import run as run_import

D = dt.date
pytestmark = pytest.mark.django_db
RULES = tasks.AFFECTED_RULES


class Boom(Exception):
    pass


@pytest.fixture
def queued(monkeypatch):
    """The rule codes evaluate_rules.delay was called with, in order."""
    sent = []
    monkeypatch.setattr(tasks.evaluate_rules, "delay", lambda codes: sent.append(list(codes)))
    return sent


@pytest.fixture
def project(personas):
    project = ProjectFactory(code="LZ-A", district=personas.chengguan_official.district,
                             client=personas.enterprise_b, general_contractor=personas.enterprise_a)
    WageAccountFactory(project=project)
    return project


@pytest.fixture
def employment(project):
    return EmploymentFactory(project=project, worker=WorkerFactory(name="工人1", id_number=id_number(1)))


def movement(project):
    return AccountMovement(account=project.wage_account, kind="allocation", amount=Decimal("50000.00"),
                           occurred_on=D(2026, 3, 25))


def test_earlywarning_fills_both_hook_lists():
    assert tasks.dispatch_for in project_hooks._DATA_CHANGED
    assert tasks.dispatch_for in case_hooks._DATA_CHANGED


def test_a_payroll_import_queues_the_payroll_rules_after_commit(personas, project, queued,
                                                               django_capture_on_commit_callbacks):
    user = personas.enterprise_a_user
    job = run_import(project, ImportKind.ROSTER, [roster_row(1), roster_row(2)], ROSTER_HEADER, user)
    assert job.status == ImportState.SUCCEEDED, job.errors
    with django_capture_on_commit_callbacks(execute=True):
        job = run_import(project, ImportKind.PAYROLL, [pay_row(1), pay_row(2)], PAYROLL_HEADER, user,
                         month=D(2026, 3, 1))
        assert job.status == ImportState.SUCCEEDED, job.errors
        assert queued == []  # not before the commit
    assert queued == [RULES["payroll"]]


def test_the_officers_attendance_entry_queues_the_attendance_rules(personas, project, employment, queued,
                                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        project_services.record_attendance(project, employment.pk, D(2026, 3, 1), Decimal("20"),
                                           actor=personas.enterprise_a_user)
    assert queued == [RULES["attendance"]]
    with django_capture_on_commit_callbacks(execute=True):  # the same days again change nothing
        project_services.record_attendance(project, employment.pk, D(2026, 3, 1), Decimal("20"),
                                           actor=personas.enterprise_a_user)
    assert queued == [RULES["attendance"]]


def test_the_gate_api_and_the_import_come_through_the_same_upsert(employment, queued,
                                                                 django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        project_services.upsert_attendance([(employment.pk, D(2026, 4, 1), Decimal("21"))], source="gate_api",
                                           actor=None)
    assert queued == [RULES["attendance"]]


def test_a_wage_account_movement_queues_the_account_rules(personas, project, queued,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        project_services.record_movement(movement(project), actor=personas.chengguan_official)
    assert queued == [RULES["allocation"]]


def test_filing_a_case_queues_the_case_rules_once(personas, queued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        filed_case(personas.chengguan_inspector, personas.enterprise_a)  # a complaint received, decided, filed
    assert queued == [RULES["case"]]


def test_an_order_a_recovery_and_closing_queue_the_case_rules(personas, partner, queued,
                                                             django_capture_on_commit_callbacks):
    me = personas.chengguan_inspector
    with django_capture_on_commit_callbacks(execute=True):  # (the test's one transaction never commits)
        case = investigating_case(me, partner, personas.enterprise_a)
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case_services.issue_order(case, actor=me, issued_on=D(2026, 6, 10), workdays=7, amount=Decimal("24000"),
                                  workers=case.workers_owed, requirements="足额支付", served_on=D(2026, 6, 10),
                                  service_method=ServiceMethod.IN_PERSON)
    assert queued == [RULES["case"]]
    with django_capture_on_commit_callbacks(execute=True):
        case_services.record_recovery(case, actor=me, paid_on=D(2026, 6, 12), amount=Decimal("24000.00"),
                                      workers_paid=case.workers_owed)
    assert queued == [RULES["case"]] * 2
    with django_capture_on_commit_callbacks(execute=True):
        case_services.close_case(case, actor=me, outcome="rectified", summary="已足额支付", on=D(2026, 6, 15))
    assert queued == [RULES["case"]] * 3


def test_one_transaction_changing_two_kinds_queues_each_once(personas, project, employment, queued,
                                                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        project_services.record_movement(movement(project), actor=personas.chengguan_official)
        project_services.record_movement(movement(project), actor=personas.chengguan_official)
        project_services.upsert_attendance([(employment.pk, D(2026, 4, 1), Decimal("21"))], source="gate_api",
                                           actor=None)
    assert queued == [RULES["allocation"], RULES["attendance"]]


def test_a_rolled_back_change_queues_nothing(personas, project, employment, queued,
                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(Boom), transaction.atomic():
            project_services.record_movement(movement(project), actor=personas.chengguan_official)
            raise Boom
        with pytest.raises(Boom), transaction.atomic():
            filed_case(personas.chengguan_inspector, personas.enterprise_a)
            raise Boom
    assert queued == []
    assert not AccountMovement.objects.exists()
    # A rolled-back change does not hold back the next one.
    with django_capture_on_commit_callbacks(execute=True):
        project_services.record_movement(movement(project), actor=personas.chengguan_official)
    assert queued == [RULES["allocation"]]
