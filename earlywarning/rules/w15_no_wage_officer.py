"""W15: a project on site has no labour-wage officer recorded (domain.md §13; Decree 724 Art. 28: the general
contractor assigns a labour-wage officer to the project department; the Xinjiang platform rules: entered
before construction starts). On site: under construction or suspended (projects.facts.ON_SITE)."""

from django.utils.translation import gettext_lazy as _

from core.citations import Rule
from projects import facts
from projects.choices import ProjectStatus

from .base import Level, Recipient, RuleSpec, Subject
from .project_subjects import project_hit, site_text

SPEC = RuleSpec(
    code="W15",
    name=_("No labour-wage officer recorded"),
    subject=Subject.PROJECT,
    level=Level.YELLOW,
    clear_within_workdays=10,
    recipients=(Recipient.ENTERPRISE,),
    citation=Rule(
        _("The general contractor assigns a labour-wage officer to the project"),
        "《保障农民工工资支付条例》第二十八条",
    ),
    description=_("A project under construction or suspended has no labour-wage officer recorded."),
    how_to_clear=_("The general contractor appoints a labour-wage officer and records the name on the project."),
    evidence_labels={"project": _("Project"), "status": _("Status"), "actual_start_on": _("Actual start")},
)


def evaluate(ctx):
    for project in facts.projects_without_wage_officer():
        status = site_text(ProjectStatus(project.status).label)
        yield project_hit(project, status=status, actual_start_on=project.actual_start_on)
