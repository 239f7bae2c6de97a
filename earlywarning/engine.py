"""The early-warning engine: runs the rules of the catalogue and writes their results in bulk.

For each rule, in its own transaction: the hits of ``evaluate(ctx)`` are compared with the rule's open warnings
(one query); new subjects are raised (bulk insert, with their history lines), subjects no longer hit are cleared
("condition cleared"), a hit that says a higher level raises the warning's level, and a warning past its
deadline is escalated one level up with a new deadline, from the district to the city. A second run on
unchanged data changes nothing. A rule that fails is recorded in the run and the others still run. Two
evaluations never overlap (``evaluation_lock``)."""

import contextlib
import datetime as dt
import logging
import secrets
import time
import traceback
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from core.workdays import WorkdayCalendar

from . import recipients
from .models import (
    ClearedHow,
    EvaluationLock,
    EvaluationRun,
    EventKind,
    RunStatus,
    RunTrigger,
    Warning,
    WarningEvent,
    WarningStatus,
)
from .parameters import parameters_on
from .rules import all_rules
from .rules.base import EvaluationContext, Level, Recipient

logger = logging.getLogger("wagewatch.earlywarning")

LOCK_KEY = 1_200_012  # pg advisory lock key of the evaluation (issue 12)
LOCK_NAME = "evaluation"
STALE_LOCK_SECONDS = 6 * 3600  # the SQLite fallback: a holder that died this long ago no longer holds it


@contextlib.contextmanager
def evaluation_lock():
    """Yields True if this process holds the evaluation lock (released on exit), False if another holds it.
    PostgreSQL: a session advisory lock (released by the server if the worker dies). Elsewhere: a conditional
    update of one row, with a stale timeout."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
            acquired = cursor.fetchone()[0]
        try:
            yield acquired
        finally:
            if acquired:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        return
    token = secrets.token_hex(8)
    now = timezone.now()
    EvaluationLock.objects.get_or_create(name=LOCK_NAME)
    stale = now - dt.timedelta(seconds=STALE_LOCK_SECONDS)
    acquired = bool(
        EvaluationLock.objects.filter(name=LOCK_NAME)
        .filter(Q(held_since__isnull=True) | Q(held_since__lt=stale))
        .update(held_since=now, token=token)
    )
    try:
        yield acquired
    finally:
        if acquired:
            EvaluationLock.objects.filter(name=LOCK_NAME, token=token).update(held_since=None, token="")


@dataclass
class Outcome:
    raised: int = 0
    kept: int = 0
    cleared: int = 0
    escalated: int = 0
    level_raised: int = 0
    to_notify: list = field(default_factory=list)  # (warning pk, escalated?)

    def as_dict(self):
        return {
            "raised": self.raised,
            "kept": self.kept,
            "cleared": self.cleared,
            "escalated": self.escalated,
            "level_raised": self.level_raised,
        }


def selected_rules(codes=None):
    rules = all_rules()
    if codes:
        wanted = {c.upper() for c in codes}
        rules = [(spec, fn) for spec, fn in rules if spec.code in wanted]
    return rules


def evaluate(on=None, rules=None, trigger=RunTrigger.MANUAL, *, now=None) -> EvaluationRun:
    """Run the rules (all, or the codes in ``rules``) for the day ``on`` (today, local) and record the run."""
    on = on or timezone.localdate()
    now = now or timezone.now()
    chosen = selected_rules(rules)
    codes = [spec.code for spec, _fn in chosen]
    with evaluation_lock() as acquired:
        if not acquired:
            logger.info("evaluation_skipped on=%s trigger=%s (another run holds the lock)", on, trigger)
            return EvaluationRun.objects.create(
                started_at=now,
                finished_at=timezone.now(),
                on=on,
                trigger=trigger,
                status=RunStatus.SKIPPED,
                rules=codes,
            )
        close_interrupted_runs()
        run = EvaluationRun.objects.create(started_at=timezone.now(), on=on, trigger=trigger, rules=codes)
        calendar = WorkdayCalendar()
        for spec, fn in chosen:
            started = time.perf_counter()
            try:
                with transaction.atomic():
                    outcome = apply_rule(spec, fn, on, now=now, calendar=calendar)
                    pending = list(outcome.to_notify)
                    transaction.on_commit(lambda pending=pending: recipients.notify_warnings(pending))
                run.counts[spec.code] = outcome.as_dict()
            except Exception as exc:  # noqa: BLE001 - one failing rule is recorded and the others still run
                logger.exception("rule_failed rule=%s on=%s", spec.code, on)
                run.errors[spec.code] = f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=5)}"[:4000]
            run.durations[spec.code] = round(time.perf_counter() - started, 4)
        run.finished_at = timezone.now()
        run.status = RunStatus.FAILED if run.errors else RunStatus.SUCCEEDED
        run.save(update_fields=["finished_at", "status", "counts", "durations", "errors"])
    return run


INTERRUPTED = "the run stopped before it finished (its worker died); the task is delivered again"


def close_interrupted_runs() -> int:
    """Mark failed the runs still "running" when a run takes the lock: the lock is free, so whoever ran them
    is gone (a killed worker), and none stays "running" for ever. Rules it finished kept their results (each
    rule commits on its own); the redelivered task evaluates them all again without duplicating a warning."""
    return EvaluationRun.objects.filter(status=RunStatus.RUNNING).update(
        status=RunStatus.FAILED, finished_at=timezone.now(), errors={"*": INTERRUPTED})


def apply_rule(spec, fn, on, *, now, calendar) -> Outcome:
    """Evaluate one rule and write its differences (called inside the rule's transaction)."""
    ctx = EvaluationContext(on=on, params=parameters_on(spec.code, on, spec))
    hits = {}
    for hit in fn(ctx):
        level = Level(hit.level or spec.level)
        previous = hits.get(hit.key)
        if previous is None or level.rank > previous[1].rank:
            hits[hit.key] = (hit, level)
    open_rows = {
        (w.subject, w.subject_id, w.part): w
        for w in Warning.objects.select_for_update().filter(rule=spec.code, status=WarningStatus.OPEN)
    }
    outcome = Outcome()
    events: list[WarningEvent] = []

    new = [
        Warning(
            rule=spec.code,
            subject=hit.subject,
            subject_id=hit.subject_id,
            part=hit.part,
            district_id=hit.district_id,
            enterprise_id=hit.enterprise_id,
            project_id=hit.project_id,
            level=level,
            shown_to_enterprise=Recipient.ENTERPRISE in spec.recipients,
            evidence=hit.evidence,
            raised_at=now,
            raised_on=on,
            due_on=calendar.add_workdays(on, spec.clear_within_workdays),
        )
        for key, (hit, level) in hits.items()
        if key not in open_rows
    ]
    Warning.objects.bulk_create(new)
    events += [WarningEvent(warning=w, kind=EventKind.RAISED, at=now, level=w.level) for w in new]
    outcome.raised = len(new)
    outcome.to_notify += [(w.pk, False) for w in new]

    gone = [w.pk for key, w in open_rows.items() if key not in hits]
    if gone:
        Warning.objects.filter(pk__in=gone).update(
            status=WarningStatus.CLEARED, cleared_at=now, cleared_how=ClearedHow.CONDITION
        )
        events += [WarningEvent(warning_id=pk, kind=EventKind.CLEARED, at=now) for pk in gone]
    outcome.cleared = len(gone)

    changed = []
    for key, warning in open_rows.items():
        if key not in hits:
            continue
        outcome.kept += 1
        level = hits[key][1]
        current = Level(warning.level)
        if level.rank > current.rank:
            warning.level = level
            events.append(WarningEvent(warning=warning, kind=EventKind.LEVEL_RAISED, at=now, level=level))
            outcome.level_raised += 1
            outcome.to_notify.append((warning.pk, False))
            changed.append(warning)
        elif spec.escalates and warning.due_on < on and (current != Level.RED or warning.escalations == 0):
            warning.level = current.up()
            warning.escalations += 1
            warning.escalated_at = now
            warning.due_on = calendar.add_workdays(on, spec.clear_within_workdays)
            events.append(WarningEvent(warning=warning, kind=EventKind.ESCALATED, at=now, level=warning.level))
            outcome.escalated += 1
            outcome.to_notify.append((warning.pk, True))
            changed.append(warning)
    Warning.objects.bulk_update(changed, ["level", "escalations", "escalated_at", "due_on"])
    WarningEvent.objects.bulk_create(events)
    return outcome
