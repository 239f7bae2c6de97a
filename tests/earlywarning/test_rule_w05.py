"""W05: a deposit drawn on and not topped up within 10 working days of the use."""

import datetime as dt
from decimal import Decimal

import pytest

from deposits import facts as deposit_facts
from deposits import services
from earlywarning.rules import w05_topup_overdue as rule
from earlywarning.rules.base import Subject
from tests.deposits import factories

from .deposits_setup import official, today  # noqa: F401 (fixtures)
from .running import run

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def drawn(personas, official, today):  # noqa: F811
    project = factories.project(personas.enterprise_a)
    deposit = factories.stored(project, official)
    case = factories.overdue_case(project)
    approval = services.request_draw(
        deposit,
        actor=personas.chengguan_inspector,
        amount="50000.00",
        case_ref=case.number,
        payees=[{"name": "张三", "amount": "50000.00"}],
        reason="逾期未支付",
    )
    services.approve(approval, actor=official)
    deposit.refresh_from_db()
    return deposit


def test_ten_working_days_after_the_draw_across_the_dragon_boat_festival(drawn):
    assert drawn.topup_due_on == D(2026, 6, 30)  # drawn 15 June; 19 June is a holiday
    assert run(rule, D(2026, 6, 30)) == []
    [hit] = run(rule, D(2026, 7, 1))
    assert (hit.subject, hit.subject_id, hit.level) == (Subject.DEPOSIT, drawn.pk, None)  # the rule's red
    assert hit.evidence == {
        "drawn_on": "2026-06-15",
        "drawn_amount": "50000.00",
        "topup_due_on": "2026-06-30",
        "held": str(drawn.required_amount - Decimal("50000.00")),
        "required_amount": str(drawn.required_amount),
        "workdays_late": 1,
    }


def test_the_top_up_clears_it(drawn, official):  # noqa: F811
    services.record_topup(drawn, actor=official, amount="50000.00", received_on=D(2026, 7, 2))
    assert run(rule, D(2026, 7, 3)) == []


def test_the_fact_is_one_query(drawn, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert [row["pk"] for row in deposit_facts.topups_overdue(D(2026, 7, 1))] == [drawn.pk]
