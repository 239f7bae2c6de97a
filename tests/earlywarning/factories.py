"""Warnings made directly (for lists, scoping and disposal); the engine's own tests raise them through a rule."""

import datetime as dt

import factory
from django.utils import timezone

from earlywarning.models import Warning
from earlywarning.rules.base import Level, Subject
from tests.factories import EnterpriseFactory


class WarningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Warning

    rule = "W21"
    subject = Subject.ORDER
    subject_id = factory.Sequence(lambda n: n + 1)
    enterprise = factory.SubFactory(EnterpriseFactory)
    district = factory.LazyAttribute(lambda o: o.enterprise.district if o.enterprise else None)
    level = Level.RED
    evidence = factory.LazyFunction(
        lambda: {
            "case_number": "620102-2026-0001",
            "amount_unpaid": "24000.00",
            "deadline": "2026-06-19",
            "order_number": "令1",
            "workers": 3,
        }
    )
    raised_at = factory.LazyFunction(timezone.now)
    raised_on = factory.LazyFunction(timezone.localdate)
    due_on = factory.LazyAttribute(lambda o: o.raised_on + dt.timedelta(days=5))
