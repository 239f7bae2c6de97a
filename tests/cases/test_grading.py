"""The cases app's findings for the credit grading (enterprises.grading providers)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from cases import services
from cases.models import MassIncident
from enterprises.grading import decide, findings_for, registered_providers
from enterprises.models import Enterprise

from .factories import CaseFactory, overdue_case

pytestmark = pytest.mark.django_db


def test_the_cases_provider_is_registered():
    assert "cases" in {p.name for p in registered_providers()}


def test_closed_cases_with_a_penalty_or_handling_decision_count(personas):
    e = personas.enterprise_a
    CaseFactory(enterprise=e, status="closed", outcome="penalty", closed_on=dt.date(2026, 3, 1))
    CaseFactory(enterprise=e, status="closed", outcome="handling_decision", closed_on=dt.date(2026, 4, 1))
    CaseFactory(enterprise=e, status="closed", outcome="rectified", closed_on=dt.date(2026, 5, 1))  # not counted
    CaseFactory(enterprise=e, status="closed", outcome="penalty", closed_on=dt.date(2025, 5, 1))  # other year
    found = findings_for(Enterprise.objects.filter(pk=e.pk), 2027)[e.pk]
    cases_found = [f for f in found if f.source == "cases"]
    assert [f.counted for f in cases_found] == [True, True]
    assert decide(found).grade == "B"


def test_a_refused_order_and_a_transfer_make_grade_c(personas, partner):
    me = personas.chengguan_inspector
    case = overdue_case(me, partner, personas.enterprise_a, workers_count=12, amount_owed=Decimal("60000"))
    found = findings_for(Enterprise.objects.filter(pk=personas.enterprise_a.pk), 2027)[personas.enterprise_a.pk]
    assert {f.code for f in found} == {"refused_order"} and decide(found).grade == "C"
    transfer = services.transfer_to_police(case, actor=me, document_number="1", police_unit="公安",
                                           on=dt.date(2026, 7, 1))
    for stage, day in (("accepted", dt.date(2026, 7, 2)), ("prosecuted", dt.date(2026, 8, 1))):
        transfer = services.update_transfer(transfer, actor=me, stage=stage, on=day)
    services.update_transfer(transfer, actor=me, stage="judged", on=dt.date(2026, 9, 1), court_result="convicted")
    found = findings_for(Enterprise.objects.filter(pk=personas.enterprise_a.pk), 2027)[personas.enterprise_a.pk]
    assert "criminal" in {f.code for f in found}


def test_a_mass_incident_makes_grade_c(personas):
    MassIncident.objects.create(occurred_at=timezone.make_aware(dt.datetime(2026, 5, 1, 9)), place="工地",
                                district=personas.enterprise_a.district, workers_involved=20,
                                enterprise=personas.enterprise_a, description="讨薪")
    found = findings_for(Enterprise.objects.filter(pk=personas.enterprise_a.pk), 2027)[personas.enterprise_a.pk]
    assert decide(found).grade == "C"


def _codes(enterprise, year=2027):
    found = findings_for(Enterprise.objects.filter(pk=enterprise.pk), year)[enterprise.pk]
    return found, [f.code for f in found if f.source == "cases"]


def test_paying_after_the_deadline_is_not_refusing_the_order(personas, partner):
    """人社部规〔2016〕1号: C is for refusing to carry out an order (拒不履行), not for paying late."""
    me, e = personas.chengguan_inspector, personas.enterprise_a
    case = overdue_case(me, partner, e, workers_count=3, amount_owed=Decimal("24000"))
    late = case.order_deadline + dt.timedelta(days=10)
    services.record_recovery(case, actor=me, paid_on=late, amount=case.amount_unpaid, workers_paid=3)
    found, codes = _codes(e)
    assert codes == ["paid_late"]
    paid_late = next(f for f in found if f.code == "paid_late")
    assert late.isoformat() in paid_late.label
    assert decide(found).grade == "A"  # a late payment alone is no penalty or handling decision either


def test_an_order_still_not_complied_with_at_the_end_of_the_period_is_refused(personas, partner, monkeypatch):
    me, e = personas.chengguan_inspector, personas.enterprise_a
    case = overdue_case(me, partner, e, workers_count=3, amount_owed=Decimal("24000"))
    # paid only in the next year: at the end of the evaluated year the order was refused. The payment is
    # recorded on its day (a payment cannot be dated in the future), so the clock stands in February 2027.
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2027, 2, 1, 4, tzinfo=dt.UTC))
    services.record_recovery(case, actor=me, paid_on=dt.date(2027, 1, 15), amount=case.amount_unpaid,
                             workers_paid=3)
    found, codes = _codes(e)
    assert codes == ["refused_order"] and decide(found).grade == "C"
    refused = next(f for f in found if f.code == "refused_order")
    assert "2026-12-31" in refused.label and "人社部规〔2016〕1号" in refused.label


def test_a_recorded_refusal_makes_grade_c_without_an_overdue_case(personas):
    from enterprises.models import Violation

    e = personas.enterprise_a
    Violation.objects.create(enterprise=e, category="wages", handling="handling_decision",
                             decided_on=dt.date(2026, 4, 1), description="拒不履行行政处理决定",
                             c_trigger="refused_order")
    found = findings_for(Enterprise.objects.filter(pk=e.pk), 2027)[e.pk]
    assert "refused_order" in {f.code for f in found} and decide(found).grade == "C"
