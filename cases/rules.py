"""Regulation rules of complaint handling and casework, each named once with its source.

Sources (domain.md §6, §7):
- 劳动保障监察条例 (State Council Decree 423, 2004), Arts. 9, 14, 16, 17, 18, 20, 21, 26;
- 关于实施《劳动保障监察条例》若干规定 (劳社部令第25号, 2004), Art. 18;
- 保障农民工工资支付条例 (State Council Decree 724, 2019), Arts. 41, 42;
- 刑法 Art. 276-1 and 最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释 (法释〔2013〕3号).

Every deadline counts Chinese working days through core.workdays (start day not counted, holidays
skipped, make-up days counted). Amounts are Decimal.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from core import periods
from core.citations import Rule
from core.city_settings import city_setting

# 若干规定 (劳社部令第25号) Art. 18: decide on a complaint within 5 working days of receipt and file the
# case on the day of acceptance.
ACCEPTANCE_WORKDAYS = 5

# Decree 423 Art. 17: finish the investigation within 60 working days of filing; a complex case may be
# extended once (the case holds one extension) by 30 working days with the approval of the department head.
INVESTIGATION_WORKDAYS = 60
EXTENSION_WORKDAYS = 30

# Decree 423 Art. 16: at least two inspectors carry out an investigation.
MIN_INSPECTORS = 2

# Decree 423 Art. 20: violations not discovered, reported or complained of within two years are not
# pursued; the period runs from the end of a continuing violation (unpaid wages are continuing).
LIMITATION_YEARS = 2

# Decree 423 Art. 26: wages not paid by the order's deadline carry additional compensation of 50% to
# 100% of the amount due, payable to the worker.
COMPENSATION_MIN_RATE = Decimal("0.50")
COMPENSATION_MAX_RATE = Decimal("1.00")

# Decree 423 Art. 14 and the city's emergency plan: a mass incident of 50 or more workers is major.
MAJOR_INCIDENT_WORKERS = 50

# 法释〔2013〕3号 Art. 3: "a large amount" is one worker's pay of three months or more within CNY
# 5,000–20,000, or ten or more workers' pay within CNY 30,000–100,000; each province's high court sets the
# figures inside these national ranges (cases.CriminalThreshold holds them per province).
CRIME_SINGLE_MONTHS = 3
CRIME_SINGLE_RANGE = (Decimal("5000"), Decimal("20000"))
CRIME_GROUP_WORKERS = 10
CRIME_GROUP_RANGE = (Decimal("30000"), Decimal("100000"))

# The province whose criminal thresholds apply (Lanzhou is in Gansu, division code 62).
DEFAULT_PROVINCE = "62"

# Platform policy, not a regulation: complaints about the same employer or project within this many
# days are grouped so that one case serves the whole group of workers.
DUPLICATE_WINDOW_DAYS = 30

# Platform policy: working days a rectification order gives by default (an inspector may change it).
DEFAULT_ORDER_WORKDAYS = 7

# The rules behind each deadline a case or complaint shows (page and API: the name and basis beside the date).
ACCEPTANCE_RULE = Rule(_("Decision on acceptance"), "《关于实施〈劳动保障监察条例〉若干规定》第十八条")
INVESTIGATION_RULE = Rule(_("Investigation deadline"), "《劳动保障监察条例》第十七条")
ORDER_RULE = Rule(_("Deadline to pay under the order"), "《劳动保障监察条例》第二十六条")
SUPERVISION_RULE = Rule(_("Listed supervision deadline"), "挂牌督办（本市督办要求）")
DEADLINE_RULES = {"acceptance_deadline": ACCEPTANCE_RULE, "investigation_deadline": INVESTIGATION_RULE,
                  "order_deadline": ORDER_RULE, "supervision_deadline": SUPERVISION_RULE}

CENT = Decimal("0.01")


def money(value) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def acceptance_deadline(received_on: dt.date, calendar) -> dt.date:
    return calendar.add_workdays(received_on, ACCEPTANCE_WORKDAYS)


def investigation_deadline(filed_on: dt.date, calendar, *, extended: bool = False) -> dt.date:
    days = INVESTIGATION_WORKDAYS + (EXTENSION_WORKDAYS if extended else 0)
    return calendar.add_workdays(filed_on, days)


def limitation_start(today: dt.date) -> dt.date:
    """The earliest end date of a violation that may still be pursued today (Decree 423 Art. 20): the two
    years run from the day after it ended (民法典 Arts. 201–202)."""
    return periods.earliest_start_running_on(today, years=LIMITATION_YEARS)


def is_time_barred(violation_ended_on: dt.date | None, today: dt.date) -> bool:
    return violation_ended_on is not None and violation_ended_on < limitation_start(today)


@dataclass(frozen=True)
class AcceptanceCheck:
    """The outcome of 若干规定 Art. 18's three conditions for one complaint."""

    ground: str = ""  # a RefusalGround value when a condition fails
    decision: str = ""  # the ComplaintStatus the rule calls for
    message: str = ""

    @property
    def passes(self) -> bool:
        return not self.ground


def check_acceptance(*, violation_ended_on, employer_identified: bool, within_inspection: bool,
                     in_jurisdiction: bool, arbitration_matter: bool, today: dt.date) -> AcceptanceCheck:
    """若干规定 Art. 18 (domain.md §6.2), in order:
    (a) within two years, else not accepted, with written notice;
    (b) an identifiable employer, else the complainant supplements the materials;
    (c) within labour inspection, else not accepted; within it but another department's → referred;
    Decree 423 Art. 21: arbitration or court matters are directed there."""
    if is_time_barred(violation_ended_on, today):
        return AcceptanceCheck("time_barred", "not_accepted",
                               _("The violation ended more than %(years)d years ago (Decree 423 Art. 20).")
                               % {"years": LIMITATION_YEARS})
    if not employer_identified:
        return AcceptanceCheck("no_employer", "supplement",
                               _("No identifiable employer: the complainant must supplement the materials."))
    if not within_inspection:
        return AcceptanceCheck("not_labour_inspection", "not_accepted",
                               _("The matter is not within labour inspection."))
    if arbitration_matter:
        return AcceptanceCheck("arbitration", "arbitration",
                               _("The matter belongs to labour-dispute arbitration or the courts "
                                 "(Decree 423 Art. 21)."))
    if not in_jurisdiction:
        return AcceptanceCheck("other_jurisdiction", "referred",
                               _("The matter is within labour inspection but another department's jurisdiction."))
    return AcceptanceCheck()


def compensation_amount(unpaid: Decimal, rate: Decimal) -> Decimal:
    """Decree 423 Art. 26: 50%–100% of the amount still due."""
    if not (COMPENSATION_MIN_RATE <= rate <= COMPENSATION_MAX_RATE):
        raise ValueError("rate outside 50%–100%")
    return money(unpaid * rate)


def is_major_incident(workers: int, on: dt.date | None = None) -> bool:
    """Major from the city's figure in force on the day (city setting major_incident_workers)."""
    return workers >= city_setting("major_incident_workers", on)


def crime_threshold_met(*, single_amount: Decimal, group_amount: Decimal, workers: int, months: int,
                        unpaid: Decimal) -> bool:
    """法释〔2013〕3号 Art. 3 with a province's figures. Case data is per case, not per worker, so the
    one-worker test uses the average owed per worker: if the average reaches the figure, at least one
    worker's pay does."""
    if workers <= 0 or unpaid <= 0:
        return False
    if workers >= CRIME_GROUP_WORKERS and unpaid >= group_amount:
        return True
    return months >= CRIME_SINGLE_MONTHS and unpaid / workers >= single_amount
