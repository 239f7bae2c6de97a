"""The contract between the engine and a warning rule (domain.md §13).

A rule is one module in earlywarning/rules/ with two names:

- ``SPEC``: a ``RuleSpec`` — its id, names, level, deadline to clear, recipients, citation, the parameters a
  city administrator may change (with their defaults, the one home of each number), and the labels of the
  evidence it stores. The catalogue page, the seed of the parameter table and the engine all read it.
- ``evaluate(ctx) -> Iterable[Hit]``: which subjects the rule holds for on ``ctx.on``. It asks the other apps
  through their fact modules (``projects.facts``, ``cases.facts``, …), which answer with one or a few set-based
  queries over the whole city; the rule never loops over projects issuing queries. It returns every subject
  for which the condition holds *now*; the engine raises what is new, leaves what is already open, and clears
  what is no longer returned. A rule never writes.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.citations import Rule


class Level(models.TextChoices):
    """Colours as in the common local scheme (domain.md §9.4, §13): yellow general, orange considerable,
    red high risk. Ordered: escalation moves one step up."""

    YELLOW = "yellow", _("Yellow")
    ORANGE = "orange", _("Orange")
    RED = "red", _("Red")

    @property
    def rank(self) -> int:
        return LEVEL_ORDER.index(self)

    def up(self) -> "Level":
        return LEVEL_ORDER[min(self.rank + 1, len(LEVEL_ORDER) - 1)]


LEVEL_ORDER = [Level.YELLOW, Level.ORANGE, Level.RED]


class Subject(models.TextChoices):
    """What a warning is about. The id is the primary key of that app's row."""

    PROJECT = "project", _("Project")
    ENTERPRISE = "enterprise", _("Enterprise")
    WAGE_ACCOUNT = "wage_account", _("Wage account")
    EMPLOYMENT = "employment", _("Employment")
    DEPOSIT = "deposit", _("Deposit")
    COMPLAINT = "complaint", _("Complaint")
    CASE = "case", _("Case")
    ORDER = "order", _("Order")
    LISTING = "listing", _("Joint-punishment listing")
    SYSTEM = "system", _("System")


class Recipient(models.TextChoices):
    """Who is told (domain.md §13 notification roles), resolved to users by the engine: enterprise users of
    the subject's enterprise, officials of the subject's district, the city, the case's inspectors."""

    ENTERPRISE = "enterprise", _("The enterprise (general contractor or employer)")
    DISTRICT = "district", _("District labour inspection")
    CITY = "city", _("City human resources and social security")
    INSPECTOR = "inspector", _("Handling inspector")
    CITY_ADMIN = "city_admin", _("City administrator")


@dataclass(frozen=True)
class Param:
    """A number the city may change (effective-dated rows in the engine's parameter table; this is the
    default the seed reads). ``kind`` is "int", "decimal" or "bool"."""

    default: Any
    label: str
    kind: str = "int"
    minimum: Any = None
    maximum: Any = None


@dataclass(frozen=True)
class RuleSpec:
    code: str  # "W09"
    name: str  # translatable, English source, zh-Hans in the catalogue
    subject: Subject
    level: Level  # level when raised (a hit may say higher)
    clear_within_workdays: int  # deadline to clear after raising, in working days
    recipients: tuple[Recipient, ...]
    citation: Rule
    description: str = ""  # translatable: the condition in one or two sentences
    how_to_clear: str = ""  # translatable: what clears it
    params: Mapping[str, Param] = field(default_factory=dict)
    evidence_labels: Mapping[str, str] = field(default_factory=dict)  # evidence key -> translatable label
    escalates: bool = True  # not cleared by the deadline -> one level up, to the next officials


@dataclass(frozen=True)
class Hit:
    """One subject for which a rule holds. ``part`` tells apart several warnings of one rule on one subject
    (a payroll month "2026-03"); at most one warning is open per (rule, subject, subject_id, part)."""

    subject: Subject
    subject_id: int
    district_id: int | None
    enterprise_id: int | None = None
    project_id: int | None = None
    part: str = ""
    level: Level | None = None  # None: the rule's level; higher: raised (or escalated) to it
    evidence: dict = field(default_factory=dict)  # frozen at raise time; see ``evidence()``

    @property
    def key(self) -> tuple:
        return (self.subject, self.subject_id, self.part)


@dataclass(frozen=True)
class EvaluationContext:
    on: dt.date  # the evaluation date (local date, Asia/Shanghai)
    params: Mapping[str, Any]  # the rule's parameters in force on ``on``


def evidence(**figures) -> dict:
    """JSON-safe evidence: Decimal and dates as strings, everything else as given."""
    return {key: _json_safe(value) for key, value in figures.items()}


def _json_safe(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    return value


Evaluate = Callable[[EvaluationContext], Iterable[Hit]]
