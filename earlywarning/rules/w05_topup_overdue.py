"""W05: a deposit drawn on and not restored by its top-up deadline (人社部发〔2021〕65号 Art. 14: within 10 working
days of the use, deposits.choices.TOPUP_WORKDAYS, stored as Deposit.topup_due_on; Decree 724 Art. 55)."""

from django.utils.translation import gettext_lazy as _

from core.citations import Rule
from core.workdays import WorkdayCalendar
from deposits import facts as deposit_facts

from ._rows import deposit_hit
from .base import Level, Recipient, RuleSpec, Subject, evidence

SPEC = RuleSpec(
    code="W05",
    name=_("Deposit not restored after a draw"),
    subject=Subject.DEPOSIT,
    level=Level.RED,
    clear_within_workdays=3,
    recipients=(Recipient.ENTERPRISE, Recipient.CITY, Recipient.DISTRICT),
    citation=Rule(
        _("Deadline to top the deposit up"), "人社部发〔2021〕65号第十四条；《保障农民工工资支付条例》第五十五条"
    ),
    description=_(
        "The deposit was drawn on to pay wages, and the general contractor has not restored it (or handed "
        "in a new guarantee of the same amount) by the top-up deadline counted in working days from the "
        "use."
    ),
    how_to_clear=_(
        "The general contractor tops the deposit up to the required amount and the deposit manager "
        "records it; otherwise the case goes to enforcement."
    ),
    evidence_labels={
        "drawn_on": _("Drawn on"),
        "drawn_amount": _("Amount drawn (CNY)"),
        "topup_due_on": _("Top-up due by"),
        "held": _("Held now (CNY)"),
        "required_amount": _("Required amount (CNY)"),
        "workdays_late": _("Working days past the deadline"),
    },
)


def evaluate(ctx):
    calendar = WorkdayCalendar()
    for row in deposit_facts.topups_overdue(due_before=ctx.on):
        drawn = row["drawn_amount"]
        yield deposit_hit(
            row,
            evidence=evidence(
                drawn_on=row["drawn_on"],
                drawn_amount=-drawn if drawn is not None else None,
                topup_due_on=row["topup_due_on"],
                held=row["held"],
                required_amount=row["required_amount"],
                workdays_late=calendar.workdays_between(row["topup_due_on"], ctx.on),
            ),
        )
