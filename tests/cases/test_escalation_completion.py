"""complete_escalation: the app a request was addressed to marks it done, once, within its scope."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from audit.models import AuditEvent
from cases import services
from cases.choices import EscalationKind, EscalationStatus, EventKind
from kernel.errors import IllegalTransition

from .factories import overdue_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_(personas, partner):
    case = overdue_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    return services.request_escalation(case, actor=personas.chengguan_inspector,
                                       kind=EscalationKind.DEPOSIT_DRAWDOWN, amount=Decimal("10000.00"),
                                       reason="逾期未支付")


def test_it_marks_the_request_done_on_the_cases_timeline(request_, personas):
    done = services.complete_escalation(request_, actor=personas.chengguan_official, note="已从保证金支付")
    assert done.status == EscalationStatus.DONE and done.basis["done"] == "已从保证金支付"
    event = request_.case.events.get(kind=EventKind.ESCALATION, title="Deposit draw-down done")
    assert event.detail == "已从保证金支付" and event.data["request"] == request_.pk
    assert AuditEvent.objects.filter(event="case_deposit_drawdown_done").count() == 1


def test_it_refuses_a_request_that_is_not_pending(request_, personas):
    services.complete_escalation(request_, actor=personas.chengguan_official)
    with pytest.raises(IllegalTransition):
        services.complete_escalation(request_, actor=personas.chengguan_official)


def test_it_refuses_an_actor_who_does_not_see_the_case(request_, personas):
    with pytest.raises(PermissionDenied):
        services.complete_escalation(request_, actor=personas.qilihe_official)
    with pytest.raises(PermissionDenied):
        services.complete_escalation(request_, actor=personas.enterprise_a_user)
    request_.refresh_from_db()
    assert request_.status == EscalationStatus.PENDING
