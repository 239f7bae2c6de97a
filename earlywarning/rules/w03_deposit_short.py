"""W03: the deposit held is below what the rate engine requires (人社部发〔2021〕65号 Arts. 11–12: the base rate, cap,
floor and the reductions, exemptions and increases of deposits.rates under the policy in force)."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from core.citations import Rule
from deposits import facts as deposit_facts

from ._rows import deposit_hit
from .base import Level, Recipient, RuleSpec, Subject, evidence

SPEC = RuleSpec(
    code="W03",
    name=_("Deposit below the requirement"),
    subject=Subject.DEPOSIT,
    level=Level.YELLOW,
    clear_within_workdays=10,
    recipients=(Recipient.ENTERPRISE, Recipient.CITY),
    citation=Rule(_("Deposit rate"), "人社部发〔2021〕65号第十一条、第十二条"),
    description=_(
        "The cash held or the guarantee amount of a deposit on a project not yet complete is below its "
        "requirement: the amount assessed, or, when higher, the amount the deposit-rate engine gives "
        "today under the policy in force with the contractor's record now (for example after arrears, "
        "a grade C or a listing since the assessment)."
    ),
    how_to_clear=_(
        "The general contractor tops the deposit up (or hands in a guarantee for the full amount), or "
        "the deposit manager re-assesses it."
    ),
    evidence_labels={
        "held": _("Held (CNY)"),
        "required_amount": _("Required when assessed (CNY)"),
        "assessed_on": _("Assessed on"),
        "rate": _("Rate when assessed"),
        "required_now": _("Required under today's policy and record (CNY)"),
        "rate_now": _("Rate today"),
        "shortfall": _("Shortfall (CNY)"),
    },
)


def evaluate(ctx):
    for row in deposit_facts.held_for_construction(ctx.on):
        required = max(row["required_amount"], row["required_now"] or Decimal(0))
        held = row["held"] or Decimal(0)
        if held >= required:
            continue
        yield deposit_hit(
            row,
            evidence=evidence(
                held=held,
                required_amount=row["required_amount"],
                assessed_on=row["assessed_on"],
                rate=row["rate"],
                required_now=row["required_now"],
                rate_now=row["rate_now"],
                shortfall=required - held,
            ),
        )
