"""W16: a project on site has no photo of its rights-information notice board, or the board lacks a required
item (domain.md §13 and §1.4 item 26; Decree 724 Arts. 34 and 56; the Yiling example "notice board not
uploaded"). The required items are projects.choices.NoticeBoardItem; what is missing is
Project.notice_board_missing (every item when there is no photo)."""

from django.utils.translation import gettext_lazy as _

from core.citations import Rule
from projects import facts

from .base import Level, Recipient, RuleSpec, Subject
from .project_subjects import project_hit, site_text

SPEC = RuleSpec(
    code="W16",
    name=_("Notice board missing or incomplete"),
    subject=Subject.PROJECT,
    level=Level.YELLOW,
    clear_within_workdays=5,
    recipients=(Recipient.ENTERPRISE,),
    citation=Rule(
        _("A rights-information notice board is set up in a conspicuous place on site"),
        "《保障农民工工资支付条例》第三十四条、第五十六条",
    ),
    description=_(
        "A project under construction or suspended has no photo of its rights-information notice board, or the "
        "board lacks one of the required items."
    ),
    how_to_clear=_("The general contractor uploads a photo of the complete notice board and ticks its contents."),
    evidence_labels={
        "project": _("Project"),
        "photo": _("Photo uploaded"),
        "missing_items": _("Items missing"),
    },
)


def evaluate(ctx):
    for project in facts.notice_board_gaps():
        missing = [site_text(item.label) for item in project.missing]
        yield project_hit(project, photo=project.photo, missing_items=missing)
