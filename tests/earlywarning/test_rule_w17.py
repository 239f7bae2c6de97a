"""W17: a worker left with no confirmed final settlement within 10 days; red after a complaint."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from earlywarning.rules import w17_exit_unsettled as w17
from earlywarning.rules.base import Level, Subject
from kernel import crypto
from projects import facts
from tests.cases.factories import ComplaintFactory
from tests.projects.factories import (
    AttendanceFactory,
    EmploymentFactory,
    PayrollBatchFactory,
    PayrollLineFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db
EXIT = dt.date(2026, 3, 20)
DAY_10, DAY_11 = dt.date(2026, 3, 30), dt.date(2026, 3, 31)


def _complaint(employment, received_on):
    number = employment.worker.id_number
    return ComplaintFactory(complainant_id_number=number, complainant_id_index=crypto.blind_index(number),
                            received_on=received_on)


@pytest.fixture
def leaver():
    return EmploymentFactory(project=ProjectFactory(), exited_on=EXIT)


def test_day_10_after_exit_is_still_in_time_and_day_11_fires(leaver, run_rule):
    AttendanceFactory(employment=leaver, month=dt.date(2026, 3, 1))
    assert run_rule(w17, DAY_10) == []
    (hit,) = run_rule(w17, DAY_11)
    assert (hit.subject, hit.subject_id, hit.project_id) == (Subject.EMPLOYMENT, leaver.pk, leaver.project_id)
    assert hit.district_id == leaver.project.district_id and hit.enterprise_id == leaver.employer_id
    assert hit.level is None
    assert hit.evidence["exited_on"] == "2026-03-20" and hit.evidence["days_since_exit"] == 11
    assert hit.evidence["last_attendance_month"] == "2026-03"
    assert hit.evidence["worker"] == leaver.worker.name
    assert set(hit.evidence) <= set(w17.SPEC.evidence_labels)


def test_without_attendance_the_evidence_says_so(leaver, run_rule):
    with translation.override("en"):
        (hit,) = run_rule(w17, DAY_11)
    assert hit.evidence["last_attendance_month"] == "no attendance recorded"


def test_a_confirmed_full_settlement_of_the_exit_month_clears_it(leaver, run_rule):
    batch = PayrollBatchFactory(project=leaver.project, month=dt.date(2026, 3, 1))
    line = PayrollLineFactory(batch=batch, employment=leaver, paid_on=dt.date(2026, 3, 25), worker_confirmed=False)
    assert len(run_rule(w17, DAY_11)) == 1  # paid, not confirmed by the worker
    type(line)._base_manager.filter(pk=line.pk).update(worker_confirmed=True, paid_amount=Decimal("6000.00"))
    assert len(run_rule(w17, DAY_11)) == 1  # confirmed, not paid in full
    type(line)._base_manager.filter(pk=line.pk).update(paid_amount=line.net_pay)
    assert run_rule(w17, DAY_11) == []


def test_a_settlement_of_an_earlier_month_is_not_the_final_one(leaver, run_rule):
    batch = PayrollBatchFactory(project=leaver.project, month=dt.date(2026, 2, 1))
    PayrollLineFactory(batch=batch, employment=leaver, paid_on=dt.date(2026, 3, 15))
    assert len(run_rule(w17, DAY_11)) == 1


def test_a_complaint_by_the_worker_after_leaving_makes_it_red(leaver, run_rule):
    _complaint(leaver, received_on=dt.date(2026, 3, 28))
    (hit,) = run_rule(w17, DAY_11)
    assert hit.level == Level.RED and hit.evidence["complaint_received_on"] == "2026-03-28"


def test_a_complaint_before_the_exit_does_not(leaver, run_rule):
    _complaint(leaver, received_on=dt.date(2026, 3, 1))
    (hit,) = run_rule(w17, DAY_11)
    assert hit.level is None and hit.evidence["complaint_received_on"] is None


def test_workers_still_on_site_raise_nothing(run_rule):
    EmploymentFactory()
    assert run_rule(w17, DAY_11) == []


def test_the_facts_are_one_query_each(leaver, django_assert_num_queries):
    from cases import facts as case_facts

    EmploymentFactory(project=leaver.project, exited_on=dt.date(2026, 3, 1))
    with django_assert_num_queries(1):
        rows = facts.exits_without_settlement(DAY_11, 10)
    assert len(rows) == 2
    with django_assert_num_queries(1):
        case_facts.complaints_by_people([r.worker_index for r in rows], DAY_11)
