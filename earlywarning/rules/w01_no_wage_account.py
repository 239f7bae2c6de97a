"""W01: no dedicated wage account once the opening period after the construction contract has run out
(人社部发〔2021〕53号: within 30 days of signing, projects.rules.ACCOUNT_OPENING_DAYS; Decree 724 Arts. 26, 55)."""

from django.utils.translation import gettext_lazy as _

from core import periods
from core.citations import Rule
from core.workdays import WorkdayCalendar
from projects import facts as project_facts
from projects import rules as project_rules

from ._deadlines import overdue_before
from .base import Hit, Level, Param, Recipient, RuleSpec, Subject, evidence

SPEC = RuleSpec(
    code="W01",
    name=_("No dedicated wage account"),
    subject=Subject.PROJECT,
    level=Level.ORANGE,
    clear_within_workdays=10,
    recipients=(Recipient.ENTERPRISE, Recipient.DISTRICT),
    citation=Rule(
        _("Dedicated wage account opened after the contract"),
        "人社部发〔2021〕53号；《保障农民工工资支付条例》第二十六条、第五十五条",
    ),
    description=_(
        "A project not yet complete has signed its construction contract, the period to open the "
        "dedicated wage account has run out, and no account is open. Projects a province exempts from the "
        "account are not recorded on the platform and are warned as well: dispose of their warning with "
        "a note."
    ),
    how_to_clear=_(
        "The general contractor opens the dedicated wage account and records it on the project; if it "
        "stays missing, the district orders it to correct."
    ),
    params={"red_after_workdays": Param(10, _("Red after the deadline by (working days)"), minimum=1, maximum=60)},
    evidence_labels={
        "contract_signed_on": _("Contract signed"),
        "account_deadline": _("Account to be opened by"),
        "workdays_late": _("Working days past the deadline"),
    },
)


def evaluate(ctx):
    calendar = WorkdayCalendar()
    # signed before the first day whose opening period still runs on ctx.on: the period is over
    signed_before = periods.earliest_start_running_on(ctx.on, days=project_rules.ACCOUNT_OPENING_DAYS)
    red_before = overdue_before(ctx.on, ctx.params["red_after_workdays"], calendar)
    for row in project_facts.projects_without_account(signed_before):
        deadline = project_rules.account_deadline(row["contract_signed_on"])
        yield Hit(
            subject=Subject.PROJECT,
            subject_id=row["pk"],
            district_id=row["district_id"],
            enterprise_id=row["general_contractor_id"],
            project_id=row["pk"],
            level=Level.RED if deadline < red_before else None,
            evidence=evidence(
                contract_signed_on=row["contract_signed_on"],
                account_deadline=deadline,
                workdays_late=calendar.workdays_between(deadline, ctx.on),
            ),
        )
