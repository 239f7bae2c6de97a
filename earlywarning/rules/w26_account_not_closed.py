"""W26: the dedicated wage account after completion (Decree 724 Art. 27: closed after completion, with no arrears,
after 30 days of publicity, projects.rules.ACCOUNT_CLOSING_PUBLICITY_DAYS).

The platform records neither the closing publicity nor the closing application of an account: the rule reads the
completion date, the account's movements and its closing date. "Still open after the publicity" counts the
publicity from the completion; "closed without the publicity" is an account closed before that publicity could
have run (or before the project was complete)."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from core import periods
from core.citations import Rule
from projects import facts as project_facts
from projects import rules as project_rules
from projects.choices import ProjectStatus

from .base import Hit, Level, Param, Recipient, RuleSpec, Subject, evidence

IDLE, CLOSED_EARLY = "idle", "closed_early"
ZERO = Decimal("0.00")
DONE = (ProjectStatus.COMPLETED, ProjectStatus.WAGES_SETTLED)

SPEC = RuleSpec(
    code="W26",
    name=_("Wage account not closed properly"),
    subject=Subject.WAGE_ACCOUNT,
    level=Level.YELLOW,
    clear_within_workdays=10,
    recipients=(Recipient.ENTERPRISE, Recipient.DISTRICT),
    citation=Rule(_("Closing the dedicated wage account"), "《保障农民工工资支付条例》第二十七条"),
    description=_(
        "A completed project's dedicated wage account is still open after the closing publicity and a "
        "further idle period with no movement; or an account was closed before the closing publicity "
        "could have run since the completion (or before completion). The platform records no closing "
        "publicity or closing application: the publicity is counted from the completion date."
    ),
    how_to_clear=_(
        "The general contractor publicises the completion, applies to close the account and records the "
        "closing; for an account closed early, check that no wages were owed and dispose of the warning "
        "with a note."
    ),
    params={
        "idle_days": Param(30, _("Open with no movement after the publicity for (days)"), minimum=1, maximum=365),
        "closed_lookback_days": Param(90, _("Check accounts closed within (days)"), minimum=1, maximum=730),
    },
    evidence_labels={
        "completed_on": _("Project completed"),
        "publicity_until": _("Closing publicity until"),
        "last_movement_on": _("Last movement"),
        "balance": _("Balance (CNY)"),
        "closed_on": _("Account closed"),
    },
    escalates=False,
)


def evaluate(ctx):
    publicity = project_rules.ACCOUNT_CLOSING_PUBLICITY_DAYS
    idle = ctx.params["idle_days"]
    # completed before the first day whose publicity + idle period still runs on ctx.on: both are over
    completed_before = periods.earliest_start_running_on(ctx.on, days=publicity + idle)
    idle_since = periods.earliest_start_running_on(ctx.on, days=idle)
    for row in project_facts.idle_accounts_after_completion(completed_before, idle_since):
        completed = row["project__actual_completion_on"]
        yield _hit(
            row,
            IDLE,
            completed_on=completed,
            publicity_until=periods.period_end(completed, days=publicity),
            last_movement_on=row["last_movement_on"],
            balance=(row["credits"] or ZERO) - (row["debits"] or ZERO),
        )
    closed_since = periods.earliest_start_running_on(ctx.on, days=ctx.params["closed_lookback_days"])
    for row in project_facts.accounts_closed_since(closed_since):
        completed = row["project__actual_completion_on"]
        done = row["project__status"] in DONE and completed is not None
        publicity_until = periods.period_end(completed, days=publicity) if done else None
        if done and row["closed_on"] > publicity_until:
            continue
        yield _hit(
            row,
            CLOSED_EARLY,
            completed_on=completed if done else None,
            publicity_until=publicity_until,
            closed_on=row["closed_on"],
        )


def _hit(row, part, **figures):
    return Hit(
        subject=Subject.WAGE_ACCOUNT,
        subject_id=row["pk"],
        district_id=row["project__district_id"],
        enterprise_id=row["project__general_contractor_id"],
        project_id=row["project_id"],
        part=part,
        evidence=evidence(**figures),
    )
