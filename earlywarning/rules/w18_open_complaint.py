"""W18: an open complaint or clue against a project or an enterprise (domain.md §13)."""

from django.utils.translation import gettext_lazy as _

from cases import facts as case_facts
from core.citations import Rule
from core.city_settings import city_setting

from .base import EvaluationContext, Hit, Level, Param, Recipient, RuleSpec, Subject, evidence

SPEC = RuleSpec(
    code="W18",
    name=_("Open complaint or clue"),
    subject=Subject.COMPLAINT,
    level=Level.YELLOW,
    clear_within_workdays=10,
    # The employer is not told: complainants are protected (Decree 423 Art. 9); the case's deadlines are W19–W21.
    recipients=(Recipient.DISTRICT,),
    citation=Rule(_("Handling of wage-arrears complaints"), "《保障农民工工资支付条例》第十条、第二十九条"),
    description=_(
        "A complaint or clue about unpaid wages is waiting for a decision, or its case is still open. "
        "Red when it concerns a collective of workers or reaches the provincial criminal threshold."
    ),
    how_to_clear=_("Decide on the complaint and close its case; the warning clears by itself."),
    params={"collective_workers": Param(10, _("Workers that make a complaint collective"), minimum=2, maximum=100)},
    evidence_labels={
        "tracking_number": _("Tracking number"),
        "received_on": _("Received on"),
        "workers": _("Workers"),
        "amount_owed": _("Amount owed (CNY)"),
        "months": _("Months owed"),
        "case_number": _("Case number"),
        "collective": _("Collective complaint"),
        "criminal_threshold": _("Criminal threshold reached"),
    },
    escalates=False,
)


def months_between(start, end) -> int:
    if start is None or end is None or end < start:
        return 0
    return (end.year - start.year) * 12 + end.month - start.month + 1


def evaluate(ctx: EvaluationContext):
    figures = case_facts.crime_threshold_in_force(city_setting("crime_threshold_province", ctx.on), ctx.on)
    for row in case_facts.open_complaints():
        months = months_between(row["owed_from"], row["owed_to"])
        collective = row["workers_count"] >= ctx.params["collective_workers"]
        criminal = figures is not None and case_facts.crime_threshold_met(
            single_amount=figures[0],
            group_amount=figures[1],
            workers=row["workers_count"],
            months=months,
            unpaid=row["amount_owed"],
        )
        yield Hit(
            subject=Subject.COMPLAINT,
            subject_id=row["pk"],
            district_id=row["district_id"],
            enterprise_id=row["enterprise_id"],
            project_id=row["project_id"],
            level=Level.RED if collective or criminal else None,
            evidence=evidence(
                tracking_number=row["tracking_number"],
                received_on=row["received_on"],
                workers=row["workers_count"],
                amount_owed=row["amount_owed"],
                months=months,
                case_number=row["case_number"] or "",
                collective=collective,
                criminal_threshold=criminal,
            ),
        )
