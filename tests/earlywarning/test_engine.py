"""The engine: raise, keep, clear, raise the level, escalate in working days, record failures, take the lock."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection

from earlywarning import engine
from earlywarning.models import ClearedHow, EvaluationRun, EventKind, RunStatus, Warning, WarningEvent, WarningStatus
from earlywarning.rules.base import Hit, Level, Subject, evidence

D = dt.date
pytestmark = pytest.mark.django_db(transaction=False)


def hit(district, n=1, level=None, part="", enterprise=None):
    return Hit(
        subject=Subject.PROJECT,
        subject_id=n,
        district_id=district.pk,
        part=part,
        level=level,
        enterprise_id=enterprise.pk if enterprise else None,
        evidence=evidence(amount=Decimal("12.50")),
    )


def test_a_second_run_on_unchanged_data_changes_nothing(
    fake_rule, chengguan, notified, django_capture_on_commit_callbacks
):
    fake_rule.hits = [hit(chengguan, 1), hit(chengguan, 2), hit(chengguan, 2, part="2026-03")]
    with django_capture_on_commit_callbacks(execute=True):
        first = engine.evaluate(on=D(2026, 6, 1))
    assert first.status == RunStatus.SUCCEEDED
    assert first.counts["W99"]["raised"] == 3
    events = WarningEvent.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        second = engine.evaluate(on=D(2026, 6, 1))
    assert second.counts["W99"] == {"raised": 0, "kept": 3, "cleared": 0, "escalated": 0, "level_raised": 0}
    assert Warning.objects.count() == 3 and WarningEvent.objects.count() == events
    warning = Warning.objects.get(subject_id=1)
    assert warning.evidence == {"amount": "12.50"}
    assert warning.level == Level.YELLOW and warning.raised_on == D(2026, 6, 1)
    assert warning.due_on == D(2026, 6, 4)  # 3 working days
    assert warning.shown_to_enterprise
    assert len(notified) == 3  # only on raising


def test_a_warning_clears_itself_when_its_condition_clears(fake_rule, chengguan):
    fake_rule.hits = [hit(chengguan, 1), hit(chengguan, 2)]
    engine.evaluate(on=D(2026, 6, 1))
    fake_rule.hits = [hit(chengguan, 2)]
    run = engine.evaluate(on=D(2026, 6, 2))
    assert run.counts["W99"]["cleared"] == 1
    cleared = Warning.objects.get(subject_id=1)
    assert cleared.status == WarningStatus.CLEARED and cleared.cleared_how == ClearedHow.CONDITION
    assert cleared.cleared_at is not None
    assert list(cleared.events.values_list("kind", flat=True)) == [EventKind.RAISED, EventKind.CLEARED]
    # the condition returns: a new warning, the old one stays as it was
    fake_rule.hits = [hit(chengguan, 1), hit(chengguan, 2)]
    engine.evaluate(on=D(2026, 6, 3))
    assert Warning.objects.filter(subject_id=1).count() == 2
    assert Warning.objects.filter(subject_id=1, status=WarningStatus.OPEN).count() == 1


def test_a_hit_saying_higher_raises_the_level_but_never_lowers_it(fake_rule, chengguan):
    fake_rule.hits = [hit(chengguan, 1)]
    engine.evaluate(on=D(2026, 6, 1))
    fake_rule.hits = [hit(chengguan, 1, level=Level.RED)]
    run = engine.evaluate(on=D(2026, 6, 2))
    assert run.counts["W99"]["level_raised"] == 1
    assert Warning.objects.get().level == Level.RED
    fake_rule.hits = [hit(chengguan, 1)]
    engine.evaluate(on=D(2026, 6, 2))
    assert Warning.objects.get().level == Level.RED


def test_escalation_counts_working_days_across_a_holiday(
    fake_rule, chengguan, notified, django_capture_on_commit_callbacks
):
    # Raised on Tuesday 29 Sep 2026: 1–7 Oct are the National Day holidays (Sat 10 Oct is a
    # make-up workday in 2026), so 3 working days end on 9 October, not 2 October.
    fake_rule.hits = [hit(chengguan, 1)]
    engine.evaluate(on=D(2026, 9, 29))
    warning = Warning.objects.get()
    assert warning.due_on == D(2026, 10, 9)
    engine.evaluate(on=D(2026, 10, 9))
    assert Warning.objects.get().escalations == 0
    with django_capture_on_commit_callbacks(execute=True):
        run = engine.evaluate(on=D(2026, 10, 10))
    assert run.counts["W99"]["escalated"] == 1
    warning.refresh_from_db()
    assert warning.level == Level.ORANGE and warning.escalations == 1 and warning.escalated_at is not None
    assert warning.due_on > D(2026, 10, 10)
    assert warning.referred_to_city
    assert notified[-1][1]["key"] == f"warning:{warning.pk}:orange:1"
    again = engine.evaluate(on=D(2026, 10, 10))
    assert again.counts["W99"]["escalated"] == 0


def test_a_failing_rule_is_recorded_and_the_others_still_run(fake_rule, chengguan):
    calls = []

    def good(ctx):
        calls.append(ctx.on)
        return [hit(chengguan, 7)]

    from tests.earlywarning.conftest import FAKE_SPEC

    other = FAKE_SPEC.__class__(**{**FAKE_SPEC.__dict__, "code": "W98"})
    fake_rule.rules.append((other, good))
    fake_rule.fail = True
    run = engine.evaluate(on=D(2026, 6, 1))
    assert run.status == RunStatus.FAILED
    assert "broken rule" in run.errors["W99"]
    assert run.counts["W98"]["raised"] == 1 and calls == [D(2026, 6, 1)]
    assert set(run.durations) == {"W98", "W99"}


def test_two_evaluations_never_run_at_once(fake_rule, chengguan):
    fake_rule.hits = [hit(chengguan, 1)]
    other = connection.copy()  # a second session, as another worker would hold
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [engine.LOCK_KEY])
        run = engine.evaluate(on=D(2026, 6, 1))
        assert run.status == RunStatus.SKIPPED and fake_rule.calls == 0
        assert not Warning.objects.exists()
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [engine.LOCK_KEY])
    finally:
        other.close()
    assert engine.evaluate(on=D(2026, 6, 1)).status == RunStatus.SUCCEEDED
    assert EvaluationRun.objects.count() == 2


def test_the_lock_is_released_after_a_run(fake_rule):
    engine.evaluate(on=D(2026, 6, 1))
    with engine.evaluation_lock() as acquired:
        assert acquired


def test_the_row_lock_refuses_a_second_holder(fake_rule, monkeypatch):
    monkeypatch.setattr(connection, "vendor", "sqlite")
    with engine.evaluation_lock() as first:
        assert first
        with engine.evaluation_lock() as second:
            assert not second
            assert engine.evaluate(on=D(2026, 6, 1)).status == RunStatus.SKIPPED
    with engine.evaluation_lock() as again:
        assert again


def test_a_run_left_running_by_a_killed_worker_is_marked_failed_by_the_next(fake_rule, chengguan):
    fake_rule.hits = [hit(chengguan, 1)]
    engine.evaluate(on=D(2026, 6, 1))
    killed = EvaluationRun.objects.create(started_at=engine.timezone.now(), on=D(2026, 6, 1), rules=["W99"])
    assert killed.status == RunStatus.RUNNING  # what a worker killed mid-run leaves behind
    run = engine.evaluate(on=D(2026, 6, 1))
    killed.refresh_from_db()
    assert killed.status == RunStatus.FAILED and killed.finished_at is not None
    assert killed.errors == {"*": engine.INTERRUPTED}
    assert run.status == RunStatus.SUCCEEDED and run.counts["W99"]["raised"] == 0  # nothing raised twice
    assert Warning.objects.filter(status=WarningStatus.OPEN).count() == 1
    assert not EvaluationRun.objects.filter(status=RunStatus.RUNNING).exists()


def test_a_skipped_run_leaves_the_running_one_alone(fake_rule):
    running = EvaluationRun.objects.create(started_at=engine.timezone.now(), on=D(2026, 6, 1))
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [engine.LOCK_KEY])
        assert engine.evaluate(on=D(2026, 6, 1)).status == RunStatus.SKIPPED
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [engine.LOCK_KEY])
    finally:
        other.close()
    running.refresh_from_db()
    assert running.status == RunStatus.RUNNING  # its holder is alive: the lock was taken
