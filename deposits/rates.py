"""The deposit-rate engine: one module, every rule cited.

The rules (domain.md §2.2–2.3; 人社部发〔2021〕65号 = "65号"):

- 65号 Art. 11: the deposit is 1–3 % of the construction contract amount (of the annual amount for a
  multi-year contract); a cap per project may be set; a contractor with several live projects in the
  area may pay a lower rate, never below 0.5 %; a contract under CNY 3 million whose contractor had no
  wage arrears in the year before signing may be exempt.
- 65号 Art. 12: after 2 consecutive years without arrears the rate of new projects drops by at least
  50 %; after 3 years, with real-name management and the dedicated account in place, new projects may
  be exempt; arrears in the 2 years before raise the rate by at least 50 %; the serious-dishonesty list
  raises it by at least 100 %.
- Lanzhou 2013 [L]: a flat 3 % of the project cost before any start permit. Lanzhou 2017 [L]: the same
  base, with reductions and exemptions for good employers and higher rates for bad ones.

The values (rates, steps, thresholds, cap) are data: deposits.RatePolicy rows with effective dates per
jurisdiction, seeded by migration 0002 and editable by city administrators. This module applies them.
`assess()` is pure (no database); `inputs_for()` gathers the facts of one project.

Rules about combining (ours, stated in the explanation): reductions multiply; of several increases only
the largest applies (the blacklist +100 % already contains the arrears +50 %); a blacklisted contractor
gets no exemption or reduction. The arrears record is the case register (cases.facts); the
serious-dishonesty list is plugged in by the blacklist app (deposits.providers) and, while it is not,
grants nothing and charges nothing, and the explanation says so.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from cases import facts as case_facts
from core import periods
from core.city_settings import city_setting
from core.formats import money, percent, yuan
from projects import compliance
from projects.choices import ProjectStatus
from projects.models import Project, WageAccount
from projects.rules import account_deadline

from . import providers

# The arrears record of the rate explanation: the case register, read through cases.facts.
ARREARS_SOURCE = _lazy("case register")

__all__ = ["DEFAULT_JURISDICTION", "Line", "RateInputs", "RateResult", "assess", "assess_project", "inputs_for",
           "inputs_for_projects", "policy_for", "records_since", "years_clean"]

# The default of the city setting jurisdiction_code (GB/T 2260 division code): Lanzhou (兰州市). The code in
# force is read with core.city_settings.city_setting("jurisdiction_code").
DEFAULT_JURISDICTION = "620100"

ART_11 = "人社部发〔2021〕65号 第十一条"
ART_12 = "人社部发〔2021〕65号 第十二条"
CENT = Decimal("0.01")
ONE = Decimal(1)


@dataclass(frozen=True)
class Line:
    """One rule applied (or considered and not applied), with its legal basis."""

    code: str
    text: str
    citation: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class RateInputs:
    contract_amount: Decimal
    assessed_on: dt.date
    contract_signed_on: dt.date | None = None
    annual_amount: Decimal | None = None  # for multi-year contracts
    other_live_projects: int = 0
    arrears: list[dt.date] = field(default_factory=list)  # days arrears were established, in the window
    arrears_source: str = ""
    blacklisted: bool | None = None  # None: the list is not connected
    blacklist_source: str = ""
    grade: str = ""
    real_name_ok: bool | None = None
    account_ok: bool | None = None
    compliance_note: str = ""
    # 65号 Art. 12: the contractor's record in the city starts here (its first project or deposit, or the date
    # an official entered for earlier history). None: no record at all, so no clean years to count.
    record_since: dt.date | None = None
    record_source: str = ""

    def as_dict(self) -> dict:
        data = asdict(self)
        data["record_since"] = self.record_since.isoformat() if self.record_since else None
        data["contract_amount"] = str(self.contract_amount)
        data["annual_amount"] = str(self.annual_amount) if self.annual_amount is not None else None
        data["assessed_on"] = self.assessed_on.isoformat()
        data["contract_signed_on"] = self.contract_signed_on.isoformat() if self.contract_signed_on else None
        data["arrears"] = [d.isoformat() for d in self.arrears]
        return data


@dataclass
class RateResult:
    policy: object
    base_amount: Decimal
    rate: Decimal
    standard_amount: Decimal
    required_amount: Decimal
    adjustment: str
    lines: list[Line] = field(default_factory=list)

    @property
    def exempt(self) -> bool:
        return self.adjustment == "exempt"

    def explanation(self) -> list[dict]:
        return [line.as_dict() for line in self.lines]


def years_clean(last_arrears: dt.date | None, on: dt.date) -> int | None:
    """Whole years completed from the last arrears to `on`, counted as 民法典 Arts. 201–202 count them
    (None: no arrears in the record)."""
    if last_arrears is None:
        return None
    return periods.completed_years(last_arrears, on)


def _years_before(day: dt.date, years: int) -> dt.date:
    """The first day of the `years`-year window that still runs on `day`."""
    return periods.earliest_start_running_on(day, years=years)


def policy_for(on: dt.date, jurisdiction: str | None = None):
    from .models import RatePolicy

    jurisdiction = jurisdiction or city_setting("jurisdiction_code", on)
    policy = RatePolicy.objects.in_force_for(jurisdiction, on)
    if policy is None:
        raise LookupError(f"No deposit rate policy of {jurisdiction} is in force on {on}.")
    return policy


def _capped(policy, amount: Decimal) -> Decimal:
    return min(amount, policy.cap_amount) if policy.cap_amount is not None else amount


def assess(policy, inputs: RateInputs) -> RateResult:  # noqa: C901 (one rule after the other, on purpose)
    """Apply one policy to the facts of one project."""
    lines: list[Line] = []
    cite = policy.citation
    on = inputs.assessed_on
    # -- base (Art. 11 / the local rule)
    base = Decimal(inputs.contract_amount)
    if policy.base == "project_cost":
        lines.append(Line("base", _("Base: the project cost, %(amount)s.") % {"amount": yuan(base)}, cite))
    elif inputs.annual_amount:
        base = Decimal(inputs.annual_amount)
        lines.append(Line("base", _("Base: the annual amount of a multi-year contract, %(amount)s.")
                          % {"amount": yuan(base)}, ART_11))
    else:
        lines.append(Line("base", _("Base: the construction contract amount, %(amount)s.")
                          % {"amount": yuan(base)}, ART_11))
    lines.append(Line("standard", _("Standard rate of %(policy)s: %(rate)s.")
                      % {"policy": policy.name, "rate": percent(policy.base_rate)}, cite))
    standard_amount = money(_capped(policy, base * policy.base_rate))
    if policy.cap_amount is not None:
        lines.append(Line("cap", _("Cap per project: %(cap)s.") % {"cap": yuan(policy.cap_amount)}, ART_11))

    # -- what the records say
    arrears = inputs.arrears
    last = max(arrears) if arrears else None
    if last is None:
        lines.append(Line("arrears_none", _("Arrears record (%(source)s): no arrears in the last 3 years.")
                          % {"source": inputs.arrears_source}, ART_12))
    else:
        lines.append(Line("arrears_last", _("Arrears record (%(source)s): last arrears on %(day)s.")
                          % {"source": inputs.arrears_source, "day": last.isoformat()}, ART_12))
    clean = years_clean(last, on)
    # 65号 Art. 12 rewards a record of clean years in the area, not the absence of one: the years counted run
    # from the later of the last arrears and the start of the contractor's record in the city.
    clean_years = None
    if inputs.record_since is None:
        lines.append(Line("record_none", _("No earlier project or deposit of this contractor in the city: no "
                                           "years without arrears to count, the base rate applies."), ART_12))
    else:
        counted_from = max(d for d in (last, inputs.record_since) if d is not None)
        clean_years = periods.completed_years(counted_from, on)
        lines.append(Line("record_years", _(
            "Years without arrears counted from %(start)s (%(why)s) to %(end)s: %(n)d whole year(s).") % {
            "start": counted_from.isoformat(), "end": on.isoformat(), "n": clean_years,
            "why": (_("the last arrears") if last is not None and last >= inputs.record_since else
                    _("start of its record in the city: %(source)s") % {"source": inputs.record_source})},
            ART_12))
    if inputs.blacklisted is None:
        lines.append(Line("blacklist_unknown", _("Serious-dishonesty list: not connected, not applied."), ART_12))
    blacklisted = bool(inputs.blacklisted)

    def exempt(code, text, citation):
        lines.append(Line(code, text, citation))
        return RateResult(policy, base, Decimal(0), standard_amount, Decimal("0.00"), "exempt", lines)

    # -- exemptions (Art. 11 small contracts; Art. 12 three clean years)
    if blacklisted:
        lines.append(Line("blacklist_no_relief", _("On the serious-dishonesty list: no exemption or reduction."),
                          ART_12))
    threshold = policy.small_contract_threshold
    if threshold is not None and not blacklisted and Decimal(inputs.contract_amount) < threshold:
        signed = inputs.contract_signed_on or on
        if not [d for d in arrears if _years_before(signed, 1) <= d < signed]:
            return exempt("small_exempt", _("Exempt: contract below %(limit)s and no arrears in the year before "
                                            "signing (%(day)s).") % {"limit": yuan(threshold),
                                                                     "day": signed.isoformat()}, ART_11)
        lines.append(Line("small_arrears", _("Below %(limit)s, but arrears in the year before signing: "
                                             "not exempt.") % {"limit": yuan(threshold)}, ART_11))
    if policy.clean_three_years_exempt and not blacklisted and clean_years is not None and clean_years >= 3:
        compliant = inputs.real_name_ok and inputs.account_ok
        if not policy.exemption_needs_compliance or compliant:
            return exempt("clean3_exempt", _("Exempt: 3 years without arrears, with real-name management and the "
                                             "dedicated wage account in place."), ART_12)
        lines.append(Line("clean3_no_compliance", _("3 years without arrears, but not exempt: %(why)s")
                          % {"why": inputs.compliance_note or _("compliance not established")}, ART_12))

    # -- reductions
    rate = Decimal(policy.base_rate)
    if policy.concurrent_reduction and inputs.other_live_projects > 0 and not blacklisted:
        lowered = rate * (ONE - policy.concurrent_reduction)
        floor = policy.floor_rate or Decimal(0)
        rate = max(lowered, floor)
        lines.append(Line("concurrent", _("%(n)d other live project(s) in the city: rate lowered by %(share)s to "
                                          "%(rate)s (floor %(floor)s).")
                          % {"n": inputs.other_live_projects, "share": percent(policy.concurrent_reduction),
                             "rate": percent(rate), "floor": percent(floor)}, ART_11))
    if policy.clean_two_years_reduction and not blacklisted and clean_years is not None and clean_years >= 2:
        rate = rate * (ONE - policy.clean_two_years_reduction)
        lines.append(Line("clean2", _("2 consecutive years without arrears: rate reduced by %(share)s to %(rate)s.")
                          % {"share": percent(policy.clean_two_years_reduction), "rate": percent(rate)}, ART_12))
    if policy.grade_a_reduction and not blacklisted and inputs.grade == "A":
        rate = rate * (ONE - policy.grade_a_reduction)
        lines.append(Line("grade_a", _("Credit grade A: rate reduced by %(share)s to %(rate)s.")
                          % {"share": percent(policy.grade_a_reduction), "rate": percent(rate)}, cite))

    # -- increases: the largest one applies
    increases = []
    if policy.blacklist_increase and blacklisted:
        increases.append((policy.blacklist_increase, "blacklist", _("On the serious-dishonesty list (%(source)s)")
                          % {"source": inputs.blacklist_source}, ART_12))
    if policy.arrears_increase and clean is not None and clean < 2:
        increases.append((policy.arrears_increase, "arrears2", _("Arrears within the 2 years before (%(day)s)")
                          % {"day": last.isoformat()}, ART_12))
    if policy.grade_c_increase and inputs.grade == "C":
        increases.append((policy.grade_c_increase, "grade_c", _("Credit grade C"), cite))
    increase = Decimal(0)
    if increases:
        increase, code, reason, citation = max(increases, key=lambda item: item[0])
        lines.append(Line(code, _("%(reason)s: rate increased by %(share)s to %(rate)s.")
                          % {"reason": reason, "share": percent(increase), "rate": percent(rate * (ONE + increase))},
                          citation))
        for _share, other, other_reason, other_cite in increases:
            if other != code:
                lines.append(Line(f"{other}_absorbed", _("%(reason)s: included in the larger increase.")
                                  % {"reason": other_reason}, other_cite))
    final_rate = rate * (ONE + increase)

    # -- amount
    if policy.cap_amount is not None and not policy.cap_limits_increase and increase:
        required = money(_capped(policy, base * rate) * (ONE + increase))
        lines.append(Line("cap_increase", _("The increase is charged on top of the cap."), cite))
    else:
        required = money(_capped(policy, base * final_rate))
    if required < standard_amount:
        adjustment = "reduced"
    elif required > standard_amount:
        adjustment = "increased"
    else:
        adjustment = "standard"
    lines.append(Line("amount", _("Required: %(base)s × %(rate)s = %(amount)s.")
                      % {"base": yuan(base), "rate": percent(final_rate), "amount": yuan(required)}, ART_11))
    return RateResult(policy, base, final_rate.quantize(Decimal("0.000001")), standard_amount, required,
                      adjustment, lines)


def inputs_for(project, on: dt.date, *, annual_amount: Decimal | None = None) -> RateInputs:
    """The facts of a project's general contractor on the day (a fixed number of queries)."""
    return inputs_for_projects([project], on, annual_amounts={project.pk: annual_amount})[project.pk]


def inputs_for_projects(projects, on: dt.date, *, annual_amounts=None) -> dict[int, RateInputs]:
    """{project id: RateInputs} for many projects on the day, in a fixed number of queries whatever their number
    (one assessment page, or the early-warning rule W03 re-assessing every deposit held in the city). Each
    project's `general_contractor` is read from the instance (select_related it)."""
    projects = list(projects)
    annual_amounts = annual_amounts or {}
    contractors = {p.general_contractor_id: p.general_contractor for p in projects}
    live = defaultdict(dict)  # contractor -> {live project id: contract signed}
    for pk, contractor_id, signed in (Project.objects.filter(general_contractor_id__in=list(contractors),
                                                             status__in=ProjectStatus.live())
                                      .values_list("pk", "general_contractor_id", "contract_signed_on")):
        live[contractor_id][pk] = signed
    window_starts = {p.pk: _years_before(min(on, p.contract_signed_on or on), 3) for p in projects}
    arrears = case_facts.arrears_dates(list(contractors), min(window_starts.values(), default=on), on)
    listed = providers.listed(list(contractors), on)
    ids = {pk for group in live.values() for pk in group} | {p.pk for p in projects}
    real_name = compliance.for_projects(sorted(ids))
    with_account = set(WageAccount.objects.filter(project_id__in=ids, closed_on__isnull=True)
                       .values_list("project_id", flat=True))
    since = records_since(contractors.values(), on)
    found = {}
    for project in projects:
        contractor = contractors[project.general_contractor_id]
        group = {**live[contractor.pk], project.pk: project.contract_signed_on}
        missing_accounts = [pk for pk, signed in group.items()
                            if (account_deadline(signed) or on) < on and pk not in with_account]
        short = [pk for pk in group if not real_name[pk].ok]
        notes = []
        if short:
            notes.append(_("%(n)d project(s) below the real-name targets") % {"n": len(short)})
        if missing_accounts:
            notes.append(_("%(n)d project(s) without the dedicated wage account past the deadline")
                         % {"n": len(missing_accounts)})
        record, record_source = since[contractor.pk]
        found[project.pk] = RateInputs(
            contract_amount=project.contract_amount, assessed_on=on, contract_signed_on=project.contract_signed_on,
            annual_amount=annual_amounts.get(project.pk), other_live_projects=len(group) - 1,
            arrears=[d for d in arrears.get(contractor.pk, []) if d >= window_starts[project.pk]],
            arrears_source=str(ARREARS_SOURCE),
            blacklisted=None if listed is None else contractor.pk in listed,
            blacklist_source=providers.blacklist_source() or "",
            grade=contractor.grade or "", real_name_ok=not short, account_ok=not missing_accounts,
            compliance_note="; ".join(str(n) for n in notes),
            record_since=record, record_source=record_source,
        )
    return found


def record_since(contractor, on: dt.date) -> tuple[dt.date | None, str]:
    """(first day of the contractor's record in the city up to `on`, where it comes from): the date an
    official entered (history before the platform), else its earliest project contract or deposit."""
    return records_since([contractor], on)[contractor.pk]


def records_since(contractors, on: dt.date) -> dict[int, tuple[dt.date | None, str]]:
    """record_since for many contractors in two grouped queries."""
    from django.db.models import Min

    from .models import Deposit

    contractors = list(contractors)
    ids = [c.pk for c in contractors]
    first_project = dict(Project.objects.filter(general_contractor_id__in=ids, contract_signed_on__lte=on)
                         .values("general_contractor_id").annotate(day=Min("contract_signed_on")).order_by()
                         .values_list("general_contractor_id", "day"))
    first_deposit = dict(Deposit.objects.filter(enterprise_id__in=ids, trigger_date__lte=on)
                         .values("enterprise_id").annotate(day=Min("trigger_date")).order_by()
                         .values_list("enterprise_id", "day"))
    result = {}
    for contractor in contractors:
        found = []
        if contractor.first_activity_on and contractor.first_activity_on <= on:
            found.append((contractor.first_activity_on, _("entered by an official")))
        if first_project.get(contractor.pk):
            found.append((first_project[contractor.pk], _("its first construction contract")))
        if first_deposit.get(contractor.pk):
            found.append((first_deposit[contractor.pk], _("its first wage deposit")))
        if not found:
            result[contractor.pk] = (None, "")
            continue
        day, source = min(found, key=lambda item: item[0])
        result[contractor.pk] = (day, str(source))
    return result


def assess_project(project, on: dt.date, *, annual_amount=None, jurisdiction=None):
    """(RateResult, RateInputs) for the project under the policy in force on the day."""
    inputs = inputs_for(project, on, annual_amount=annual_amount)
    return assess(policy_for(on, jurisdiction), inputs), inputs
