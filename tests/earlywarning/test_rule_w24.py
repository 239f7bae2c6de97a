"""W24: a listing whose 3-year term ends within 30 days (orange once over and not yet removed), or an early removal
waiting for its decision (red once the decision is overdue)."""

import datetime as dt

import pytest

from blacklist import facts as blacklist_facts
from blacklist import services
from cases import services as case_services
from earlywarning.rules import w24_listing_lifecycle as rule
from earlywarning.rules.base import Level, Subject
from tests.blacklist.factories import listed_entry

from .running import by_subject, run

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def entry(personas, partner):
    # listed 2026-07-09: in force through 2029-07-09, expires_on 2029-07-10
    return listed_entry(personas.chengguan_inspector, partner, personas.chengguan_official, personas.enterprise_a)


def test_thirty_days_before_the_last_day(entry):
    assert entry.expires_on == D(2029, 7, 10)
    assert run(rule, D(2029, 6, 8)) == []
    [hit] = run(rule, D(2029, 6, 9))
    assert (hit.subject, hit.subject_id, hit.part, hit.level) == (Subject.LISTING, entry.pk, "expiry", None)
    assert hit.enterprise_id == entry.enterprise_id and hit.district_id == entry.district_id
    assert hit.evidence["last_day"] == "2029-07-09" and hit.evidence["days_left"] == 30


def test_past_the_term_and_not_removed_is_orange_removed_is_gone(entry):
    [hit] = run(rule, D(2029, 7, 10))
    assert hit.level == Level.ORANGE and hit.evidence["days_left"] == -1
    services.expire_listings(on=D(2029, 7, 10))
    assert run(rule, D(2029, 7, 10)) == []


def test_an_early_removal_waits_for_its_decision(entry, personas, calendar_2029):
    case = entry.case
    case.refresh_from_db()
    case_services.record_recovery(
        case,
        actor=personas.chengguan_inspector,
        paid_on=D(2026, 7, 20),
        amount=case.amount_unpaid,
        workers_paid=case.workers_owed,
    )
    assert run(rule, D(2027, 1, 21)) == []  # paid, but no request: the commitment is not on file
    entry = services.request_early_removal(
        entry,
        actor=personas.chengguan_official,
        corrected_on=D(2026, 7, 20),
        commitment_signed_on=D(2027, 1, 15),
        on=D(2027, 1, 21),
    )
    assert entry.removal_decision_due == D(2027, 2, 11)
    hit = by_subject(run(rule, D(2027, 2, 11)))[(entry.pk, "early_removal")]
    assert hit.level is None and hit.evidence["removal_decision_due"] == "2027-02-11"
    assert hit.evidence["corrected_on"] == "2026-07-20" and hit.evidence["commitment_signed_on"] == "2027-01-15"
    assert by_subject(run(rule, D(2027, 2, 12)))[(entry.pk, "early_removal")].level == Level.RED
    services.decide_early_removal(entry, actor=personas.city_admin, approve=True, on=D(2027, 2, 12))
    assert run(rule, D(2027, 2, 12)) == []


def test_the_fact_is_one_query(entry, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert [row["pk"] for row in blacklist_facts.listings_to_act_on(D(2029, 7, 10))] == [entry.pk]
    with django_assert_num_queries(1):
        assert blacklist_facts.listings_to_act_on(D(2029, 7, 9)) == []
