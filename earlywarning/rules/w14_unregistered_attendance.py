"""W14: days on site by a person without a labour contract signed before entry, or outside the period the person
is on the project's real-name roster (domain.md §13). One warning per project, listing the people."""

from django.utils.translation import gettext_lazy as _

from core.citations import Rule
from projects import facts as project_facts

from .base import Hit, Level, Param, Recipient, RuleSpec, Subject, evidence

NAMES_SHOWN = 20

SPEC = RuleSpec(
    code="W14",
    name=_("Attendance without real-name registration or labour contract"),
    subject=Subject.PROJECT,
    level=Level.ORANGE,
    clear_within_workdays=3,
    recipients=(Recipient.ENTERPRISE, Recipient.DISTRICT),
    citation=Rule(_("Labour contract and real-name registration before entering the site"),
                  "《保障农民工工资支付条例》第二十八条、第五十五条；《建筑工人实名制管理办法（试行）》"),
    description=_("In the current or recent months, a person had days on site while having no labour contract, "
                  "a contract signed only after entering the site, or no registration on the project's roster "
                  "for that month (before the registered entry or after the registered exit)."),
    how_to_clear=_("Register the person on the roster with the labour contract, correct the entry or exit "
                   "date, or remove the person from the site and correct the attendance."),
    params={"months_back": Param(1, _("Months before the current one whose attendance is checked"), minimum=0,
                                 maximum=12)},
    evidence_labels={
        "project": _("Project"),
        "workers": _("People concerned"),
        "no_contract": _("Without a labour contract"),
        "contract_after_entry": _("Contract signed after entry"),
        "outside_registration": _("Not on the roster in the month"),
        "latest_month": _("Latest month with such attendance"),
        "names": _("Names (first shown)"),
    },
)


def evaluate(ctx):
    months_back = int(ctx.params.get("months_back", SPEC.params["months_back"].default))
    since = ctx.on.replace(day=1)
    for _n in range(months_back):
        since = project_facts.previous_month(since)
    by_project = {}
    for row in project_facts.attendance_without_registration(ctx.on, since):
        by_project.setdefault(row.project_id, []).append(row)
    for project_id, rows in by_project.items():
        first = rows[0]
        yield Hit(subject=Subject.PROJECT, subject_id=project_id, district_id=first.district_id,
                  enterprise_id=first.enterprise_id, project_id=project_id,
                  evidence=evidence(project=first.project_code, workers=len(rows),
                                    no_contract=sum(r.no_contract for r in rows),
                                    contract_after_entry=sum(r.contract_after_entry for r in rows),
                                    outside_registration=sum(r.outside_registration for r in rows),
                                    latest_month=f"{max(r.month for r in rows):%Y-%m}",
                                    names=[r.worker_name for r in rows[:NAMES_SHOWN]]))
