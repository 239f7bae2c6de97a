"""W10: fewer workers paid than had attendance in a month (domain.md §13; vendor rules §9.5 items 17 and 20).
Yellow below 100 %; red when more than 10 % of the attended workers are unpaid."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from core.citations import LOCAL_PRACTICE, Rule
from projects import facts as project_facts

from .base import Hit, Level, Param, Recipient, RuleSpec, Subject, evidence

NAMES_SHOWN = 10

SPEC = RuleSpec(
    code="W10",
    name=_("Fewer workers paid than worked"),
    subject=Subject.PROJECT,
    level=Level.YELLOW,
    clear_within_workdays=10,
    recipients=(Recipient.ENTERPRISE, Recipient.DISTRICT),
    citation=Rule(_("Every worker on site is paid each month"),
                  f"《保障农民工工资支付条例》第十二条、第三十一条；{LOCAL_PRACTICE}"),
    description=_("After the effective pay date of a month, the workers paid are fewer than the workers with "
                  "days on site in that month (the paid headcount is below the attendance headcount). Red when "
                  "the unpaid share of the attended workers is above the threshold."),
    how_to_clear=_("Pay the missing workers and record it in the payroll, or explain why they were not due "
                   "(for example, left early and settled) in the disposal note."),
    params={"red_unpaid_share": Param(Decimal("0.10"), _("Red when the unpaid share of attended workers is "
                                                         "above (0–1)"), kind="decimal", minimum=Decimal("0"),
                                      maximum=Decimal("1"))},
    evidence_labels={
        "project": _("Project"),
        "month": _("Attendance month"),
        "pay_date": _("Effective pay date"),
        "attended_workers": _("Workers with attendance"),
        "paid_workers": _("Of them paid"),
        "unpaid_workers": _("Of them unpaid"),
        "paid_share": _("Paid share"),
        "unpaid_names": _("Unpaid workers (first names shown)"),
    },
)


def evaluate(ctx):
    red_share = Decimal(str(ctx.params.get("red_unpaid_share", SPEC.params["red_unpaid_share"].default)))
    for row in project_facts.paid_against_attended(ctx.on, names=NAMES_SHOWN):
        unpaid = row.attended - row.paid
        paid_share = (Decimal(row.paid) / Decimal(row.attended)).quantize(Decimal("0.0001"), ROUND_HALF_UP)
        red = Decimal(unpaid) > red_share * row.attended  # exact: no rounding at the threshold
        yield Hit(subject=Subject.PROJECT, subject_id=row.project_id, district_id=row.district_id,
                  enterprise_id=row.enterprise_id, project_id=row.project_id, part=f"{row.month:%Y-%m}",
                  level=Level.RED if red else None,
                  evidence=evidence(project=row.project_code, month=f"{row.month:%Y-%m}", pay_date=row.due_on,
                                    attended_workers=row.attended, paid_workers=row.paid, unpaid_workers=unpaid,
                                    paid_share=paid_share, unpaid_names=row.unpaid_names))
