"""W23: an enterprise graded C or on the joint-punishment list is the general contractor of a newly registered
project (人社部发〔2021〕65号 Art. 12: its deposit rises; 人社部令第45号; grading 人社部规〔2016〕1号)."""

from django.utils.translation import gettext_lazy as _

from blacklist import facts as blacklist_facts
from core import periods
from core.citations import Rule
from enterprises import facts as enterprise_facts
from enterprises.choices import Grade
from projects import facts as project_facts

from .base import Hit, Level, Param, Recipient, RuleSpec, Subject, evidence

SPEC = RuleSpec(
    code="W23",
    name=_("Contractor graded C or listed on a new project"),
    subject=Subject.PROJECT,
    level=Level.ORANGE,
    clear_within_workdays=5,
    recipients=(Recipient.CITY, Recipient.DISTRICT),
    citation=Rule(
        _("Differentiated deposit rate and joint punishment"),
        "人社部发〔2021〕65号第十二条；人社部令第45号；人社部规〔2016〕1号",
    ),
    description=_(
        "A live project registered on the platform within the window has as its general contractor an "
        "enterprise whose credit grade is C, or whose listing on the joint-punishment list is in force."
    ),
    how_to_clear=_(
        "The deposit manager applies the increased rate before the deposit is stored, and the district "
        "puts the project on this quarter's inspection plan; then dispose of the warning with a note."
    ),
    params={"window_days": Param(30, _("Registered within (days)"), minimum=1, maximum=366)},
    evidence_labels={
        "registered_on": _("Registered on"),
        "contractor": _("General contractor"),
        "grade": _("Credit grade"),
        "listings": _("Listings in force (decision, listed on)"),
    },
)


def evaluate(ctx):
    # registered in the window of `window_days` days that ends with ctx.on
    since = periods.earliest_start_running_on(ctx.on, days=ctx.params["window_days"])
    projects = project_facts.projects_registered_since(since)
    contractors = {row["general_contractor_id"] for row in projects}
    if not contractors:
        return
    graded_c = enterprise_facts.with_grade(contractors, [Grade.C])
    listed = blacklist_facts.listings_in_force(contractors, ctx.on)
    names = enterprise_facts.names(set(graded_c) | set(listed))
    for row in projects:
        contractor = row["general_contractor_id"]
        if contractor not in graded_c and contractor not in listed:
            continue
        yield Hit(
            subject=Subject.PROJECT,
            subject_id=row["pk"],
            district_id=row["district_id"],
            enterprise_id=contractor,
            project_id=row["pk"],
            evidence=evidence(
                registered_on=row["registered_on"],
                contractor=names.get(contractor, ""),
                grade=graded_c.get(contractor, ""),
                listings=[[entry["decision_number"], entry["listed_on"]] for entry in listed.get(contractor, [])],
            ),
        )
