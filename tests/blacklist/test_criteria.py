"""45号 Art. 5 at the thresholds: the precondition (an unpaid order past its deadline) and either criterion
(the province's criminal figures: seeded Gansu demo values ¥10,000 one worker / ¥50,000 ten workers)."""

import datetime as dt
from decimal import Decimal

import pytest

from blacklist import rules, services
from blacklist.choices import ListingCriterion, ListingStatus
from cases.choices import EscalationStatus
from cases.models import MassIncident
from kernel.errors import DomainError

from .factories import ordered_case, review_request

pytestmark = pytest.mark.django_db
D = dt.date
SINGLE, GROUP = Decimal("10000.00"), Decimal("50000.00")


def criteria(**kwargs):
    values = {"order_deadline": D(2026, 6, 22), "overdue": True, "unpaid": GROUP, "workers": 10, "months": 1,
              "single_amount": SINGLE, "group_amount": GROUP, "mass_incident": False, "on": D(2026, 7, 1)}
    values.update(kwargs)
    return rules.listing_criteria(**values)


def test_group_threshold_met_exactly():
    result = criteria(unpaid=GROUP)
    assert result.eligible
    assert [c.code for c in result.met] == [ListingCriterion.CRIME_THRESHOLD]


def test_one_cent_below_the_group_threshold_is_not_enough():
    result = criteria(unpaid=GROUP - Decimal("0.01"))
    assert not result.eligible
    assert "Neither criterion is met" in result.refusals[0]


def test_nine_workers_need_the_single_worker_figure_and_three_months():
    assert not criteria(workers=9, unpaid=Decimal("89999.99"), months=2).eligible
    assert not criteria(workers=9, unpaid=Decimal("89999.99"), months=3).eligible  # ¥9,999.99 each
    assert criteria(workers=9, unpaid=Decimal("90000.00"), months=3).eligible  # ¥10,000 each, 3 months


def test_mass_incident_suffices_below_the_threshold():
    result = criteria(unpaid=Decimal("3000.00"), workers=2, mass_incident=True)
    assert result.eligible
    assert [c.code for c in result.met] == [ListingCriterion.MASS_INCIDENT]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"order_deadline": None}, "No order to pay"),
    ({"on": D(2026, 6, 22)}, "has not passed yet"),
    ({"overdue": False}, "paid by its deadline"),
])
def test_the_precondition_is_an_order_unpaid_after_its_deadline(kwargs, message):
    result = criteria(**kwargs)
    assert not result.eligible
    assert any(message in r for r in result.refusals)


def test_service_refuses_a_proposal_below_the_threshold(personas, partner):
    user = personas.chengguan_inspector
    request = review_request(user, partner, personas.enterprise_a, amount=Decimal("49999.99"))
    with pytest.raises(DomainError, match="Neither criterion is met"):
        services.propose_listing(request, actor=user, on=D(2026, 7, 1))
    request.refresh_from_db()
    assert request.status == EscalationStatus.PENDING


def test_service_proposes_at_the_threshold_and_closes_the_request(personas, partner):
    user = personas.chengguan_inspector
    request = review_request(user, partner, personas.enterprise_a, amount=GROUP)
    entry = services.propose_listing(request, actor=user, on=D(2026, 7, 1))
    assert entry.status == ListingStatus.PROPOSED
    assert entry.unpaid_amount == GROUP
    assert entry.criteria[0]["code"] == ListingCriterion.CRIME_THRESHOLD
    assert [p.name for p in entry.persons.all()] == [personas.enterprise_a.legal_representative]
    request.refresh_from_db()
    assert request.status == EscalationStatus.DONE
    # The case's own record says so (through cases' complete_escalation).
    assert request.case.events.filter(detail__contains=f"entry {entry.pk}").exists()


def test_a_mass_incident_on_the_case_makes_a_small_case_listable(personas, partner):
    user = personas.chengguan_inspector
    case = ordered_case(user, partner, personas.enterprise_a, workers=3, amount=Decimal("6000.00"))
    MassIncident.objects.create(occurred_at=dt.datetime(2026, 6, 12, 9, tzinfo=dt.UTC), place="工地门口",
                                district=case.district, workers_involved=60, enterprise=case.enterprise, case=case,
                                description="讨薪聚集")
    assert not services.check_criteria(case, on=D(2026, 7, 1)).eligible  # the order is not overdue yet
    from cases import services as case_services

    case_services.mark_overdue(case, actor=user, on=case.order_deadline + dt.timedelta(days=1))
    result = services.check_criteria(case, on=D(2026, 7, 1))
    assert result.eligible
    assert [c.code for c in result.met] == [ListingCriterion.MASS_INCIDENT]
