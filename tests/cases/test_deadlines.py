"""The deadline a case waits on (with_next_deadline): listed supervision (挂牌督办) counts in every open state
when it comes first, so a passed supervision deadline makes the case overdue while it is investigated."""

import datetime as dt

import pytest

from cases.models import Case

from .factories import CaseFactory

D = dt.date
pytestmark = pytest.mark.django_db


def _next(case):
    return Case.objects.with_next_deadline().get(pk=case.pk).next_deadline


@pytest.mark.parametrize("status", ["filed", "investigating"])
def test_a_passed_supervision_deadline_is_overdue_while_investigated(personas, status):
    case = CaseFactory(enterprise=personas.enterprise_a, status=status, investigation_deadline=D(2026, 8, 25),
                       listed_supervision=True, supervision_deadline=D(2026, 7, 1))
    assert _next(case) == D(2026, 7, 1)
    assert Case.objects.overdue(D(2026, 7, 2)).filter(pk=case.pk).exists()
    assert not Case.objects.overdue(D(2026, 7, 1)).filter(pk=case.pk).exists()


def test_the_earlier_of_order_and_supervision_deadlines_is_next(personas):
    case = CaseFactory(enterprise=personas.enterprise_a, status="order_issued", order_deadline=D(2026, 6, 20),
                       listed_supervision=True, supervision_deadline=D(2026, 7, 1))
    assert _next(case) == D(2026, 6, 20)
    Case.objects.filter(pk=case.pk).update(supervision_deadline=D(2026, 6, 15))
    assert _next(case) == D(2026, 6, 15)


def test_supervision_is_the_only_deadline_of_an_overdue_case(personas):
    case = CaseFactory(enterprise=personas.enterprise_a, status="overdue", order_deadline=D(2026, 6, 20),
                       listed_supervision=True, supervision_deadline=D(2026, 7, 1))
    assert _next(case) == D(2026, 7, 1)


def test_an_unlisted_or_closed_case_does_not_wait_on_supervision(personas):
    unlisted = CaseFactory(enterprise=personas.enterprise_a, status="investigating", listed_supervision=False,
                           supervision_deadline=D(2026, 6, 1), investigation_deadline=D(2026, 8, 25))
    closed = CaseFactory(enterprise=personas.enterprise_a, closed=True, listed_supervision=True,
                         supervision_deadline=D(2026, 6, 1))
    assert _next(unlisted) == D(2026, 8, 25)
    assert _next(closed) is None
    assert not Case.objects.overdue(D(2026, 7, 2)).filter(pk__in=[unlisted.pk, closed.pk]).exists()
