"""W13: a month's payroll has lines its workers have not signed or confirmed, or lacks ledger fields
(domain.md §13; Decree 724 Art. 15: the payroll ledger's fields, Art. 31: each worker signs the payroll, Arts.
54 and 56). The worker's ID, days worked, gross, deductions and net pay are required on every line; what can be
missing is a paid line's payment voucher (the bank reference) or its payment date."""

from django.utils.translation import gettext_lazy as _

from core import periods
from core.citations import Rule
from projects import facts

from .base import Level, Param, Recipient, RuleSpec, Subject
from .project_subjects import project_hit

SPEC = RuleSpec(
    code="W13",
    name=_("Payroll not confirmed by the workers or incomplete"),
    subject=Subject.PROJECT,
    level=Level.YELLOW,
    clear_within_workdays=10,
    recipients=(Recipient.ENTERPRISE,),
    citation=Rule(
        _("The payroll ledger is complete and signed by each worker"),
        "《保障农民工工资支付条例》第十五条、第三十一条、第五十四条、第五十六条",
    ),
    description=_(
        "A month's payroll has lines that the workers have not signed or confirmed, or paid lines without a "
        "bank reference or a payment date."
    ),
    how_to_clear=_("Have the workers sign or confirm the payroll and complete the payment vouchers."),
    params={"lookback_months": Param(12, _("Payroll months checked (up to the current month)"), minimum=1, maximum=36)},
    evidence_labels={
        "project": _("Project"),
        "month": _("Payroll month"),
        "lines": _("Payroll lines"),
        "unconfirmed": _("Lines not signed or confirmed by the worker"),
        "no_voucher": _("Paid lines without a bank reference"),
        "no_paid_on": _("Paid lines without a payment date"),
    },
)


def evaluate(ctx):
    last = periods.month_start(ctx.on)
    first = periods.add_months(last, 1 - ctx.params["lookback_months"])
    for payroll in facts.incomplete_payrolls(first, last):
        yield project_hit(
            payroll,
            f"{payroll.month:%Y-%m}",
            month=f"{payroll.month:%Y-%m}",
            lines=payroll.lines,
            unconfirmed=payroll.unconfirmed,
            no_voucher=payroll.no_voucher,
            no_paid_on=payroll.no_paid_on,
        )
