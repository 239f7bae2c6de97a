"""Recording recovered wages refuses what cannot be true, lets a second official confirm a payment above
what is owed (maker ≠ checker), and corrects a wrong entry with a reversal (never an edit); the case's
totals and state follow the corrected entries. The case of the issue: ¥36,000 owed to 4 workers."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from audit.models import AuditEvent
from cases import services
from cases.choices import CaseStatus, EventKind
from cases.models import Case, CaseEvent, Recovery
from kernel.errors import DomainError, IllegalTransition

from .factories import ordered_case, overdue_case

D = dt.date
S = CaseStatus
pytestmark = pytest.mark.django_db
PAID_ON = D(2026, 6, 12)


@pytest.fixture
def case(personas, partner):
    return ordered_case(personas.chengguan_inspector, partner, personas.enterprise_a, amount=Decimal("36000.00"),
                        workers_count=4, amount_owed=Decimal("36000.00"))


def _record(case, actor, **kwargs):
    values = {"paid_on": PAID_ON, "amount": Decimal("36000.00"), "workers_paid": 4}
    values.update(kwargs)
    return services.record_recovery(case, actor=actor, **values)


def _unchanged(case):
    fresh = Case.objects.get(pk=case.pk)
    assert (fresh.recovered_amount, fresh.recovered_workers, fresh.status) == (Decimal("0.00"), 0, S.ORDER_ISSUED)
    assert not Recovery.objects.filter(case=case).exists()


@pytest.mark.parametrize(("kwargs", "field", "message"), [
    ({"paid_on": D(2099, 1, 1)}, "paid_on", "future"),
    ({"workers_paid": 99}, "workers_paid", "about 4 workers"),
    ({"workers_paid": 0}, "workers_paid", "At least one"),
    ({"amount": Decimal("0")}, "amount", "positive"),
    ({"workers_paid": 2, "workers": [{"name": "甲", "amount": "1000"}, {"name": "乙", "amount": "1000"}]},
     "workers", "add up"),
    ({"workers_paid": 4, "workers": [{"name": "甲", "amount": "36000"}]}, "workers", "names 1 workers"),
    ({"workers_paid": 1, "amount": Decimal("100"), "workers": [{"name": "甲", "amount": "-100"}]}, "workers",
     "positive"),
    ({"workers_paid": 1, "amount": Decimal("100"),
      "workers": [{"name": "甲", "id_number": "110105194912310021", "amount": "100"}]}, "workers", "check digit"),
    ({"amount": Decimal("999999999")}, "reason", "more than"),
])
def test_what_cannot_be_true_is_refused_and_nothing_is_written(case, personas, kwargs, field, message):
    with pytest.raises(DomainError, match=message) as refused:
        _record(case, personas.chengguan_inspector, **kwargs)
    assert refused.value.field == field
    _unchanged(case)


def test_a_payment_of_today_local_date_is_taken(case, personas):
    recovery = _record(case, personas.chengguan_inspector, paid_on=timezone.localdate(), amount=Decimal("1000"),
                       workers_paid=1)
    assert recovery.status == "confirmed"


def test_a_payment_above_what_is_owed_waits_for_a_second_official(case, personas, partner):
    recovery = _record(case, personas.chengguan_inspector, amount=Decimal("37500.00"), reason="含逾期利息1500元")
    assert recovery.status == "pending"
    fresh = Case.objects.get(pk=case.pk)
    assert fresh.recovered_amount == 0 and fresh.status == S.ORDER_ISSUED  # does not count yet
    assert AuditEvent.objects.filter(event="case_recovery_pending").exists()
    with pytest.raises(PermissionDenied):  # the maker cannot be the checker
        services.confirm_recovery(recovery, actor=personas.chengguan_inspector, approve=True)
    with pytest.raises(PermissionDenied):  # an inspector cannot approve at all
        services.confirm_recovery(recovery, actor=partner, approve=True)
    services.confirm_recovery(recovery, actor=personas.chengguan_official, approve=True, note="核对银行回单")
    fresh = Case.objects.get(pk=case.pk)
    assert fresh.recovered_amount == Decimal("37500.00") and fresh.status == S.COMPLIED
    recovery.refresh_from_db()
    assert recovery.confirmed_by == personas.chengguan_official
    with pytest.raises(IllegalTransition):
        services.confirm_recovery(recovery, actor=personas.chengguan_official, approve=True)


def test_a_refused_confirmation_needs_a_reason_and_never_counts(case, personas):
    recovery = _record(case, personas.chengguan_inspector, amount=Decimal("40000.00"), reason="赔偿金")
    with pytest.raises(DomainError, match="why"):
        services.confirm_recovery(recovery, actor=personas.chengguan_official, approve=False)
    services.confirm_recovery(recovery, actor=personas.chengguan_official, approve=False, note="无凭证")
    assert Case.objects.get(pk=case.pk).recovered_amount == 0


def test_compensation_ordered_counts_as_owed(personas, partner):
    case = overdue_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    services.order_compensation(case, actor=personas.chengguan_inspector, rate=Decimal("0.5"))
    recovery = _record(case, personas.chengguan_inspector, amount=Decimal("36000.00"), workers_paid=3)
    assert recovery.status == "confirmed"  # 24,000 wages + 12,000 compensation


def test_a_typo_is_reversed_with_a_reason_and_the_state_follows(case, personas):
    me = personas.chengguan_inspector
    typo = _record(case, me, amount=Decimal("36000.00"))
    assert Case.objects.get(pk=case.pk).status == S.COMPLIED
    with pytest.raises(DomainError, match="reason"):
        services.reverse_recovery(typo, actor=me, reason=" ")
    reversal = services.reverse_recovery(typo, actor=me, reason="误录：实际支付3,600元")
    fresh = Case.objects.get(pk=case.pk)
    assert (fresh.recovered_amount, fresh.recovered_workers, fresh.status) == (Decimal("0.00"), 0, S.ORDER_ISSUED)
    assert reversal.kind == "reversal" and reversal.amount == Decimal("-36000.00") and reversal.reverses == typo
    typo.refresh_from_db()
    assert typo.amount == Decimal("36000.00")  # the wrong entry stays as it was: an audit trail, not an edit
    assert CaseEvent.objects.filter(case=case, kind=EventKind.COMPLIED, title__contains="withdrawn").exists()
    assert AuditEvent.objects.filter(event="case_recovery_reversed").exists()
    with pytest.raises(IllegalTransition, match="corrected already"):
        services.reverse_recovery(typo, actor=me, reason="再次")
    with pytest.raises(IllegalTransition):
        services.reverse_recovery(reversal, actor=me, reason="撤销更正")
    _record(case, me, amount=Decimal("3600.00"), workers_paid=1)
    fresh = Case.objects.get(pk=case.pk)
    assert (fresh.recovered_amount, fresh.recovered_workers, fresh.status) == (Decimal("3600.00"), 1, S.ORDER_ISSUED)


def test_a_correction_of_an_overdue_case_returns_it_to_overdue(personas, partner):
    me = personas.chengguan_inspector
    case = overdue_case(me, partner, personas.enterprise_a)
    paid = _record(case, me, amount=Decimal("24000.00"), workers_paid=3, paid_on=D(2026, 6, 30))
    assert Case.objects.get(pk=case.pk).status == S.COMPLIED
    services.reverse_recovery(paid, actor=me, reason="银行退票")
    assert Case.objects.get(pk=case.pk).status == S.OVERDUE


def test_the_case_page_offers_correction_and_confirmation(case, personas, login):
    _record(case, personas.chengguan_inspector, amount=Decimal("1000.00"), workers_paid=1)
    _record(case, personas.chengguan_inspector, amount=Decimal("40000.00"), workers_paid=4, reason="含利息")
    mine = login(personas.chengguan_inspector).get(case.get_absolute_url()).content.decode()
    assert 'data-testid="action-recovery-correction"' in mine
    assert 'data-testid="action-recovery-confirmation"' not in mine
    official = login(personas.chengguan_official)
    assert 'data-testid="action-recovery-confirmation"' in official.get(case.get_absolute_url()).content.decode()
    pending = Recovery.objects.get(status="pending")
    response = official.post(f"/cases/{case.pk}/act/recovery-confirmation/",
                             {"recovery": pending.pk, "approve": "yes", "note": "核对"})
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).recovered_amount == Decimal("41000.00")


def test_the_form_keeps_the_refusal_next_to_the_field(case, personas, login):
    response = login(personas.chengguan_inspector).post(f"/cases/{case.pk}/act/recovery/", {
        "paid_on": "2099-01-01", "amount": "999999999", "workers_paid": "99", "workers": "甲, , 1"})
    assert response.status_code == 400
    _unchanged(case)
