"""W18–W22 (complaints and cases) at their boundaries, evaluated directly with the SPEC's defaults."""

import datetime as dt
from decimal import Decimal

import pytest

from cases import facts as case_facts
from cases.models import Order
from core.workdays import WorkdayCalendar
from earlywarning.parameters import defaults
from earlywarning.rules import (
    w18_open_complaint,
    w19_complaint_not_acted_on,
    w20_investigation_deadline,
    w21_order_overdue,
    w22_criminal_threshold,
)
from earlywarning.rules.base import EvaluationContext, Level, Subject
from tests.cases.factories import CaseFactory, ComplaintFactory

D = dt.date
pytestmark = pytest.mark.django_db


def run(rule, on):
    return list(rule.evaluate(EvaluationContext(on=on, params=defaults(rule.SPEC))))


def levels(hits):
    return {hit.subject_id: (hit.level or None) for hit in hits}


# --- W18 open complaint ---------------------------------------------------------------------------


def test_w18_an_open_complaint_is_yellow_and_a_decided_one_is_not_warned():
    small = ComplaintFactory(workers_count=3, amount_owed=Decimal("24000.00"))  # 8,000 a worker for 3 months
    ComplaintFactory(status="not_accepted")
    closed_case = CaseFactory(closed=True)
    ComplaintFactory(status="accepted", case=closed_case)
    hits = run(w18_open_complaint, D(2026, 6, 1))
    assert levels(hits) == {small.pk: None}
    assert hits[0].subject == Subject.COMPLAINT and hits[0].district_id == small.district_id
    assert hits[0].evidence["criminal_threshold"] is False


def test_w18_is_red_from_ten_workers_or_at_the_provincial_threshold():
    nine = ComplaintFactory(workers_count=9, amount_owed=Decimal("9000.00"))
    ten = ComplaintFactory(workers_count=10, amount_owed=Decimal("9000.00"))
    # Gansu's seeded one-worker figure is CNY 10,000 for 3 months or more: 3 workers × 10,000 reaches it.
    below = ComplaintFactory(workers_count=3, amount_owed=Decimal("29999.97"))
    at = ComplaintFactory(workers_count=3, amount_owed=Decimal("30000.00"))
    accepted = ComplaintFactory(status="accepted", case=CaseFactory(), workers_count=12)
    assert levels(run(w18_open_complaint, D(2026, 6, 1))) == {
        nine.pk: None,
        ten.pk: Level.RED,
        below.pk: None,
        at.pk: Level.RED,
        accepted.pk: Level.RED,
    }


# --- W19 complaint not acted on -----------------------------------------------------------------


def test_w19_fires_the_working_day_after_the_decision_deadline():
    complaint = ComplaintFactory(received_on=D(2026, 6, 1), acceptance_deadline=D(2026, 6, 8))
    assert run(w19_complaint_not_acted_on, D(2026, 6, 8)) == []
    hits = run(w19_complaint_not_acted_on, D(2026, 6, 9))
    assert [h.subject_id for h in hits] == [complaint.pk]
    assert hits[0].evidence["decision_due"] == "2026-06-08" and hits[0].evidence["workdays_late"] == 1


def test_w19_counts_working_days_across_the_national_day_holiday_when_no_deadline_was_stored():
    # Received Mon 28 Sep 2026: 29, 30 Sep, 8, 9, 10 Oct (a make-up Saturday) are the five working days.
    complaint = ComplaintFactory(received_on=D(2026, 9, 28), acceptance_deadline=None)
    assert run(w19_complaint_not_acted_on, D(2026, 10, 10)) == []
    assert [h.subject_id for h in run(w19_complaint_not_acted_on, D(2026, 10, 11))] == [complaint.pk]


def test_w19_ignores_decided_complaints_and_those_sent_for_supplement():
    ComplaintFactory(received_on=D(2026, 6, 1), acceptance_deadline=D(2026, 6, 8), status="supplement")
    ComplaintFactory(received_on=D(2026, 6, 1), acceptance_deadline=D(2026, 6, 8), status="accepted")
    assert run(w19_complaint_not_acted_on, D(2026, 7, 1)) == []


# --- W20 investigation deadline -------------------------------------------------------------------


def test_w20_pre_alert_after_50_working_days_red_after_60_without_extension():
    calendar = WorkdayCalendar()
    case = CaseFactory(filed_on=D(2026, 6, 1))
    extended = CaseFactory(filed_on=D(2026, 6, 1), extension_status="approved")
    assert run(w20_investigation_deadline, calendar.add_workdays(D(2026, 6, 1), 50)) == []
    assert levels(run(w20_investigation_deadline, calendar.add_workdays(D(2026, 6, 1), 51))) == {
        case.pk: None,
        extended.pk: None,
    }
    assert levels(run(w20_investigation_deadline, calendar.add_workdays(D(2026, 6, 1), 60))) == {
        case.pk: None,
        extended.pk: None,
    }
    assert levels(run(w20_investigation_deadline, calendar.add_workdays(D(2026, 6, 1), 61))) == {
        case.pk: Level.RED,
        extended.pk: None,
    }
    assert levels(run(w20_investigation_deadline, calendar.add_workdays(D(2026, 6, 1), 91))) == {
        case.pk: Level.RED,
        extended.pk: Level.RED,
    }


def test_w20_ignores_cases_past_the_investigation():
    CaseFactory(filed_on=D(2026, 1, 5), status="order_issued")
    CaseFactory(filed_on=D(2026, 1, 5), closed=True)
    assert run(w20_investigation_deadline, D(2026, 9, 1)) == []


def test_w20_reads_the_statutory_days_from_the_cases_rules():
    assert case_facts.INVESTIGATION_WORKDAYS == 60 and case_facts.EXTENSION_WORKDAYS == 30
    assert "pre_alert_workdays" in w20_investigation_deadline.SPEC.params


# --- W21 order past its deadline, W22 criminal threshold -------------------------------------------


ORDER_DEADLINE = D(2026, 6, 19)


def ordered(deadline=ORDER_DEADLINE, status="order_issued", workers=3, amount=Decimal("24000.00"), months=3):
    case = CaseFactory(
        status=status, order_deadline=deadline, workers_owed=workers, amount_owed=amount, months_owed=months
    )
    order = Order.objects.create(
        case=case,
        number=f"令{case.pk}",
        issued_on=D(2026, 6, 10),
        workdays=7,
        deadline=deadline,
        amount=amount,
        workers=workers,
        requirements="足额支付",
        served_on=D(2026, 6, 10),
        service_method="in_person",
    )
    return case, order


def test_w21_fires_the_day_after_the_order_deadline_unless_complied():
    case, order = ordered()
    ordered(status="complied")
    assert run(w21_order_overdue, D(2026, 6, 19)) == []
    hits = run(w21_order_overdue, D(2026, 6, 20))
    assert [(h.subject, h.subject_id) for h in hits] == [(Subject.ORDER, order.pk)]
    assert hits[0].evidence["case_number"] == case.number and hits[0].evidence["amount_unpaid"] == "24000.00"


def test_w21_keeps_an_overdue_case_and_drops_it_once_transferred():
    case, order = ordered(status="overdue")
    assert [h.subject_id for h in run(w21_order_overdue, D(2026, 6, 20))] == [order.pk]
    case.status = "transferred"
    case.save()
    from cases.models import CriminalThreshold, CriminalTransfer

    CriminalTransfer.objects.create(
        case=case,
        transferred_on=D(2026, 6, 22),
        document_number="移1",
        police_unit="城关分局",
        threshold=CriminalThreshold.objects.first(),
        unpaid_amount=Decimal("24000.00"),
        workers=3,
    )
    assert run(w21_order_overdue, D(2026, 6, 23)) == []


def test_w22_needs_the_threshold_and_the_overdue_order():
    group, _order = ordered(workers=10, amount=Decimal("50000.00"), months=1)
    ordered(workers=10, amount=Decimal("49999.99"), months=1)  # below the group figure, 1 month
    single, _order = ordered(workers=1, amount=Decimal("10000.00"), months=3)
    ordered(workers=1, amount=Decimal("10000.00"), months=2)  # one month short
    not_yet, _order = ordered(deadline=D(2026, 7, 1), workers=10, amount=Decimal("90000.00"))
    hits = run(w22_criminal_threshold, D(2026, 6, 20))
    assert {h.subject_id for h in hits} == {group.pk, single.pk}
    assert not_yet.pk not in {h.subject_id for h in hits}
    assert hits[0].evidence["single_threshold"] == "10000.00"


def test_the_case_facts_are_set_based(django_assert_max_num_queries):
    for _ in range(3):
        ordered()
        ComplaintFactory()
    with django_assert_max_num_queries(1):
        case_facts.overdue_orders(D(2026, 7, 1))
    with django_assert_max_num_queries(1):
        case_facts.open_complaints()
    with django_assert_max_num_queries(1):
        case_facts.investigations_filed_by(D(2026, 7, 1))
    calendar = WorkdayCalendar()
    with django_assert_max_num_queries(1):
        case_facts.complaints_past_decision(D(2026, 7, 1), calendar)
