"""The deposit ledger: append-only, derived balance never negative, idempotent (peers.md P31–P32)."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deposits import services
from deposits.choices import EntryKind
from deposits.models import AppendOnlyError, LedgerEntry
from deposits.services.deposit import book
from kernel.errors import DomainError

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def deposit(personas, today):
    return factories.stored(factories.project(personas.enterprise_a), personas.chengguan_official)


def test_entries_cannot_be_updated_deleted_or_saved_again(deposit):
    entry = deposit.entries.order_by("seq").last()
    with pytest.raises(AppendOnlyError):
        LedgerEntry.objects.filter(pk=entry.pk).update(amount=Decimal("1.00"))
    with pytest.raises(AppendOnlyError):
        LedgerEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        LedgerEntry.objects.bulk_create([LedgerEntry(deposit=deposit, seq=99, kind="received", amount=1,
                                                     balance_after=1, occurred_on=entry.occurred_on,
                                                     idempotency_key="x")])
    assert LedgerEntry.objects.get(pk=entry.pk).amount == entry.amount


def test_the_database_refuses_a_negative_balance_and_a_second_entry_n(deposit):
    last = deposit.entries.order_by("seq").last()
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry(deposit=deposit, seq=last.seq + 1, kind=EntryKind.DRAWN, amount=Decimal("-1.00"),
                    balance_after=Decimal("-1.00"), occurred_on=last.occurred_on, idempotency_key="neg").save()
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry(deposit=deposit, seq=last.seq, kind=EntryKind.TOPUP_RECEIVED, amount=Decimal("1.00"),
                    balance_after=last.balance_after + 1, occurred_on=last.occurred_on, idempotency_key="dup").save()
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry(deposit=deposit, seq=last.seq + 1, kind=EntryKind.RECEIVED, amount=Decimal("-5.00"),
                    balance_after=Decimal("0.00"), occurred_on=last.occurred_on, idempotency_key="sign").save()


def test_the_balance_is_the_sum_and_a_replayed_key_books_once(deposit, personas):
    official = personas.chengguan_official
    required = deposit.required_amount
    assert deposit.balance == required
    with transaction.atomic():
        locked = services.deposit.locked(deposit, official)
        first, created = book(locked, EntryKind.TOPUP_RECEIVED, "10.00", actor=official, key="same-key")
        again, created_again = book(locked, EntryKind.TOPUP_RECEIVED, "10.00", actor=official, key="same-key")
    assert (created, created_again, first.pk) == (True, False, again.pk)
    assert deposit.balance == required + Decimal("10.00") == deposit.entries.order_by("seq").last().balance_after


def test_more_than_two_decimal_places_is_refused(deposit, personas):
    with pytest.raises(DomainError, match="2 decimal places"), transaction.atomic():
        book(services.deposit.locked(deposit, personas.chengguan_official), EntryKind.TOPUP_RECEIVED, "0.001",
             actor=personas.chengguan_official)


def test_a_correction_is_a_reversal_entry(deposit, personas):
    received = deposit.entries.get(kind=EntryKind.RECEIVED)
    reversal = services.reverse_entry(received, actor=personas.chengguan_official, reason="wrong account")
    assert reversal.reverses == received and reversal.amount == -received.amount
    assert deposit.balance == Decimal("0.00")
    deposit.refresh_from_db()
    assert deposit.status == "required"  # no longer stored
    with pytest.raises(DomainError):
        services.reverse_entry(received, actor=personas.chengguan_official, reason="twice")


OPERATIONS = st.lists(st.one_of(
    st.tuples(st.just("credit"), st.decimals(min_value="0.01", max_value="500000", places=2)),
    st.tuples(st.just("debit"), st.decimals(min_value="0.01", max_value="500000", places=2)),
    st.tuples(st.just("reverse"), st.integers(min_value=0, max_value=30)),
), max_size=25)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
def test_any_sequence_keeps_balance_equal_to_the_sum_and_never_negative(personas, today, operations):
    official = personas.chengguan_official
    deposit = factories.assessed(factories.project(personas.enterprise_a), official)
    expected = Decimal("0.00")
    for operation, value in operations:
        entries = list(deposit.entries.order_by("seq"))
        try:
            with transaction.atomic():
                if operation == "reverse":
                    target = entries[value % len(entries)]
                    services.reverse_entry(target, actor=official, reason="property test")
                    change = -target.amount
                else:
                    kind, amount = ((EntryKind.RECEIVED, value) if operation == "credit"
                                    else (EntryKind.DRAWN, -value))
                    book(services.deposit.locked(deposit, official), kind, amount, actor=official)
                    change = amount
        except DomainError:
            change = Decimal("0.00")
        expected += change
        rows = list(deposit.entries.order_by("seq").values_list("seq", "amount", "balance_after"))
        assert expected >= 0
        assert deposit.balance == expected == sum((r[1] for r in rows), Decimal("0.00"))
        assert rows[-1][2] == expected
        assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
        assert all(r[2] >= 0 for r in rows)
