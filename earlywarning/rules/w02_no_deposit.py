"""W02: no wage deposit, guarantee or insurance after the deadline to store it (人社部发〔2021〕65号 Art. 5: within
20 working days of the trigger date, deposits.choices.STORE_WORKDAYS; Decree 724 Art. 55)."""

from django.utils.translation import gettext_lazy as _

from core.citations import Rule
from core.workdays import WorkdayCalendar
from deposits import facts as deposit_facts
from deposits.choices import STORE_WORKDAYS, TriggerKind

from ._deadlines import overdue_before
from .base import Hit, Level, Param, Recipient, RuleSpec, Subject, evidence

SPEC = RuleSpec(
    code="W02",
    name=_("No wage deposit or guarantee"),
    subject=Subject.PROJECT,
    level=Level.ORANGE,
    clear_within_workdays=10,
    recipients=(Recipient.ENTERPRISE, Recipient.CITY, Recipient.DISTRICT),
    citation=Rule(
        _("Deadline to store the deposit"), "人社部发〔2021〕65号第五条；《保障农民工工资支付条例》第五十五条"
    ),
    description=_(
        "A live project's wage deposit is neither stored, guaranteed, insured nor assessed exempt after "
        "its deadline to store it, counted in working days from the trigger date the deposit records "
        "(the construction permit or the contract). A project with no deposit record at all counts from "
        "its contract signing, the only trigger date a project records."
    ),
    how_to_clear=_(
        "The general contractor stores the deposit or hands in a guarantee or guarantee insurance; the "
        "deposit manager records it (or assesses the deposit, recording an exemption it grants)."
    ),
    params={"red_after_workdays": Param(10, _("Red after the deadline by (working days)"), minimum=1, maximum=60)},
    evidence_labels={
        "deposit_recorded": _("Deposit record exists"),
        "trigger": _("Deadline runs from"),
        "trigger_date": _("Trigger date"),
        "due_on": _("To be stored by"),
        "required_amount": _("Required amount (CNY)"),
        "workdays_late": _("Working days past the deadline"),
    },
)


def evaluate(ctx):
    calendar = WorkdayCalendar()
    red_before = overdue_before(ctx.on, ctx.params["red_after_workdays"], calendar)
    for row in deposit_facts.unstored_deposits(due_before=ctx.on):
        yield _hit(
            ctx,
            calendar,
            red_before,
            row["project_id"],
            row["project__district_id"],
            row["enterprise_id"],
            row["due_on"],
            deposit_recorded=True,
            trigger=str(TriggerKind(row["trigger"]).label),
            trigger_date=row["trigger_date"],
            required_amount=row["required_amount"],
        )
    for row in deposit_facts.projects_without_deposit(overdue_before(ctx.on, STORE_WORKDAYS, calendar)):
        due_on = calendar.add_workdays(row["contract_signed_on"], STORE_WORKDAYS)
        yield _hit(
            ctx,
            calendar,
            red_before,
            row["pk"],
            row["district_id"],
            row["general_contractor_id"],
            due_on,
            deposit_recorded=False,
            trigger=str(TriggerKind.CONTRACT.label),
            trigger_date=row["contract_signed_on"],
            required_amount=None,
        )


def _hit(ctx, calendar, red_before, project_id, district_id, enterprise_id, due_on, **figures):
    return Hit(
        subject=Subject.PROJECT,
        subject_id=project_id,
        district_id=district_id,
        enterprise_id=enterprise_id,
        project_id=project_id,
        level=Level.RED if due_on < red_before else None,
        evidence=evidence(due_on=due_on, workdays_late=calendar.workdays_between(due_on, ctx.on), **figures),
    )
