"""The cases' draw-down requests (cases.EscalationRequest) and the deposits app: listed on the approvals page with
a link that starts the draw, and marked done when the draw for the case is approved."""

from decimal import Decimal

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from cases import services as case_services
from cases.choices import EscalationKind, EscalationStatus, EventKind
from deposits import services

from . import factories

pytestmark = pytest.mark.django_db
PAYEES = [{"name": "张三", "amount": "30000.00"}, {"name": "李四", "amount": "20000.00"}]


@pytest.fixture
def deposit(personas, today):
    return factories.stored(factories.project(personas.enterprise_a), personas.chengguan_official)


@pytest.fixture
def case(deposit):
    return factories.overdue_case(deposit.project)


@pytest.fixture
def drawdown(case, personas):
    return case_services.request_escalation(case, actor=personas.chengguan_inspector,
                                            kind=EscalationKind.DEPOSIT_DRAWDOWN, amount=Decimal("50000.00"),
                                            reason="逾期未支付，申请动用工资保证金。")


def _draw(deposit, case, actor):
    return services.request_draw(deposit, actor=actor, amount="50000.00", case_ref=case.number, payees=PAYEES,
                                 reason="逾期未支付")


# --- deposits → cases: an approved draw completes the request ------------------------------------


def test_an_approved_draw_marks_the_cases_request_done(deposit, case, drawdown, personas):
    approval = _draw(deposit, case, personas.chengguan_inspector)
    drawdown.refresh_from_db()
    assert drawdown.status == EscalationStatus.PENDING  # requested only: the money has not moved
    services.approve(approval, actor=personas.chengguan_official)
    drawdown.refresh_from_db()
    assert drawdown.status == EscalationStatus.DONE
    assert f"approval {approval.pk}" in drawdown.basis["done"]
    event = case.events.get(kind=EventKind.ESCALATION, title__endswith="done")
    assert event.actor == personas.chengguan_official and "50,000.00" in event.detail
    assert AuditEvent.objects.filter(event="case_deposit_drawdown_done", object_id=str(case.pk)).exists()
    assert drawdown.history.first().history_user == personas.chengguan_official


def test_a_rejected_draw_leaves_the_request_pending(deposit, case, drawdown, personas):
    approval = _draw(deposit, case, personas.chengguan_inspector)
    services.reject(approval, actor=personas.chengguan_official, note="工人名单不全")
    drawdown.refresh_from_db()
    assert drawdown.status == EscalationStatus.PENDING


def test_a_draw_without_a_request_approves_as_before(deposit, case, personas):
    approval = services.approve(_draw(deposit, case, personas.chengguan_inspector), actor=personas.chengguan_official)
    assert approval.status == "approved"
    assert not case.escalations.exists()


# --- cases → deposits: the approvals page lists the pending requests -----------------------------


def test_the_approvals_page_lists_the_request_with_a_link_that_starts_the_draw(deposit, case, drawdown, personas,
                                                                                login):
    client = login(personas.chengguan_official)
    page = client.get(reverse("deposits:approvals")).content.decode()
    assert 'data-testid="drawdown-requests"' in page and case.number in page
    start = reverse("deposits:action", args=[deposit.pk, "draw"])
    assert f'href="{start}?case={case.number}&amp;amount=50000.00"' in page
    form = client.get(start, {"case": case.number, "amount": "50000.00"}).content.decode()
    assert f'value="{case.number}"' in form and 'value="50000.00"' in form


def test_a_requested_draw_is_shown_as_awaiting_approval_and_a_done_request_leaves_the_list(deposit, case, drawdown,
                                                                                           personas, login):
    approval = _draw(deposit, case, personas.chengguan_inspector)
    client = login(personas.chengguan_official)
    page = client.get(reverse("deposits:approvals")).content.decode()
    assert reverse("deposits:approval-detail", args=[approval.pk]) in page
    assert 'data-testid="start-draw"' not in page
    services.approve(approval, actor=personas.chengguan_official)
    assert 'data-testid="drawdown-requests"' not in client.get(reverse("deposits:approvals")).content.decode()


def test_other_district_does_not_see_the_request(deposit, case, drawdown, personas, login):
    page = login(personas.qilihe_official).get(reverse("deposits:approvals")).content.decode()
    assert 'data-testid="drawdown-requests"' not in page and case.number not in page


def test_a_list_review_request_is_not_listed(deposit, case, personas, login):
    case_services.request_escalation(case, actor=personas.chengguan_inspector, kind=EscalationKind.BLACKLIST_REVIEW,
                                     reason="逾期未支付")
    page = login(personas.chengguan_official).get(reverse("deposits:approvals")).content.decode()
    assert 'data-testid="drawdown-requests"' not in page
