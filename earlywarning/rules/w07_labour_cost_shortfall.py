"""W07: the labour cost transferred fell short of the agreed amount in consecutive months, or in several months
of a window (domain.md §13; Fujian 2018: "2 consecutive months or 3 months in total"; Decree 724 Arts. 29, 57).

A month counts when the account was open for all of it, after the month construction started, and the
project is under construction. What is due in a month is the agreed amount per cycle times the whole cycles
the month holds (at least one). Accounts agreed as a ratio of progress payments are not evaluated: the
platform records no progress payments (projects.facts.agreed_allocations)."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from core import periods
from core.citations import Rule
from projects import facts

from .base import Level, Param, Recipient, RuleSpec, Subject
from .project_subjects import account_hit

SPEC = RuleSpec(
    code="W07",
    name=_("Labour cost transferred short of the agreement"),
    subject=Subject.WAGE_ACCOUNT,
    level=Level.RED,
    clear_within_workdays=3,
    recipients=(Recipient.ENTERPRISE, Recipient.DISTRICT, Recipient.CITY),
    citation=Rule(
        _("The client transfers the labour cost in full and on time"),
        "《保障农民工工资支付条例》第二十四条、第二十九条、第五十七条",
    ),
    description=_(
        "The labour cost transferred into the dedicated wage account was below the agreed amount in consecutive "
        "months, or in several months of the window (accounts agreed as a fixed amount per cycle)."
    ),
    how_to_clear=_(
        "The construction client makes up the shortfall; if it does not, an order to correct is issued and the "
        "work-stop procedure follows."
    ),
    params={
        "consecutive_months": Param(2, _("Consecutive months short"), minimum=1, maximum=12),
        "total_months": Param(3, _("Months short in the window"), minimum=1, maximum=24),
        "window_months": Param(12, _("Window (months before the current month)"), minimum=1, maximum=24),
    },
    evidence_labels={
        "project": _("Project"),
        "agreed_amount": _("Agreed amount per cycle"),
        "cycle_days": _("Transfer cycle (days)"),
        "short_months": _("Months short (month, transferred, due)"),
        "longest_run": _("Longest run of consecutive months short"),
        "shortfall": _("Total shortfall"),
    },
)


def due_in(month, amount: Decimal, cycle_days: int) -> Decimal:
    """What the agreement requires in a calendar month: the whole cycles it holds, at least one."""
    return amount * max(1, periods.month_end(month).day // cycle_days)


def _counts(row, month) -> bool:
    started = row.actual_start_on is None or periods.month_start(row.actual_start_on) < month
    return periods.month_start(row.opened_on) < month and started


def evaluate(ctx):
    last = periods.add_months(periods.month_start(ctx.on), -1)
    first = periods.add_months(last, 1 - ctx.params["window_months"])
    months = [periods.add_months(first, n) for n in range(ctx.params["window_months"])]
    for row in facts.agreed_allocations(first, last):
        short, run, longest = [], 0, 0
        for month in months:
            due = due_in(month, row.allocation_amount, row.allocation_cycle_days)
            paid = row.inflows.get(month, Decimal("0"))
            if _counts(row, month) and paid < due:
                short.append((month, paid, due))
                run += 1
                longest = max(longest, run)
            else:
                run = 0
        if longest >= ctx.params["consecutive_months"] or len(short) >= ctx.params["total_months"]:
            yield account_hit(
                row,
                agreed_amount=row.allocation_amount,
                cycle_days=row.allocation_cycle_days,
                short_months=[[f"{month:%Y-%m}", paid, due] for month, paid, due in short],
                longest_run=longest,
                shortfall=sum((due - paid for _month, paid, due in short), Decimal("0")),
            )
