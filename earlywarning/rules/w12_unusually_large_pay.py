"""W12: one worker was paid more in a month, or in a calendar year, than a construction wage plausibly is: a
sign that the dedicated wage account is used for other payments (domain.md §13; the vendor rule of §9.5 item
18; Decree 724 Art. 26: the account is used only for that project's wages).

Counted per worker and project (the account the money left): a payroll month's paid amount, and the paid
amounts of the payroll months of one calendar year."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from core.citations import Rule
from projects import facts

from .base import Level, Param, Recipient, RuleSpec, Subject
from .project_subjects import employment_hit, months_back

SPEC = RuleSpec(
    code="W12",
    name=_("Unusually large pay to one worker"),
    subject=Subject.EMPLOYMENT,
    level=Level.RED,
    clear_within_workdays=3,
    recipients=(Recipient.ENTERPRISE, Recipient.DISTRICT),
    citation=Rule(
        _("The dedicated wage account is used only to pay the project's wages"),
        "《保障农民工工资支付条例》第二十六条",
    ),
    description=_(
        "One worker was paid more than the monthly limit in a payroll month, or more than the yearly limit over "
        "the payroll months of a calendar year, on one project: possible diversion through the wage account."
    ),
    how_to_clear=_("The general contractor explains the payments with evidence, or corrects the payroll."),
    params={
        "monthly_limit": Param(Decimal("50000"), _("Monthly limit per worker (CNY)"), kind="decimal", minimum=0),
        "yearly_limit": Param(Decimal("300000"), _("Yearly limit per worker (CNY)"), kind="decimal", minimum=0),
        "lookback_months": Param(12, _("Payroll months checked (up to the current month)"), minimum=1, maximum=36),
    },
    evidence_labels={
        "project": _("Project"),
        "worker": _("Worker"),
        "month": _("Payroll month"),
        "year": _("Year"),
        "paid": _("Paid"),
        "limit": _("Limit"),
        "months": _("Payroll months paid in the year"),
    },
)


def evaluate(ctx):
    months = months_back(ctx.on, ctx.params["lookback_months"])
    monthly, yearly = Decimal(ctx.params["monthly_limit"]), Decimal(ctx.params["yearly_limit"])
    for line in facts.pay_lines_above(months, monthly):
        yield employment_hit(
            line, f"{line.month:%Y-%m}", month=f"{line.month:%Y-%m}", paid=line.paid_amount, limit=monthly
        )
    for year in facts.yearly_pay_above(sorted({month.year for month in months}), yearly):
        yield employment_hit(year, str(year.year), year=year.year, months=year.months, paid=year.paid, limit=yearly)
