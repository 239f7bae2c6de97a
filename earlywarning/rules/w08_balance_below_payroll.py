"""W08: the dedicated wage account holds less than next month's expected payroll, taken as the average gross
payroll of the project's recent months (domain.md §13; 人社部发〔2021〕53号: the client tops up the labour cost
when the balance cannot pay the month's wages; Decree 724 Art. 29)."""

from django.utils.translation import gettext_lazy as _

from core import periods
from core.citations import Rule
from projects import facts

from .base import Level, Param, Recipient, RuleSpec, Subject
from .project_subjects import account_hit

SPEC = RuleSpec(
    code="W08",
    name=_("Wage account balance below the expected payroll"),
    subject=Subject.WAGE_ACCOUNT,
    level=Level.YELLOW,
    clear_within_workdays=10,
    recipients=(Recipient.ENTERPRISE,),
    citation=Rule(
        _("The client tops up the labour cost when the account cannot pay the month's wages"),
        "《保障农民工工资支付条例》第二十九条；人社部发〔2021〕53号",
    ),
    description=_(
        "The balance of the dedicated wage account is below next month's expected payroll: the average gross "
        "payroll of the project's months in the trailing window."
    ),
    how_to_clear=_("The construction client tops up the labour cost before the pay date."),
    params={
        "trailing_months": Param(3, _("Payroll months averaged (before the current month)"), minimum=1, maximum=12)
    },
    evidence_labels={
        "project": _("Project"),
        "balance": _("Account balance"),
        "expected_payroll": _("Expected monthly payroll (average gross)"),
        "payroll_months": _("Payroll months averaged"),
        "shortfall": _("Shortfall"),
    },
)


def evaluate(ctx):
    last = periods.add_months(periods.month_start(ctx.on), -1)
    first = periods.add_months(last, 1 - ctx.params["trailing_months"])
    for row in facts.balances_and_payroll(ctx.on, first=first, last=last):
        expected = row.expected_payroll
        if row.balance < expected:
            yield account_hit(
                row,
                balance=row.balance,
                expected_payroll=expected,
                payroll_months=row.payroll_months,
                shortfall=expected - row.balance,
            )
