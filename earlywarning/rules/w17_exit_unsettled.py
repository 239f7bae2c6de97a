"""W17: a worker left the site and no final settlement was confirmed within 10 days (domain.md §13; vendor rule
§9.5 item 19). Red when the worker complained or reported after leaving."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cases import facts as case_facts
from core.citations import LOCAL_PRACTICE, Rule
from projects import facts as project_facts

from .base import Hit, Level, Param, Recipient, RuleSpec, Subject, evidence

SPEC = RuleSpec(
    code="W17",
    name=_("Worker left without a confirmed final settlement"),
    subject=Subject.EMPLOYMENT,
    level=Level.ORANGE,
    clear_within_workdays=5,
    recipients=(Recipient.ENTERPRISE, Recipient.DISTRICT),
    citation=Rule(_("Wages settled in full when the worker leaves, with the worker's signature"),
                  f"《保障农民工工资支付条例》第十二条、第十五条；{LOCAL_PRACTICE}"),
    description=_("A worker's exit from the site is recorded, and more than the set number of days later no "
                  "payroll of the exit month or later is paid in full and signed or confirmed by the worker. Red "
                  "when the worker has filed a complaint or a report since leaving."),
    how_to_clear=_("Settle the worker's wages in full through the dedicated account and record the worker's "
                   "signature or confirmation in the payroll."),
    params={"days_after_exit": Param(10, _("Days after the exit to settle and confirm"), minimum=1, maximum=60)},
    evidence_labels={
        "worker": _("Worker"),
        "project": _("Project"),
        "exited_on": _("Left the site"),
        "days_since_exit": _("Days since leaving"),
        "last_attendance_month": _("Last month with attendance"),
        "complaint_received_on": _("Complaint or report received"),
    },
)


def evaluate(ctx):
    days = int(ctx.params.get("days_after_exit", SPEC.params["days_after_exit"].default))
    rows = project_facts.exits_without_settlement(ctx.on, days)
    complaints = case_facts.complaints_by_people([r.worker_index for r in rows], ctx.on)
    for row in rows:
        complained = complaints.get(row.worker_index)
        complained = complained if complained and complained >= row.exited_on else None
        last = (f"{row.last_attendance_month:%Y-%m}" if row.last_attendance_month
                else gettext("no attendance recorded"))
        yield Hit(subject=Subject.EMPLOYMENT, subject_id=row.employment_id, district_id=row.district_id,
                  enterprise_id=row.employer_id, project_id=row.project_id,
                  level=Level.RED if complained else None,
                  evidence=evidence(worker=row.worker_name, project=row.project_code, exited_on=row.exited_on,
                                    days_since_exit=(ctx.on - row.exited_on).days, last_attendance_month=last,
                                    complaint_received_on=complained))
