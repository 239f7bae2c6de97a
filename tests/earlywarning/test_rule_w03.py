"""W03: the deposit held is below its requirement: the amount assessed, or the rate engine's amount today."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from deposits import facts as deposit_facts
from deposits import providers
from earlywarning.rules import w03_deposit_short as rule
from earlywarning.rules.base import Subject
from tests.deposits import factories
from tests.deposits.conftest import _providers  # noqa: F401 (autouse fixture: providers restored)

from .deposits_setup import official, today  # noqa: F401 (fixtures)
from .running import run

pytestmark = pytest.mark.django_db
D = dt.date


def test_exactly_the_requirement_is_enough(personas, official, today):  # noqa: F811
    deposit = factories.stored(factories.project(personas.enterprise_a), official)
    assert deposit.balance == deposit.required_amount == Decimal("180000.00")
    assert run(rule, today) == []


def test_a_listing_since_the_assessment_raises_the_requirement(personas, official, today):  # noqa: F811
    project = factories.project(personas.enterprise_a)
    deposit = factories.stored(project, official)
    providers.register_blacklist_provider(factories.Blacklist([personas.enterprise_a.pk]))
    [hit] = run(rule, today)
    assert (hit.subject, hit.subject_id, hit.project_id) == (Subject.DEPOSIT, deposit.pk, project.pk)
    # listed: no reduction for clean years, +100 %: 12 M × 3 % × 2
    assert hit.evidence["required_now"] == "720000.00" and hit.evidence["rate_now"] == "0.060000"
    assert hit.evidence["held"] == "180000.00" and hit.evidence["shortfall"] == "540000.00"
    assert hit.evidence["required_amount"] == "180000.00"


def test_a_guarantee_counts_its_amount(personas, official, today):  # noqa: F811
    deposit = factories.guaranteed(factories.project(personas.enterprise_a), official, amount=Decimal("720000.00"))
    assert run(rule, today) == []
    providers.register_blacklist_provider(factories.Blacklist([personas.enterprise_a.pk]))
    assert run(rule, today) == []  # 720,000 covers the increased requirement exactly
    type(deposit).objects.filter(pk=deposit.pk).update(guarantee_amount=Decimal("719999.99"))
    [hit] = run(rule, today)
    assert hit.evidence["held"] == "719999.99" and hit.evidence["shortfall"] == "0.01"


def test_complete_projects_are_not_asked_to_top_up(personas, official, today):  # noqa: F811
    project = factories.project(personas.enterprise_a)
    factories.stored(project, official)
    type(project).objects.filter(pk=project.pk).update(status="completed")
    providers.register_blacklist_provider(factories.Blacklist([personas.enterprise_a.pk]))
    assert run(rule, today) == []


def _queries(on):
    with CaptureQueriesContext(connection) as captured:
        deposit_facts.held_for_construction(on)
    return len(captured)


def test_the_requirement_of_every_deposit_costs_a_fixed_number_of_queries(personas, official, today):  # noqa: F811
    factories.stored(factories.project(personas.enterprise_a), official)
    one = _queries(today)
    factories.stored(factories.project(personas.enterprise_a), official)
    factories.stored(factories.project(personas.enterprise_b), personas.qilihe_official)
    assert _queries(today) == one <= 12
