"""Shared fixtures: ``run_rule`` (a rule with its SPEC's defaults) and a controllable rule for the engine's tests
(the hits it returns are whatever the test puts in ``fake_rule.hits``)."""

import datetime as dt
from types import SimpleNamespace

import pytest

from core.citations import Rule
from earlywarning import engine, recipients
from earlywarning.rules.base import EvaluationContext, Level, Recipient, RuleSpec, Subject

D = dt.date


def defaults(spec) -> dict:
    return {name: param.default for name, param in spec.params.items()}


@pytest.fixture
def run_rule():
    """run_rule(module, on, **params) -> the rule's hits, with the SPEC's defaults unless overridden."""

    def run(module, on, **params):
        return list(module.evaluate(EvaluationContext(on=on, params={**defaults(module.SPEC), **params})))

    return run


FAKE_SPEC = RuleSpec(
    code="W99",
    name="Test rule",
    subject=Subject.PROJECT,
    level=Level.YELLOW,
    clear_within_workdays=3,
    recipients=(Recipient.ENTERPRISE, Recipient.DISTRICT),
    citation=Rule("Test", "测试"),
    evidence_labels={"amount": "Amount"},
)


@pytest.fixture
def fake_rule(monkeypatch):
    state = SimpleNamespace(hits=[], fail=False, calls=0)

    def evaluate(ctx):
        state.calls += 1
        if state.fail:
            raise RuntimeError("broken rule")
        return list(state.hits)

    rules = [(FAKE_SPEC, evaluate)]
    monkeypatch.setattr(engine, "all_rules", lambda: rules)
    monkeypatch.setattr(recipients, "all_rules", lambda: rules)
    state.rules = rules
    return state


@pytest.fixture
def notified(monkeypatch):
    calls = []

    def notify(users, **kwargs):
        calls.append((sorted(u.username for u in users), kwargs))
        return len(calls)

    monkeypatch.setattr(recipients.notifications, "notify", notify)
    return calls
