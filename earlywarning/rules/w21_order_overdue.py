"""W21: a rectification or payment order past its deadline without proof of compliance."""

from django.utils.translation import gettext_lazy as _

from cases import facts as case_facts
from core.citations import Rule

from .base import EvaluationContext, Hit, Level, Recipient, RuleSpec, Subject, evidence

SPEC = RuleSpec(
    code="W21",
    name=_("Order past its deadline"),
    subject=Subject.ORDER,
    level=Level.RED,
    clear_within_workdays=3,
    recipients=(Recipient.INSPECTOR, Recipient.DISTRICT, Recipient.CITY),
    citation=Rule(_("Deadline to pay under the order"), "《劳动保障监察条例》第二十六条"),
    description=_("The deadline of a rectification order has passed and the wages are not shown as paid."),
    how_to_clear=_(
        "Within 3 working days decide: additional compensation, deposit draw-down, list review or "
        "criminal-transfer review; record the payment when it is made."
    ),
    evidence_labels={
        "case_number": _("Case number"),
        "order_number": _("Order number"),
        "deadline": _("Pay by"),
        "amount_unpaid": _("Unpaid (CNY)"),
        "workers": _("Workers"),
    },
)


def unpaid(row):
    return max(row["amount_owed"] - row["recovered_amount"], 0)


def order_hit(row, subject: Subject, **figures) -> Hit:
    """A hit on the case's overdue order (W21) or on the case itself (W22), with the order's figures."""
    return Hit(
        subject=subject,
        subject_id=row["order_id"] if subject == Subject.ORDER else row["pk"],
        district_id=row["district_id"],
        enterprise_id=row["enterprise_id"],
        project_id=row["project_id"],
        evidence=evidence(
            case_number=row["number"],
            order_number=row["order_number"],
            deadline=row["deadline"],
            amount_unpaid=unpaid(row),
            workers=row["workers_owed"],
            **figures,
        ),
    )


def evaluate(ctx: EvaluationContext):
    for row in case_facts.overdue_orders(ctx.on):
        yield order_hit(row, Subject.ORDER)
