"""Factories of the inspections tests."""

import datetime as dt

import factory

from inspections.choices import InspectorKind
from inspections.models import Batch, InspectionItem, Inspector, SpotCheckPlan
from tests.factories import district


class InspectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inspector

    name = factory.Sequence(lambda n: f"监察员{n}")
    kind = InspectorKind.FULL_TIME
    certificate_number = factory.Sequence(lambda n: f"甘执{n:06d}")
    certificate_expires_on = dt.date(2030, 12, 31)
    district = factory.LazyFunction(lambda: district("620102"))
    phone = "13912345678"


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InspectionItem

    matter = factory.Sequence(lambda n: f"工资支付情况检查{n}")
    legal_basis = "《保障农民工工资支付条例》第五十条"
    content = "工资台账、工资支付凭证"
    method = "现场检查、书面审查"


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpotCheckPlan

    year = 2026
    name = factory.Sequence(lambda n: f"年度双随机抽查计划{n}")
    district = factory.LazyFunction(lambda: district("620102"))


class BatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Batch

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    planned_on = dt.date(2026, 6, 1)
