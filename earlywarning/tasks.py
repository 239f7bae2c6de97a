"""Celery tasks of the early-warning engine. They acknowledge late and are rejected when their worker dies, so a
killed run is taken up again; each run is idempotent (earlywarning.engine) and holds the evaluation lock, so a
redelivered or concurrent run never duplicates a warning."""

import datetime as dt

from celery import shared_task
from django.db import transaction

from . import engine
from .models import RunTrigger

# Which rules an import or a change affects (domain.md §13 evaluation notes); "*" runs every rule.
AFFECTED_RULES = {
    "payroll": ["W06", "W07", "W08", "W09", "W10", "W11", "W12", "W13", "W17"],
    "allocation": ["W06", "W07", "W08"],
    "attendance": ["W06", "W09", "W10", "W14", "W17"],
    "case": ["W17", "W18", "W19", "W20", "W21", "W22"],
}


@shared_task(name="earlywarning.evaluate_all", acks_late=True, reject_on_worker_lost=True)
def evaluate_all(on: str | None = None) -> dict:
    """The nightly full evaluation."""
    return _summary(engine.evaluate(on=_day(on), trigger=RunTrigger.NIGHTLY))


@shared_task(name="earlywarning.evaluate_rules", acks_late=True, reject_on_worker_lost=True)
def evaluate_rules(codes: list[str], on: str | None = None) -> dict:
    """The rules a change affects, evaluated again."""
    return _summary(engine.evaluate(on=_day(on), rules=codes, trigger=RunTrigger.CHANGE))


def dispatch_for(kind: str) -> None:
    """Queue the evaluation of the rules that a payroll, allocation, attendance import or a case change affects,
    once the current transaction commits (projects.hooks and cases.hooks call it from the services). A
    transaction that changes the same kind several times (a case filed and its first event) queues it once;
    a rollback queues nothing."""
    codes = AFFECTED_RULES.get(kind)
    if codes and not _pending(kind):
        transaction.on_commit(_Dispatch(kind, codes))


class _Dispatch:
    """The on-commit callback of one kind; it names its kind so that the transaction queues each kind once."""

    def __init__(self, kind, codes):
        self.kind, self.codes, self.sent = kind, codes, False

    def __call__(self):
        self.sent = True
        evaluate_rules.delay(self.codes)


def _pending(kind) -> bool:
    """Whether the current transaction already queues this kind (Django keeps the callbacks of the open
    transaction, with those of a rolled-back savepoint already dropped, in run_on_commit)."""
    connection = transaction.get_connection()
    return connection.in_atomic_block and any(isinstance(func, _Dispatch) and func.kind == kind and not func.sent
                                              for _sids, func, *_rest in connection.run_on_commit)


def _day(on):
    return dt.date.fromisoformat(on) if on else None


def _summary(run) -> dict:
    return {"run": run.pk, "status": run.status, "counts": run.counts, "errors": sorted(run.errors)}
