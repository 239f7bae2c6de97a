"""W20: a case's investigation nearing or past its deadline (Decree 423 Art. 17: 60 working days, one
extension of 30 with the head's approval; the numbers are read from cases.rules through cases.facts)."""

from django.utils.translation import gettext_lazy as _

from cases import facts as case_facts
from core.citations import Rule
from core.workdays import WorkdayCalendar

from .base import EvaluationContext, Hit, Level, Param, Recipient, RuleSpec, Subject, evidence

SPEC = RuleSpec(
    code="W20",
    name=_("Investigation deadline"),
    subject=Subject.CASE,
    level=Level.YELLOW,
    clear_within_workdays=5,
    recipients=(Recipient.INSPECTOR, Recipient.DISTRICT),
    citation=Rule(_("Investigation deadline"), "《劳动保障监察条例》第十七条"),
    description=_(
        "A case has been under investigation for more than the pre-alert working days (yellow), more "
        "than the statutory working days without an approved extension, or more than the extended "
        "period (red)."
    ),
    how_to_clear=_("Decide the case, or request the head's approval of the extension."),
    params={"pre_alert_workdays": Param(50, _("Working days open before the pre-alert"), minimum=1, maximum=59)},
    evidence_labels={
        "case_number": _("Case number"),
        "filed_on": _("Filed on"),
        "workdays_open": _("Working days open"),
        "extended": _("Extension approved"),
        "investigation_deadline": _("Investigation due"),
    },
    escalates=False,
)


def latest_filing_with_more_than(on, n: int, calendar):
    """The latest filing day from which more than n working days have run by `on` (start day not counted)."""
    day, counted = on, 0
    while counted <= n:
        counted += calendar.is_workday(day)
        day = day.fromordinal(day.toordinal() - 1)
    return day


def evaluate(ctx: EvaluationContext):
    calendar = WorkdayCalendar()
    pre_alert = ctx.params["pre_alert_workdays"]
    statutory = case_facts.INVESTIGATION_WORKDAYS
    extended_limit = statutory + case_facts.EXTENSION_WORKDAYS
    filed_by = latest_filing_with_more_than(ctx.on, pre_alert, calendar)
    for row in case_facts.investigations_filed_by(filed_by):
        open_days = calendar.workdays_between(row["filed_on"], ctx.on)
        red = open_days > extended_limit or (open_days > statutory and not row["extended"])
        yield Hit(
            subject=Subject.CASE,
            subject_id=row["pk"],
            district_id=row["district_id"],
            enterprise_id=row["enterprise_id"],
            project_id=row["project_id"],
            level=Level.RED if red else None,
            evidence=evidence(
                case_number=row["number"],
                filed_on=row["filed_on"],
                workdays_open=open_days,
                extended=row["extended"],
                investigation_deadline=row["investigation_deadline"],
            ),
        )
