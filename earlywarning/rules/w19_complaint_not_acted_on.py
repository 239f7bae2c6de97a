"""W19: a complaint still RECEIVED after its decision deadline (若干规定 Art. 18: 5 working days)."""

from django.utils.translation import gettext_lazy as _

from cases import facts as case_facts
from core.citations import Rule
from core.workdays import WorkdayCalendar

from .base import EvaluationContext, Hit, Level, Recipient, RuleSpec, Subject, evidence

SPEC = RuleSpec(
    code="W19",
    name=_("Complaint not acted on"),
    subject=Subject.COMPLAINT,
    level=Level.RED,
    clear_within_workdays=1,
    recipients=(Recipient.DISTRICT,),
    citation=Rule(_("Decision on acceptance"), "《关于实施〈劳动保障监察条例〉若干规定》第十八条"),
    description=_(
        "A complaint was received more than the statutory working days ago and has not been accepted, "
        "refused, sent back for supplement or referred."
    ),
    how_to_clear=_("Decide on the complaint at once."),
    evidence_labels={
        "tracking_number": _("Tracking number"),
        "received_on": _("Received on"),
        "decision_due": _("Decision due"),
        "workdays_late": _("Working days late"),
    },
)


def evaluate(ctx: EvaluationContext):
    calendar = WorkdayCalendar()
    for row in case_facts.complaints_past_decision(ctx.on, calendar):
        yield Hit(
            subject=Subject.COMPLAINT,
            subject_id=row["pk"],
            district_id=row["district_id"],
            enterprise_id=row["enterprise_id"],
            project_id=row["project_id"],
            evidence=evidence(
                tracking_number=row["tracking_number"],
                received_on=row["received_on"],
                decision_due=row["due"],
                workdays_late=calendar.workdays_between(row["due"], ctx.on),
            ),
        )
