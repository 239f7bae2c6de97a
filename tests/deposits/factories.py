"""Factories and builders of the deposits tests. Deposits are made through the services (the ledger has
no other way in); projects come from tests.projects.factories, cases from tests.cases.factories."""

import datetime as dt
from decimal import Decimal

import factory

from cases.models import Order
from deposits import services
from deposits.choices import DepositForm
from tests.cases.factories import CaseFactory
from tests.projects.factories import ProjectFactory

D = dt.date
TODAY = D(2026, 6, 15)  # a Monday, well inside the years the holiday calendar covers


class OrderFactory(factory.django.DjangoModelFactory):
    """An order to pay (cases.Order) with a deadline."""

    class Meta:
        model = Order

    case = factory.SubFactory(CaseFactory)
    number = factory.Sequence(lambda n: f"兰人社监令〔2026〕{n + 100}号")
    issued_on = D(2026, 6, 1)
    workdays = 7
    deadline = D(2026, 6, 10)
    amount = Decimal("24000.00")
    workers = 3
    requirements = "足额支付"
    served_on = D(2026, 6, 1)
    service_method = "in_person"


def project(enterprise, *, long_record=True, **fields):
    """A project of the contractor; by default one with years of history in the city (65号 Art. 12 counts its
    clean years from its first project or deposit, enterprises.Enterprise.first_activity_on)."""
    if long_record and enterprise.first_activity_on is None:
        enterprise.first_activity_on = D(2015, 1, 1)
        enterprise.save(update_fields=["first_activity_on"])
    fields.setdefault("district", enterprise.district)
    fields.setdefault("planned_completion_on", D(2027, 6, 30))
    return ProjectFactory(general_contractor=enterprise, **fields)


def assessed(project_, actor, **fields):
    fields.setdefault("trigger_date", D(2026, 6, 1))
    return services.assess_deposit(project_, actor=actor, **fields)


def stored(project_, actor, *, amount=None):
    deposit = assessed(project_, actor)
    return services.record_cash(deposit, actor=actor, amount=amount or deposit.required_amount,
                                bank_name="兰州银行", account_number="101088", received_on=D(2026, 6, 5))


def guaranteed(project_, actor, **overrides):
    deposit = assessed(project_, actor)
    values = {"form": DepositForm.BANK_GUARANTEE, "guarantor": "中国建设银行兰州分行", "number": "BH-001",
              "amount": deposit.required_amount, "valid_from": D(2026, 6, 5), "valid_until": D(2027, 12, 31),
              "original_held": True}
    values.update(overrides)
    return services.record_guarantee(deposit, actor=actor, **values)


def overdue_case(project_, **fields):
    """A case on the project whose order to pay ran out on 2026-06-10, unpaid."""
    fields.setdefault("status", "overdue")
    fields.setdefault("amount_owed", Decimal("100000.00"))
    case = CaseFactory(enterprise=project_.general_contractor, district=project_.district, project=project_,
                       **fields)
    OrderFactory(case=case, deadline=D(2026, 6, 10), amount=case.amount_owed)
    return case


class Blacklist:
    name = "test-blacklist"
    label = "test list"

    def __init__(self, listed):
        self.ids = set(listed)

    def listed(self, enterprise_ids, on):
        return self.ids & set(enterprise_ids)
