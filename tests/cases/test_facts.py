"""cases.facts, the one module other apps read the case register through: when an order went overdue is
stored on the case (not mined from its timeline), and the migration fills it for existing cases."""

import datetime as dt
from decimal import Decimal
from importlib import import_module

import pytest
from django.apps import apps as django_apps

from cases import facts, services
from cases.choices import EventKind
from cases.models import Case

from .factories import ordered_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors(personas, partner):
    return personas.chengguan_inspector, partner, personas.enterprise_a


def test_marking_overdue_stores_the_day_and_the_unpaid_amount_on_the_case(actors):
    me, partner, enterprise = actors
    case = ordered_case(me, partner, enterprise)
    assert facts.overdue(case) is None
    day = case.order_deadline + dt.timedelta(days=1)
    services.mark_overdue(case, actor=me, on=day)
    case = Case.objects.get(pk=case.pk)
    assert facts.overdue(case) == facts.Overdue(day, case.amount_unpaid)
    assert case.amount_unpaid > 0


def test_the_migration_fills_became_overdue_from_the_first_overdue_event(actors):
    me, partner, enterprise = actors
    case = ordered_case(me, partner, enterprise)
    day = case.order_deadline + dt.timedelta(days=2)
    services.mark_overdue(case, actor=me, on=day)
    Case.objects.filter(pk=case.pk).update(became_overdue_on=None, unpaid_when_overdue=None)
    case.events.filter(kind=EventKind.OVERDUE).update(data={"unpaid": "1234.50"})
    migration = import_module("cases.migrations.0004_case_became_overdue")
    migration.fill_from_timeline(django_apps, None)
    case = Case.objects.get(pk=case.pk)
    assert (case.became_overdue_on, case.unpaid_when_overdue) == (day, Decimal("1234.50"))


def test_arrears_dates_name_every_enterprise_asked_for(actors):
    me, partner, enterprise = actors
    case = ordered_case(me, partner, enterprise)
    found = facts.arrears_dates([enterprise.pk, 999_999], case.filed_on, case.filed_on)
    assert found == {enterprise.pk: [case.filed_on], 999_999: []}


def test_payment_order_by_case_or_order_number(actors):
    me, partner, enterprise = actors
    case = ordered_case(me, partner, enterprise)
    order = case.orders.get()
    by_case, by_order = facts.payment_order(case.number), facts.payment_order(order.number)
    assert by_case == by_order and by_case.deadline == order.deadline and by_case.case_id == case.pk
    assert facts.payment_order("NO-SUCH") is None
