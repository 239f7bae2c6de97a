"""Demo data in every state (idempotent), the scale generator's totals, the overdue task."""

import io
from decimal import Decimal

import pytest
from django.utils import timezone

from cases import demo, scale
from cases.choices import CaseStatus
from cases.models import Case, Complaint, CriminalTransfer, MassIncident
from tests.factories import EnterpriseFactory

from .factories import ordered_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_world(chengguan, qilihe):
    from accounts import demo as accounts_demo

    accounts_demo.seed(io.StringIO())
    for district in (chengguan, qilihe):
        for _ in range(22):
            EnterpriseFactory(district=district)


def test_demo_has_cases_in_every_state_some_overdue_and_is_idempotent(demo_world):
    demo.seed(io.StringIO())
    assert set(Case.objects.values_list("status", flat=True)) == set(CaseStatus.values)
    assert Case.objects.overdue(timezone.localdate()).exists()
    assert Complaint.objects.filter(status="received").exists() and MassIncident.objects.exists()
    counts = (Case.objects.count(), Complaint.objects.count())
    out = io.StringIO()
    demo.seed(out)
    assert (Case.objects.count(), Complaint.objects.count()) == counts and "exist already" in out.getvalue()


def test_the_scale_generator_hits_its_targets_exactly(demo_world, monkeypatch):
    small = {"complaints": 120, "workers": 400, "cases": 12, "closed": 11, "recovered": Decimal("987654.32"),
             "recovered_workers": 60, "incidents": 2, "transfers": 3}
    monkeypatch.setattr(scale, "TARGETS", small)
    summary = scale.generate(2025, seed=1, stdout=io.StringIO())
    assert summary == {**small, "cases": 12}
    assert CriminalTransfer.objects.count() == 3
    assert scale.generate(2025, seed=1, stdout=io.StringIO()) == {}  # idempotent per year


def test_split_adds_up():
    import random

    rng = random.Random(3)
    assert sum(scale.split(4301, 795, rng)) == 4301 and min(scale.split(4301, 795, rng)) >= 1
    assert sum(scale.split(Decimal("49870000.00"), 795, rng)) == Decimal("49870000.00")


def test_the_overdue_task_marks_orders_past_their_deadline_once(personas, partner):
    from cases.tasks import flag_overdue_orders

    case = ordered_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    assert flag_overdue_orders(case.order_deadline.isoformat()) == 0
    day = case.order_deadline.replace(day=case.order_deadline.day + 1).isoformat()
    assert flag_overdue_orders(day) == 1
    assert Case.objects.get(pk=case.pk).status == CaseStatus.OVERDUE
    assert flag_overdue_orders(day) == 0
