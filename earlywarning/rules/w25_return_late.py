"""W25: a deposit return running late (人社部发〔2021〕65号 Art. 22: review within 5 working days of the application,
the confirmation within 3 working days after the review, deposits.choices.RETURN_REVIEW_WORKDAYS and
RETURN_CONFIRM_WORKDAYS, stored as Deposit.review_due_on and confirmation_due_on; deposits cleaned up at least every
six months, deposits.choices.CLEANUP_MONTHS)."""

from django.utils.translation import gettext_lazy as _

from core import periods
from core.citations import Rule
from deposits import facts as deposit_facts
from deposits.choices import CLEANUP_MONTHS

from ._rows import deposit_hit
from .base import Level, Recipient, RuleSpec, Subject, evidence

# the stages of deposits.facts.late_returns, as the evidence names them
STAGES = {
    "review": _("Application not reviewed in time"),
    "confirmation": _("Confirmation not issued in time"),
    "cleanup": _("Held after completion without an application"),
}

SPEC = RuleSpec(
    code="W25",
    name=_("Deposit return overdue"),
    subject=Subject.DEPOSIT,
    level=Level.YELLOW,
    clear_within_workdays=10,
    recipients=(Recipient.CITY,),
    citation=Rule(_("Return of the deposit"), "人社部发〔2021〕65号第二十二条"),
    description=_(
        "A return application is not reviewed by its review deadline; or it was reviewed and the return "
        "confirmation is not issued by its deadline; or the project was completed more than the clean-up "
        "period ago and the deposit is still held with no application under review. A completed project "
        "with no completion date recorded is not counted."
    ),
    how_to_clear=_(
        "Review the application and issue the confirmation, or notify the arrears found in writing; at "
        "the half-yearly clean-up, start the return of deposits of completed projects."
    ),
    evidence_labels={
        "stage": _("Stage"),
        "applied_on": _("Return applied for"),
        "review_due_on": _("Review due by"),
        "reviewed_on": _("Reviewed"),
        "confirmation_due_on": _("Confirmation due by"),
        "completed_on": _("Project completed"),
        "held": _("Held (CNY)"),
    },
)


def evaluate(ctx):
    completed_before = periods.earliest_start_running_on(ctx.on, months=CLEANUP_MONTHS)
    for row in deposit_facts.late_returns(ctx.on, completed_before):
        yield deposit_hit(
            row,
            part=row["stage"],
            evidence=evidence(
                stage=str(STAGES[row["stage"]]),
                applied_on=row["applied_on"],
                review_due_on=row["review_due_on"],
                reviewed_on=row["reviewed_on"],
                confirmation_due_on=row["confirmation_due_on"],
                completed_on=row["project__actual_completion_on"],
                held=row["held"],
            ),
        )
