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
