"""The rules of the joint-punishment list and the publication of major violations, each named once with
its source (domain.md §5). Values a city may change are defaults of blacklist.BlacklistPolicy (data with
effective dates); the national ones are constants here.

Sources:
- 拖欠农民工工资失信联合惩戒对象名单管理暂行办法 (人社部令第45号, in force 2022-01-01), Arts. 5–15;
- 重大劳动保障违法行为社会公布办法 (人社部令第29号, in force 2017-01-01), Arts. 5–7;
- 保障农民工工资支付条例 (Decree 724) Art. 48: joint punishment;
- 法释〔2013〕3号 Art. 3: the amount of the crime of refusing to pay (cases.rules, per province).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from cases.facts import crime_threshold_met
from core import periods
from core.citations import Rule
from core.city_settings import city_setting

from .choices import ListingCriterion

# 45号 Art. 5: listing rests on an order to pay (限期支付) that went unpaid by its deadline, and then
# (1) arrears reaching the amount of the crime of refusing to pay, or (2) a mass or extreme incident.
CITATION_CRITERIA = "人社部令第45号第五条"
CRITERIA_RULE = Rule(_("Listing criteria"), CITATION_CRITERIA)

# 45号 (prior notice, 陈述申辩): the parties are told in writing and may object; the objection period is
# 5 working days by default [M: domain.md §5.1.4] — BlacklistPolicy.objection_workdays.
DEFAULT_OBJECTION_WORKDAYS = 5
CITATION_NOTICE = "人社部令第45号（事先告知、陈述申辩）"  # article number not confirmed (domain.md §14.3)
OBJECTION_RULE = Rule(_("Objection period"), CITATION_NOTICE)

# 45号: the list is kept for 3 years from the listing decision, then removed automatically (domain.md §5.1.8).
LISTING_YEARS = 3
CITATION_TERM = "人社部令第45号（惩戒期限）"  # article number not confirmed
TERM_RULE = Rule(_("Listing term"), CITATION_TERM)

# 45号 (信用修复): early removal when the arrears were corrected, at least 6 months have passed since the
# correction and the party signed a written integrity commitment; decided within 15 working days [M].
EARLY_REMOVAL_MONTHS = 6
DEFAULT_REMOVAL_DECISION_WORKDAYS = 15
CITATION_EARLY_REMOVAL = "人社部令第45号（信用修复、提前移出）"  # article number not confirmed
EARLY_REMOVAL_RULE = Rule(_("Decision on early removal"), CITATION_EARLY_REMOVAL)

# 45号 Art. 5 deadline [M]: decide within 20 working days after the order's deadline expired (informative:
# shown as the decision due date, not enforced, as the text was not read).
DECISION_WORKDAYS = 20
DECISION_RULE = Rule(_("Listing decision due"), CITATION_CRITERIA)

# Decree 724 Art. 48 and 65号 Art. 12: while listed the employer counts as grade C and its wage deposit
# rises by at least 100% (read by enterprises.grading and deposits.providers through our providers).
CITATION_JOINT_PUNISHMENT = "《保障农民工工资支付条例》第四十八条"

# 29号 Art. 5 (1): wage arrears of "a large amount" must be published; the figure is local
# (BlacklistPolicy.publication_min_amount, default the group criminal figure's lower national bound).
DEFAULT_PUBLICATION_MIN_AMOUNT = Decimal("30000.00")
CITATION_PUBLICATION = "人社部令第29号第五条"
PUBLICATION_RULE = Rule(_("Publication of major violations"), "人社部令第29号")
# 29号 (when to publish): prefecture and county bureaus publish once a quarter.
PUBLICATION_MONTHS = 3


# The rules behind each date an entry shows (page and API: the name and basis beside the date), by field.
DEADLINE_RULES = {"objection_deadline": OBJECTION_RULE, "expires_on": TERM_RULE,
                  "removal_decision_due": EARLY_REMOVAL_RULE}


@dataclass(frozen=True)
class Criterion:
    code: str
    label: str
    citation: str = CITATION_CRITERIA

    def as_dict(self) -> dict:
        return {"code": self.code, "label": str(self.label), "citation": self.citation}


@dataclass(frozen=True)
class CriteriaResult:
    """Whether 45号 Art. 5 is met, the criteria met, and (when not) why not."""

    met: tuple = ()
    refusals: tuple = ()
    decision_due: dt.date | None = None  # the order's deadline + the decision period (None: no deadline)

    @property
    def eligible(self) -> bool:
        return bool(self.met) and not self.refusals

    criteria_rule = CRITERIA_RULE
    decision_rule = DECISION_RULE


def listing_criteria(*, order_deadline: dt.date | None, overdue: bool, unpaid: Decimal, workers: int, months: int,
                     single_amount: Decimal | None, group_amount: Decimal | None, mass_incident: bool,
                     on: dt.date) -> CriteriaResult:
    """45号 Art. 5: the precondition (an order to pay, still unpaid when its deadline passed), then either
    criterion. `unpaid` is what was unpaid after the deadline; `overdue` whether the case went overdue."""

    refusals = []
    if order_deadline is None:
        refusals.append(_("No order to pay with a deadline was issued."))
    elif on <= order_deadline:
        refusals.append(_("The order's deadline has not passed yet."))
    elif not overdue or unpaid <= 0:
        refusals.append(_("The order was paid by its deadline."))
    met = []
    if single_amount is not None and group_amount is not None and unpaid > 0 and crime_threshold_met(
            single_amount=single_amount, group_amount=group_amount, workers=workers, months=months, unpaid=unpaid):
        met.append(Criterion(ListingCriterion.CRIME_THRESHOLD, ListingCriterion.CRIME_THRESHOLD.label))
    if mass_incident:
        met.append(Criterion(ListingCriterion.MASS_INCIDENT, ListingCriterion.MASS_INCIDENT.label))
    if not met:
        refusals.append(_("Neither criterion is met: the arrears stay below the criminal threshold and caused "
                          "no mass or extreme incident."))
    return CriteriaResult(tuple(met), tuple(str(r) for r in refusals))


def listing_last_day(listed_on: dt.date, years: int = LISTING_YEARS) -> dt.date:
    """The last day the listing is in force: the corresponding day `years` on (民法典 Arts. 201–202: the
    listing day is not counted; 29 February → 28 February)."""
    return periods.period_end(listed_on, years=years)


def listing_expires_on(listed_on: dt.date, years: int = LISTING_YEARS) -> dt.date:
    """The first day the listing no longer applies (ListingEntry.expires_on): the day after its last day."""
    return periods.first_day_after(listed_on, years=years)


def early_removal_eligible_on(corrected_on: dt.date, months: int = EARLY_REMOVAL_MONTHS) -> dt.date:
    """The first day on which "at least `months` months have passed since the correction": the period runs
    from the day after the payment to the corresponding day, so it is met the day after that."""
    return periods.first_day_after(corrected_on, months=months)


def early_removal_refusals(*, corrected_on: dt.date | None, commitment_signed_on: dt.date | None,
                           unpaid: Decimal, on: dt.date, months: int = EARLY_REMOVAL_MONTHS) -> list[str]:
    """What is missing for early removal (empty: the conditions are met)."""
    missing = []
    if unpaid > 0 or corrected_on is None:
        missing.append(str(_("The arrears have not been paid in full.")))
    elif on < early_removal_eligible_on(corrected_on, months):
        missing.append(str(_("Less than %(n)d months have passed since the arrears were paid (%(day)s).") % {
            "n": months, "day": f"{corrected_on:%Y-%m-%d}"}))
    if commitment_signed_on is None:
        missing.append(str(_("No written integrity commitment was signed.")))
    return missing


def quarter_of(day: dt.date) -> tuple[dt.date, dt.date, str]:
    """(first day, last day, label) of the publication period containing the day (29号 Art. 6): periods of
    the city setting publication_interval_months from January; a quarter is labelled like 2026Q3, another
    interval like 2026-07 (its first month), a year like 2026."""
    months = city_setting("publication_interval_months", day)
    first_month = (day.month - 1) // months * months + 1
    start = dt.date(day.year, first_month, 1)
    # calendar periods from January, not a period counted from an event: the day before the next one starts
    after = first_month + months
    end = (dt.date(day.year, after, 1) if after <= 12 else dt.date(day.year + 1, 1, 1)) - dt.timedelta(days=1)
    if months == PUBLICATION_MONTHS:
        label = f"{day.year}Q{(first_month - 1) // 3 + 1}"
    elif months >= 12:
        label = f"{day.year}"
    else:
        label = f"{day.year}-{first_month:02d}"
    return start, end, label


def publication_categories(*, unpaid_or_owed: Decimal, transferred: bool, mass_incident: bool,
                           min_amount: Decimal) -> list[str]:
    """29号 Art. 5 categories a closed arrears case falls in (empty: not to be published)."""
    from .choices import PublicationCategory

    found = []
    if transferred:
        found.append(PublicationCategory.JUDICIAL_TRANSFER.value)
    if unpaid_or_owed >= min_amount:
        found.append(PublicationCategory.LARGE_ARREARS.value)
    if mass_incident:
        found.append(PublicationCategory.SOCIAL_IMPACT.value)
    return found
