"""Celery tasks (acks late, reject on worker loss, idempotent), the schedule, dispatch on commit, and who is told."""

import datetime as dt

import pytest
from django.conf import settings

from earlywarning import recipients, tasks
from earlywarning.models import RunTrigger, Warning
from earlywarning.rules.base import Hit, Subject
from kernel.roles import Role
from tests.cases.factories import CaseFactory
from tests.earlywarning.factories import WarningFactory
from tests.factories import UserFactory

D = dt.date
pytestmark = pytest.mark.django_db


def test_tasks_acknowledge_late_and_are_rejected_when_their_worker_dies():
    for task in (tasks.evaluate_all, tasks.evaluate_rules):
        assert task.acks_late and task.reject_on_worker_lost


def test_the_nightly_evaluation_is_scheduled():
    assert (
        "early-warning nightly evaluation",
        "earlywarning.evaluate_all",
        ("30", "2", "*", "*", "*"),
    ) in settings.PERIODIC_TASKS


def test_evaluate_all_twice_changes_nothing(fake_rule, chengguan):
    fake_rule.hits = [Hit(subject=Subject.PROJECT, subject_id=1, district_id=chengguan.pk)]
    first = tasks.evaluate_all("2026-06-01")
    again = tasks.evaluate_all("2026-06-01")
    assert first["counts"]["W99"]["raised"] == 1 and again["counts"]["W99"]["raised"] == 0
    assert Warning.objects.count() == 1


def test_evaluate_rules_runs_only_the_codes(fake_rule, chengguan):
    result = tasks.evaluate_rules(["W01"], "2026-06-01")
    assert result["counts"] == {} and fake_rule.calls == 0
    assert tasks.evaluate_rules(["w99"], "2026-06-01")["counts"]["W99"]["raised"] == 0
    from earlywarning.models import EvaluationRun

    assert EvaluationRun.objects.latest("pk").trigger == RunTrigger.CHANGE


def test_dispatch_for_queues_after_commit(monkeypatch, django_capture_on_commit_callbacks):
    sent = []
    monkeypatch.setattr(tasks.evaluate_rules, "delay", lambda codes: sent.append(codes))
    with django_capture_on_commit_callbacks(execute=True):
        tasks.dispatch_for("case")
        tasks.dispatch_for("unknown")
        assert sent == []
    assert sent == [tasks.AFFECTED_RULES["case"]]


def test_recipients_by_role_and_scope(personas):
    a = personas.enterprise_a
    warning = WarningFactory(enterprise=a, rule="W99", shown_to_enterprise=True)
    from tests.earlywarning.conftest import FAKE_SPEC

    names = {u.username for u in recipients.users_for(warning, FAKE_SPEC)}
    assert names == {"enterprise_a_user", "chengguan_official"}
    warning.escalations = 1
    names = {u.username for u in recipients.users_for(warning, FAKE_SPEC)}
    assert names == {"enterprise_a_user", "chengguan_official", "city_admin", "city_leader"}


def test_the_cases_inspectors_are_told(personas):
    from django.utils import timezone

    from cases.models import CaseInspector

    case = CaseFactory(enterprise=personas.enterprise_a)
    CaseInspector.objects.create(case=case, inspector=personas.chengguan_inspector, assigned_at=timezone.now())
    other = UserFactory(username="recused", role=Role.INSPECTOR, district=personas.chengguan_official.district)
    CaseInspector.objects.create(case=case, inspector=other, assigned_at=timezone.now(), recused=True)
    from earlywarning.rules import w20_investigation_deadline

    warning = WarningFactory(enterprise=personas.enterprise_a, rule="W20", subject=Subject.CASE, subject_id=case.pk)
    names = {u.username for u in recipients.users_for(warning, w20_investigation_deadline.SPEC)}
    assert names == {"chengguan_inspector", "chengguan_official"}


def test_a_raised_warning_notifies_once_per_level(fake_rule, personas, notified, django_capture_on_commit_callbacks):
    from earlywarning import engine

    fake_rule.hits = [
        Hit(
            subject=Subject.PROJECT,
            subject_id=1,
            district_id=personas.enterprise_a.district_id,
            enterprise_id=personas.enterprise_a.pk,
        )
    ]
    with django_capture_on_commit_callbacks(execute=True):
        engine.evaluate(on=D(2026, 6, 1))
    with django_capture_on_commit_callbacks(execute=True):
        engine.evaluate(on=D(2026, 6, 1))
    assert len(notified) == 1
    users, kwargs = notified[0]
    warning = Warning.objects.get()
    assert users == ["chengguan_official", "enterprise_a_user"]
    assert kwargs["kind"] == "warning.raised" and kwargs["key"] == f"warning:{warning.pk}:yellow:0"
    assert kwargs["link"] == f"/warnings/{warning.pk}/" and "W99" in kwargs["title"]
