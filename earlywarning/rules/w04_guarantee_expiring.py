"""W04: a guarantee expires within the reminder month (or has expired) and the project is not complete
(人社部发〔2021〕65号 Art. 17: valid through construction, the bureau reminds one month before expiry,
deposits.choices.GUARANTEE_REMINDER_MONTHS)."""

from django.utils.translation import gettext_lazy as _

from core.citations import Rule
from deposits import facts as deposit_facts

from ._rows import deposit_hit
from .base import Level, Recipient, RuleSpec, Subject, evidence

SPEC = RuleSpec(
    code="W04",
    name=_("Guarantee about to expire"),
    subject=Subject.DEPOSIT,
    level=Level.YELLOW,
    clear_within_workdays=10,
    recipients=(Recipient.ENTERPRISE, Recipient.CITY),
    citation=Rule(_("Guarantee validity"), "人社部发〔2021〕65号第十七条"),
    description=_(
        "A bank guarantee or guarantee insurance held for a project not yet complete ends within the "
        "reminder period before its expiry; red once it has expired."
    ),
    how_to_clear=_(
        "The general contractor renews or extends the guarantee before it expires, and the deposit "
        "manager records the new end date."
    ),
    evidence_labels={
        "guarantor": _("Issuing bank or insurer"),
        "valid_until": _("Valid until"),
        "days_left": _("Days left"),
        "guarantee_amount": _("Guarantee amount (CNY)"),
    },
)


def evaluate(ctx):
    for row in deposit_facts.guarantees_expiring(ctx.on):
        yield deposit_hit(
            row,
            level=Level.RED if row["valid_until"] < ctx.on else None,
            evidence=evidence(
                guarantor=row["guarantor"],
                valid_until=row["valid_until"],
                days_left=(row["valid_until"] - ctx.on).days,
                guarantee_amount=row["guarantee_amount"],
            ),
        )
