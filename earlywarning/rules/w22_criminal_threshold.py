"""W22: the criminal threshold is met and the order ran out unpaid (W21's condition): transfer to the police."""

from django.utils.translation import gettext_lazy as _

from cases import facts as case_facts
from core.citations import Rule
from core.city_settings import city_setting

from .base import EvaluationContext, Level, Recipient, RuleSpec, Subject
from .w21_order_overdue import order_hit, unpaid

SPEC = RuleSpec(
    code="W22",
    name=_("Criminal threshold met"),
    subject=Subject.CASE,
    level=Level.RED,
    clear_within_workdays=3,
    recipients=(Recipient.DISTRICT, Recipient.CITY),
    citation=Rule(_("Refusal to pay labour remuneration"), "《刑法》第二百七十六条之一；法释〔2013〕3号第三条、第四条"),
    description=_(
        "An order ran out unpaid and the unpaid wages reach the province's criminal threshold (one "
        "worker for three months or more, or ten or more workers)."
    ),
    how_to_clear=_("Transfer the case to the public security organ promptly."),
    evidence_labels={
        "case_number": _("Case number"),
        "order_number": _("Order number"),
        "deadline": _("Pay by"),
        "amount_unpaid": _("Unpaid (CNY)"),
        "workers": _("Workers"),
        "months": _("Months owed"),
        "single_threshold": _("One-worker threshold (CNY)"),
        "group_threshold": _("Group threshold (CNY)"),
    },
)


def evaluate(ctx: EvaluationContext):
    figures = case_facts.crime_threshold_in_force(city_setting("crime_threshold_province", ctx.on), ctx.on)
    if figures is None:
        return
    single, group = figures
    for row in case_facts.overdue_orders(ctx.on):
        amount = unpaid(row)
        if not case_facts.crime_threshold_met(
            single_amount=single,
            group_amount=group,
            workers=row["workers_owed"],
            months=row["months_owed"],
            unpaid=amount,
        ):
            continue
        yield order_hit(row, Subject.CASE, months=row["months_owed"], single_threshold=single, group_threshold=group)
