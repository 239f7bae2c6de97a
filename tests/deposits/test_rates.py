"""Table-driven tests of the rate engine: each seeded policy and each modifier, with the boundaries."""

import datetime as dt
from decimal import Decimal

import pytest

from deposits import providers, rates
from deposits.models import RatePolicy

from . import factories

D = dt.date
ON = D(2026, 6, 15)
M = Decimal


def inputs(amount="12000000.00", **fields):
    fields.setdefault("arrears", [])
    fields.setdefault("arrears_source", "test record")
    fields.setdefault("blacklisted", False)
    fields.setdefault("real_name_ok", True)
    fields.setdefault("account_ok", True)
    # a contractor with a long record in the city unless a case says otherwise (65号 Art. 12 counts its years)
    fields.setdefault("record_since", D(2015, 1, 1))
    fields.setdefault("record_source", "its first construction contract")
    return rates.RateInputs(contract_amount=M(amount), assessed_on=fields.pop("on", ON),
                            contract_signed_on=fields.pop("signed", ON), **fields)


def years_ago(years, days=0):
    return D(ON.year - years, ON.month, ON.day) + dt.timedelta(days=days)


CASES_2021 = [
    # id, inputs, expected rate, expected amount, adjustment, a rule code that must be in the explanation
    ("standard: no record in the city, list not connected", inputs(record_since=None, blacklisted=None), "0.03",
     "360000.00", "standard", "blacklist_unknown"),
    ("small contract exempt", inputs("2999999.99", arrears=[ON - dt.timedelta(days=540)]), "0", "0.00", "exempt",
     "small_exempt"),
    ("3 million is not small", inputs("3000000.00", arrears=[ON - dt.timedelta(days=540)]), "0.045", "135000.00",
     "increased", "arrears2"),
    ("small, clean record", inputs("2999999.99", arrears=[]), "0", "0.00", "exempt", "arrears_none"),
    ("small, arrears in the year before signing", inputs("2999999.99", arrears=[ON - dt.timedelta(days=100)]),
     "0.045", "135000.00", "increased", "small_arrears"),
    # 民法典 Arts. 201–202: the arrears day is not counted, the corresponding day is the period's last day, so
    # two years are complete the day after it
    ("exactly 2 clean years", inputs(arrears=[years_ago(2, days=-1)]), "0.015", "180000.00", "reduced", "clean2"),
    ("the corresponding day itself is one day short of 2 clean years", inputs(arrears=[years_ago(2)]), "0.045",
     "540000.00", "increased", "arrears2"),
    ("one day short of 2 clean years", inputs(arrears=[years_ago(2, days=1)]), "0.045", "540000.00", "increased",
     "arrears2"),
    ("exactly 3 clean years with compliance", inputs(arrears=[years_ago(3, days=-1)]), "0", "0.00", "exempt",
     "clean3_exempt"),
    ("3 clean years without compliance", inputs(arrears=[years_ago(3, days=-1)], real_name_ok=False,
                                                compliance_note="1 project below the real-name targets"),
     "0.015", "180000.00", "reduced", "clean3_no_compliance"),
    ("no arrears at all", inputs(arrears=[], account_ok=False), "0.015", "180000.00", "reduced", "clean2"),
    # 65号 Art. 12 needs a record of clean years in the area: none found is not three clean years
    ("no earlier project, deposit or case in the city", inputs(arrears=[], record_since=None), "0.03",
     "360000.00", "standard", "record_none"),
    ("first project in the city signed today", inputs(arrears=[], record_since=ON), "0.03", "360000.00",
     "standard", "record_years"),
    ("in the city for 2.5 years, no arrears: reduced, not exempt", inputs(arrears=[], record_since=D(2023, 12, 1)),
     "0.015", "180000.00", "reduced", "clean2"),
    ("record since a day short of 2 years", inputs(arrears=[], record_since=years_ago(2)), "0.03", "360000.00",
     "standard", "record_years"),
    ("history before the platform entered by an official", inputs(arrears=[], record_since=D(2020, 3, 1),
                                                                  record_source="entered by an official"),
     "0", "0.00", "exempt", "clean3_exempt"),
    ("blacklist +100%", inputs(arrears=[years_ago(1)], blacklisted=True), "0.06", "720000.00", "increased",
     "blacklist"),
    ("blacklist absorbs the arrears increase", inputs(arrears=[years_ago(1)], blacklisted=True), "0.06",
     "720000.00", "increased", "arrears2_absorbed"),
    ("blacklisted: no exemption", inputs("1000000.00", arrears=[], blacklisted=True), "0.06", "60000.00",
     "increased", "blacklist_no_relief"),
    ("one other live project", inputs(arrears=[years_ago(1)], other_live_projects=1, blacklisted=None), "0.0225",
     "270000.00", "reduced", "concurrent"),
    ("concurrent and 2 clean years", inputs(arrears=[years_ago(2, days=-1)], other_live_projects=2), "0.0075",
     "90000.00", "reduced", "concurrent"),
    ("multi-year: annual amount", inputs(annual_amount=M("4000000.00"), arrears=[years_ago(1)]), "0.045",
     "180000.00", "increased", "base"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES_2021, ids=[c[0] for c in CASES_2021])
def test_national_2021_framework(case):
    _name, facts, rate, amount, adjustment, code = case
    result = rates.assess(RatePolicy.objects.get(code="lanzhou-2021"), facts)
    assert result.rate == M(rate)
    assert result.required_amount == M(amount)
    assert result.adjustment == adjustment
    assert code in [line.code for line in result.lines]
    assert all(line.citation for line in result.lines)


@pytest.mark.django_db
def test_floor_of_half_a_percent_with_other_projects():
    policy = RatePolicy.objects.get(code="lanzhou-2021")
    policy.concurrent_reduction = M("0.90")
    result = rates.assess(policy, inputs(record_since=None, other_live_projects=1))
    assert result.rate == M("0.005")
    assert result.required_amount == M("60000.00")


@pytest.mark.django_db
def test_cap_and_uncapped_increase():
    policy = RatePolicy.objects.get(code="lanzhou-2021")
    policy.cap_amount, policy.cap_limits_increase = M("300000.00"), False
    capped = rates.assess(policy, inputs(record_since=None))
    assert capped.required_amount == M("300000.00")
    increased = rates.assess(policy, inputs(arrears=[years_ago(1)], blacklisted=True))
    assert increased.required_amount == M("600000.00")  # the cap, then +100 % on top
    policy.cap_limits_increase = True
    assert rates.assess(policy, inputs(arrears=[years_ago(1)], blacklisted=True)).required_amount == M("300000.00")


LOCAL = [
    ("2013 flat 3% of the project cost", "lanzhou-2013", inputs(grade="C", blacklisted=True), "0.03", "360000.00"),
    ("2017 grade A reduced", "lanzhou-2017", inputs(grade="A", record_since=None), "0.015", "180000.00"),
    ("2017 grade C increased", "lanzhou-2017", inputs(grade="C", arrears=[years_ago(2, days=-1)]), "0.045",
     "540000.00"),
    ("2017 three clean years exempt", "lanzhou-2017", inputs(grade="B", arrears=[], real_name_ok=False), "0",
     "0.00"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("case", LOCAL, ids=[c[0] for c in LOCAL])
def test_lanzhou_local_rules(case):
    _name, code, facts, rate, amount = case
    policy = RatePolicy.objects.get(code=code)
    result = rates.assess(policy, facts)
    assert (result.rate, result.required_amount) == (M(rate), M(amount))
    assert any(line.citation == policy.citation for line in result.lines)


@pytest.mark.django_db
@pytest.mark.parametrize(("day", "code"), [
    (D(2015, 3, 1), "lanzhou-2013"), (D(2017, 1, 1), "lanzhou-2017"), (D(2021, 10, 31), "lanzhou-2017"),
    (D(2021, 11, 1), "lanzhou-2021"), (D(2026, 6, 15), "lanzhou-2021")])
def test_the_policy_in_force_on_the_assessment_date(day, code):
    assert rates.policy_for(day).code == code


@pytest.mark.django_db
def test_no_policy_is_a_clear_error():
    with pytest.raises(LookupError, match="No deposit rate policy"):
        rates.policy_for(D(2010, 1, 1))


@pytest.mark.django_db
def test_inputs_come_from_the_projects_and_the_connected_records(personas, monkeypatch):
    gc = personas.enterprise_a
    first = factories.project(gc, status="under_construction")
    factories.project(gc, status="under_construction")
    monkeypatch.setattr(rates.case_facts, "arrears_dates", lambda ids, start, end: {gc.pk: [years_ago(2)]})
    providers.register_blacklist_provider(factories.Blacklist([]))
    facts = rates.inputs_for(first, ON)
    assert facts.other_live_projects == 1
    assert facts.arrears == [years_ago(2)]
    assert facts.blacklisted is False
    assert facts.account_ok is False  # the accounts were due 30 days after signing and none was opened
    assert "dedicated wage account" in facts.compliance_note


@pytest.mark.django_db
def test_without_a_blacklist_the_explanation_says_it_is_not_connected(personas):
    first = factories.project(personas.enterprise_a)
    providers.unregister_all()  # restored by the _providers fixture
    result, facts = rates.assess_project(first, ON)
    assert facts.blacklisted is None
    assert "blacklist_unknown" in [line.code for line in result.lines]


@pytest.mark.django_db
def test_the_record_in_the_city_starts_with_the_first_project_deposit_or_the_date_entered(personas):
    """65号 Art. 12: the years counted start with the contractor's first project or deposit in the city; an
    official enters earlier history on the enterprise (first_activity_on)."""
    gc = personas.enterprise_a
    assert rates.record_since(gc, ON) == (None, "")
    first = factories.project(gc, long_record=False, contract_signed_on=D(2025, 3, 1))
    # signed after the assessment day: not part of the record
    factories.project(gc, long_record=False, contract_signed_on=D(2026, 9, 1))
    assert rates.record_since(gc, ON) == (D(2025, 3, 1), "its first construction contract")
    gc.first_activity_on = D(2019, 5, 1)
    gc.save()
    assert rates.record_since(gc, ON) == (D(2019, 5, 1), "entered by an official")
    # with no arrears at all, only the years since the record began are counted, and the explanation says which
    providers.register_blacklist_provider(factories.Blacklist([]))
    gc.first_activity_on = None
    gc.save()
    result, facts = rates.assess_project(first, ON)
    assert facts.record_since == D(2025, 3, 1)
    line = next(line for line in result.lines if line.code == "record_years")
    assert "2025-03-01" in line.text and "2026-06-15" in line.text and "1 whole year" in line.text
    assert result.adjustment != "exempt" and "clean2" not in [line.code for line in result.lines]


@pytest.mark.django_db
def test_a_new_contractor_pays_the_base_rate(personas):
    """A general contractor with no earlier project, deposit or case in the city is not "3 clean years"."""
    first = factories.project(personas.enterprise_b, long_record=False, contract_signed_on=ON,
                              contract_amount=M("12000000.00"))
    providers.register_blacklist_provider(factories.Blacklist([]))
    result, _facts = rates.assess_project(first, ON)
    assert result.adjustment == "standard" and result.rate == result.policy.base_rate
