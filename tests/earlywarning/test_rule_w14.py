"""W14: attendance by a person without a labour contract before entry or off the real-name roster."""

import datetime as dt

import pytest

from earlywarning.rules import w14_unregistered_attendance as w14
from projects import facts
from tests.projects.factories import AttendanceFactory, EmploymentFactory, ProjectFactory, WorkerFactory

pytestmark = pytest.mark.django_db
ON = dt.date(2026, 4, 10)
MARCH, APRIL = dt.date(2026, 3, 1), dt.date(2026, 4, 1)


def _worker(project, name, **employment):
    fields = {"entered_on": dt.date(2026, 2, 1), "contract_signed_on": dt.date(2026, 1, 28), **employment}
    return EmploymentFactory(project=project, worker=WorkerFactory(name=name), **fields)


def test_a_compliant_roster_raises_nothing(run_rule):
    project = ProjectFactory()
    AttendanceFactory(employment=_worker(project, "合规"), month=MARCH)
    AttendanceFactory(employment=_worker(project, "当天签", contract_signed_on=dt.date(2026, 2, 1)), month=APRIL)
    assert run_rule(w14, ON) == []


def test_missing_or_late_contract_and_days_off_the_roster_fire_once_per_project(run_rule):
    project = ProjectFactory()
    AttendanceFactory(employment=_worker(project, "无合同", contract_signed_on=None), month=MARCH)
    AttendanceFactory(employment=_worker(project, "晚签", contract_signed_on=dt.date(2026, 2, 2)), month=APRIL)
    AttendanceFactory(employment=_worker(project, "已退场", exited_on=dt.date(2026, 2, 28)), month=MARCH)
    AttendanceFactory(employment=_worker(project, "未进场", entered_on=dt.date(2026, 5, 1),
                                         contract_signed_on=dt.date(2026, 3, 1)), month=APRIL)
    AttendanceFactory(employment=_worker(project, "当月退场", exited_on=dt.date(2026, 3, 5)), month=MARCH)  # fine
    (hit,) = run_rule(w14, ON)
    assert hit.subject_id == project.pk and hit.enterprise_id == project.general_contractor_id
    ev = hit.evidence
    assert (ev["workers"], ev["no_contract"], ev["contract_after_entry"], ev["outside_registration"]) == (4, 1, 1, 2)
    assert sorted(ev["names"]) == sorted(["无合同", "晚签", "已退场", "未进场"])
    assert ev["latest_month"] == "2026-04"
    assert set(ev) <= set(w14.SPEC.evidence_labels)


def test_only_recent_months_are_checked(run_rule):
    project = ProjectFactory()
    AttendanceFactory(employment=_worker(project, "无合同", contract_signed_on=None), month=dt.date(2026, 2, 1))
    assert run_rule(w14, ON) == []  # February is before the previous month
    assert len(run_rule(w14, ON, months_back=2)) == 1


def test_zero_days_is_no_attendance(run_rule):
    AttendanceFactory(employment=_worker(ProjectFactory(), "无合同", contract_signed_on=None), month=APRIL,
                      days_on_site=0)
    assert run_rule(w14, ON) == []


def test_the_fact_is_one_query(django_assert_num_queries):
    for n in range(3):
        AttendanceFactory(employment=_worker(ProjectFactory(), f"无合同{n}", contract_signed_on=None), month=APRIL)
    with django_assert_num_queries(1):
        assert len(facts.attendance_without_registration(ON, MARCH)) == 3
