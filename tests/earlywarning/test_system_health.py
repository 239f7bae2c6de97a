"""System health (to the city administrators): a provisional or missing calendar year, a failed or missing
nightly run."""

import datetime as dt

import pytest
from django.utils import timezone

from core.models import CalendarYear
from earlywarning.models import EvaluationRun, RunStatus, RunTrigger
from earlywarning.parameters import defaults
from earlywarning.rules import s01_calendar, s02_nightly_run
from earlywarning.rules.base import EvaluationContext, Level, Recipient

D = dt.date
pytestmark = pytest.mark.django_db


def run(rule, on):
    return list(rule.evaluate(EvaluationContext(on=on, params=defaults(rule.SPEC))))


def test_s01_a_provisional_year_in_use_is_yellow(monkeypatch):
    monkeypatch.setattr(s01_calendar.workdays, "covered_until", lambda confirmed=False: 2027)
    CalendarYear.objects.create(year=2027, provisional=True, note="暂定")
    hits = run(s01_calendar, D(2027, 3, 1))
    assert [(h.subject_id, h.level) for h in hits] == [(2027, None)]
    assert s01_calendar.SPEC.recipients == (Recipient.CITY_ADMIN,)


def test_s01_next_year_missing_is_red_from_the_warning_month(monkeypatch):
    monkeypatch.setattr(s01_calendar.workdays, "covered_until", lambda confirmed=False: 2026)
    assert run(s01_calendar, D(2026, 11, 30)) == []
    hits = run(s01_calendar, D(2026, 12, 1))
    assert [(h.subject_id, h.level) for h in hits] == [(2027, Level.RED)]


def nightly(status, when):
    return EvaluationRun.objects.create(
        started_at=when,
        finished_at=when,
        on=timezone.localdate(when),
        trigger=RunTrigger.NIGHTLY,
        status=status,
        errors={"W09": "boom"} if status == RunStatus.FAILED else {},
    )


def test_s02_a_failed_or_missing_nightly_run():
    on = D(2026, 6, 10)
    at = timezone.make_aware(dt.datetime(2026, 6, 10, 2, 30))
    assert len(run(s02_nightly_run, on)) == 1  # none ever ran
    nightly(RunStatus.SUCCEEDED, at - dt.timedelta(days=1))
    assert run(s02_nightly_run, on) == []
    nightly(RunStatus.FAILED, at)
    hits = run(s02_nightly_run, on)
    assert len(hits) == 1 and hits[0].evidence["failed_rules"] == ["W09"]
    # two days without a finished nightly run
    assert len(run(s02_nightly_run, D(2026, 6, 10))) == 1
    nightly(RunStatus.SUCCEEDED, at + dt.timedelta(hours=1))
    assert run(s02_nightly_run, D(2026, 6, 11)) == []
    assert len(run(s02_nightly_run, D(2026, 6, 12))) == 1
