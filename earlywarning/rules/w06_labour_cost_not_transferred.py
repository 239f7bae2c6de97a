"""W06: the client transferred no labour cost into the dedicated wage account by the agreed transfer date plus a
grace period, or none in the last calendar month while work went on (domain.md §13; Decree 724 Arts. 24, 27,
29, 57: the allocation cycle is at most a month, the bank reports funds not allocated as agreed).

The agreed date of a month is the account's transfer day (the month's last day when it is shorter). The
transfer for the last agreed date whose grace period is over counts from the day after the previous agreed
date's grace period, so that each transfer answers for one cycle; a late transfer clears the warning."""

from django.utils.translation import gettext_lazy as _

from core import periods
from core.citations import Rule
from projects import facts
from projects.choices import ProjectStatus

from .base import Level, Param, Recipient, RuleSpec, Subject
from .project_subjects import account_hit

SPEC = RuleSpec(
    code="W06",
    name=_("Labour cost not transferred into the wage account"),
    subject=Subject.WAGE_ACCOUNT,
    level=Level.ORANGE,
    clear_within_workdays=5,
    recipients=(Recipient.ENTERPRISE, Recipient.DISTRICT),
    citation=Rule(
        _("Labour costs are transferred into the dedicated account in full and on time"),
        "《保障农民工工资支付条例》第二十四条、第二十七条、第二十九条、第五十七条",
    ),
    description=_(
        "No labour-cost transfer reached the dedicated wage account by the agreed transfer date plus the grace "
        "period, or none in the last calendar month although the payroll shows days worked in it."
    ),
    how_to_clear=_("The construction client transfers the labour cost into the dedicated wage account."),
    params={"grace_days": Param(5, _("Grace period after the agreed transfer date (days)"), minimum=0, maximum=31)},
    evidence_labels={
        "project": _("Project"),
        "agreed_date": _("Agreed transfer date"),
        "deadline": _("Transfer due by"),
        "last_inflow_on": _("Last labour-cost transfer"),
        "month": _("Month without a transfer"),
        "days_worked": _("Days worked in that month (payroll lines; attendance is not recorded yet)"),
    },
)


def agreed_dates(day: int, on, grace: int):
    """(the last agreed date whose grace period ended before `on`, the agreed date of the month before it)."""
    month = periods.month_start(on)
    while periods.period_end(periods.day_in_month(month, day), days=grace) >= on:
        month = periods.add_months(month, -1)
    return periods.day_in_month(month, day), periods.day_in_month(periods.add_months(month, -1), day)


def evaluate(ctx):
    grace = ctx.params["grace_days"]
    last_month = periods.add_months(periods.month_start(ctx.on), -1)
    for row in facts.allocation_inflows(ctx.on, month=last_month):
        figures = {}
        if row.project_status == ProjectStatus.UNDER_CONSTRUCTION:
            due, previous = agreed_dates(row.allocation_day, ctx.on, grace)
            counts_from = periods.period_end(previous, days=grace)  # transfers after this answer for `due`
            started = row.actual_start_on is None or row.actual_start_on <= due
            if row.opened_on <= due and started and (row.last_inflow_on is None or row.last_inflow_on <= counts_from):
                figures.update(agreed_date=due, deadline=periods.period_end(due, days=grace))
        if row.days_worked > 0 and not row.month_inflow and row.opened_on <= periods.month_end(last_month):
            figures.update(month=f"{last_month:%Y-%m}", days_worked=row.days_worked)
        if figures:
            yield account_hit(row, last_inflow_on=row.last_inflow_on, **figures)
