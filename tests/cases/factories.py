"""Factories of the cases app: rows made directly (for lists and scoping) and builders that walk a case
through the services to a given state (for the lifecycle)."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from cases import services
from cases.choices import Channel, ServiceMethod
from cases.models import Case, Complaint
from kernel.roles import Role
from tests.factories import EnterpriseFactory, UserFactory, district

D = dt.date
# A filing day whose 60 working days (and 90 with an extension) stay inside 2026, the last year the
# holiday calendar covers.
FILED_ON = D(2026, 6, 1)


class ComplaintFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Complaint

    tracking_number = factory.Sequence(lambda n: f"T20260601{n:06d}")
    channel = Channel.WALK_IN
    received_at = factory.LazyFunction(timezone.now)
    received_on = factory.LazyFunction(timezone.localdate)
    acceptance_deadline = factory.LazyAttribute(lambda o: o.received_on + dt.timedelta(days=7))
    complainant_name = "王小二"
    complainant_phone = "13912345678"
    complainant_id_number = "11010519491231002X"
    employer_name = factory.LazyAttribute(lambda o: o.enterprise.name if o.enterprise else "某劳务队")
    enterprise = factory.SubFactory(EnterpriseFactory)
    district = factory.LazyAttribute(lambda o: o.enterprise.district if o.enterprise else district("620102"))
    workers_count = 3
    amount_owed = Decimal("24000.00")
    owed_from = D(2026, 3, 1)
    owed_to = D(2026, 5, 31)
    description = "三个月工资未发"


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    class Params:
        closed = factory.Trait(status="closed", outcome="rectified", closed_on=D(2026, 8, 1))

    number = factory.Sequence(lambda n: f"620102-2026-{n + 9000:04d}")
    enterprise = factory.SubFactory(EnterpriseFactory)
    district = factory.LazyAttribute(lambda o: o.enterprise.district if o.enterprise else district("620102"))
    employer_name = factory.LazyAttribute(lambda o: o.enterprise.name if o.enterprise else "某劳务队")
    status = "investigating"
    filed_on = FILED_ON
    investigation_deadline = D(2026, 8, 25)
    workers_owed = 3
    amount_owed = Decimal("24000.00")
    months_owed = 3


def inspector(district_obj, username):
    return UserFactory(username=username, role=Role.INSPECTOR, district=district_obj)


def new_complaint(actor=None, *, enterprise=None, now=None, **fields) -> Complaint:
    values = {"channel": Channel.WALK_IN, "kind": "complaint", "complainant_name": "王小二",
              "complainant_phone": "13912345678", "employer_name": enterprise.name if enterprise else "某劳务队",
              "employer_credit_code": enterprise.credit_code if enterprise else "", "workers_count": 3,
              "amount_owed": Decimal("24000.00"), "owed_from": D(2026, 3, 1), "owed_to": D(2026, 5, 31),
              "description": "三个月工资未发"}
    values.update(fields)
    chosen = values.pop("chosen_district", None)
    when = now or timezone.make_aware(dt.datetime(2026, 5, 29, 10, 0))
    return services.submit_complaint(Complaint(**values), actor=actor, chosen_district=chosen, now=when)


def filed_case(actor, enterprise, *, on=FILED_ON, **fields) -> Case:
    complaint = new_complaint(actor, enterprise=enterprise, **fields)
    complaint = services.decide_complaint(complaint, actor=actor, decision="accepted", on=on)
    return complaint.case


def investigating_case(actor, partner, enterprise, **fields) -> Case:
    case = filed_case(actor, enterprise, **fields)
    return services.assign_inspector(case, actor=actor, inspector=partner, on=FILED_ON)


ORDER_ISSUED_ON = D(2026, 6, 10)


def ordered_case(actor, partner, enterprise, *, amount=Decimal("24000.00"), issued_on=ORDER_ISSUED_ON, **fields):
    case = investigating_case(actor, partner, enterprise, **fields)
    services.issue_order(case, actor=actor, issued_on=issued_on, workdays=7, amount=amount, workers=case.workers_owed,
                         requirements="足额支付", served_on=issued_on, service_method=ServiceMethod.IN_PERSON)
    return Case.objects.get(pk=case.pk)


def overdue_case(actor, partner, enterprise, **fields) -> Case:
    case = ordered_case(actor, partner, enterprise, **fields)
    return services.mark_overdue(case, actor=actor, on=case.order_deadline + dt.timedelta(days=3))
