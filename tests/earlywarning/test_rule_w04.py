"""W04: a guarantee ending within the month before its expiry on a project not complete; red once expired."""

import datetime as dt

import pytest

from deposits import facts as deposit_facts
from deposits import services
from earlywarning.rules import w04_guarantee_expiring as rule
from earlywarning.rules.base import Level, Subject
from tests.deposits import factories

from .deposits_setup import official, today  # noqa: F401 (fixtures)
from .running import run

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def guarantee(personas, official, today):  # noqa: F811
    return factories.guaranteed(factories.project(personas.enterprise_a), official, valid_until=D(2027, 12, 31))


def test_the_month_before_the_expiry(guarantee):
    assert run(rule, D(2027, 11, 30)) == []  # the month from 30 November ends on 30 December
    [hit] = run(rule, D(2027, 12, 1))
    assert (hit.subject, hit.subject_id, hit.level) == (Subject.DEPOSIT, guarantee.pk, None)
    assert hit.project_id == guarantee.project_id and hit.enterprise_id == guarantee.enterprise_id
    assert hit.evidence["valid_until"] == "2027-12-31" and hit.evidence["days_left"] == 30
    assert hit.evidence["guarantor"] == "中国建设银行兰州分行"
    assert run(rule, D(2027, 12, 31))[0].level is None  # the last valid day
    assert run(rule, D(2028, 1, 1))[0].level == Level.RED


def test_a_renewal_or_the_completion_clears_it(guarantee, official):  # noqa: F811
    services.renew_guarantee(guarantee, actor=official, number="BH-002", valid_until=D(2028, 12, 31))
    assert run(rule, D(2027, 12, 1)) == []
    assert len(run(rule, D(2028, 12, 1))) == 1
    type(guarantee.project).objects.filter(pk=guarantee.project_id).update(status="completed")
    assert run(rule, D(2028, 12, 1)) == []


def test_the_fact_is_one_query(guarantee, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert [row["pk"] for row in deposit_facts.guarantees_expiring(D(2027, 12, 1))] == [guarantee.pk]
