"""W24: a joint-punishment listing to act on: its term ends soon (or has ended and the expiry is not recorded),
or an early removal waits for its decision (人社部令第45号: 3 years, blacklist.rules.LISTING_YEARS; early removal
after payment, the months of blacklist.rules.EARLY_REMOVAL_MONTHS and a written commitment, decided within the
working days of blacklist.BlacklistPolicy)."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from blacklist import facts as blacklist_facts
from blacklist import rules as blacklist_rules
from blacklist.choices import ListingStatus
from core import periods
from core.citations import Rule

from .base import Hit, Level, Param, Recipient, RuleSpec, Subject, evidence

EXPIRY, REMOVAL = "expiry", "early_removal"

SPEC = RuleSpec(
    code="W24",
    name=_("Listing to remove or decide"),
    subject=Subject.LISTING,
    level=Level.YELLOW,
    clear_within_workdays=blacklist_rules.DEFAULT_REMOVAL_DECISION_WORKDAYS,
    recipients=(Recipient.DISTRICT,),
    citation=Rule(_("Listing term and early removal"), blacklist_rules.CITATION_EARLY_REMOVAL),
    description=_(
        "A listing in force reaches the end of its term within the notice period (or has reached it and "
        "the expiry is not recorded yet), or its early removal was requested with the conditions met "
        "(arrears paid, the months since payment passed, the integrity commitment signed) and waits for "
        "the decision. Orange once the term is over, red when the decision is overdue."
    ),
    how_to_clear=_(
        "Remove the listing at the end of its term (the daily expiry does it), or decide the early removal."
    ),
    params={"notice_days": Param(30, _("Warn before the end of the term (days)"), minimum=1, maximum=180)},
    evidence_labels={
        "decision_number": _("Decision number"),
        "listed_on": _("Listed on"),
        "last_day": _("Last day in force"),
        "days_left": _("Days left"),
        "corrected_on": _("Arrears paid on"),
        "commitment_signed_on": _("Integrity commitment signed on"),
        "removal_requested_on": _("Early removal requested on"),
        "removal_decision_due": _("Early removal: decide by"),
    },
    escalates=False,
)


def evaluate(ctx):
    # the last day in force (expires_on − 1) within the notice period: expires_on at most the day after it
    expires_by = periods.first_day_after(ctx.on, days=ctx.params["notice_days"])
    for row in blacklist_facts.listings_to_act_on(expires_by):
        base = {
            "subject": Subject.LISTING,
            "subject_id": row["pk"],
            "district_id": row["district_id"],
            "enterprise_id": row["enterprise_id"],
        }
        figures = {"decision_number": row["decision_number"], "listed_on": row["listed_on"]}
        if row["expires_on"] is not None and row["expires_on"] <= expires_by:
            last_day = row["expires_on"] - dt.timedelta(days=1)
            yield Hit(
                **base,
                part=EXPIRY,
                level=Level.ORANGE if last_day < ctx.on else None,
                evidence=evidence(**figures, last_day=last_day, days_left=(last_day - ctx.on).days),
            )
        if row["status"] == ListingStatus.REMOVAL_REQUESTED:
            due = row["removal_decision_due"]
            yield Hit(
                **base,
                part=REMOVAL,
                level=Level.RED if due is not None and due < ctx.on else None,
                evidence=evidence(
                    **figures,
                    corrected_on=row["corrected_on"],
                    commitment_signed_on=row["commitment_signed_on"],
                    removal_requested_on=row["removal_requested_on"],
                    removal_decision_due=due,
                ),
            )
