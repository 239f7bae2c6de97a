"""The case state machine: every legal transition, illegal ones refused with a clear message, the two
inspectors, recusal, the one approved extension, orders, overdue, money, transfer, closing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from audit.models import AuditEvent
from cases import services
from cases.choices import CaseStatus, EventKind, ExtensionStatus, ServiceMethod
from cases.models import Case, CaseEvent, CaseInspector
from cases.services.lifecycle import TRANSITIONS
from enterprises.models import TimelineEntry
from kernel.errors import DomainError, IllegalTransition, RuleRefused
from tests.factories import EnterpriseFactory

from .factories import FILED_ON, filed_case, investigating_case, ordered_case, overdue_case

D = dt.date
pytestmark = pytest.mark.django_db
S = CaseStatus


@pytest.fixture
def actors(personas, partner):
    return personas.chengguan_inspector, partner, personas.enterprise_a


def test_accepting_files_the_case_the_same_day_with_the_60_working_day_deadline(actors):
    me, _, enterprise = actors
    case = filed_case(me, enterprise)
    assert case.status == S.FILED and case.filed_on == FILED_ON
    assert case.investigation_deadline == D(2026, 8, 25)  # 60 working days after Mon 1 June (Dragon Boat on 19 June)
    assert list(case.assignments.values_list("inspector", flat=True)) == [me.pk]
    assert AuditEvent.objects.filter(event="case_filed", object_id=str(case.pk)).exists()
    assert TimelineEntry.objects.filter(enterprise=enterprise, kind="case", object_id=str(case.pk)).exists()


def test_the_second_inspector_starts_the_investigation(actors):
    me, partner, enterprise = actors
    case = investigating_case(me, partner, enterprise)
    assert case.status == S.INVESTIGATING
    assert CaseEvent.objects.filter(case=case, kind=EventKind.INVESTIGATION).count() == 1


def test_an_order_needs_two_inspectors_who_have_not_recused(actors):
    me, partner, enterprise = actors
    case = investigating_case(me, partner, enterprise)
    assignment = CaseInspector.objects.get(case=case, inspector=partner)
    services.recuse_inspector(assignment, actor=me, reason="与用人单位负责人系近亲属")
    assignment.refresh_from_db()
    assert assignment.recused and assignment.recusal_reason
    with pytest.raises(DomainError, match="Two inspectors must be on the case"):
        services.issue_order(case, actor=me, issued_on=D(2026, 6, 10), workdays=7, amount=Decimal(1), workers=1,
                             requirements="x", served_on=D(2026, 6, 10), service_method=ServiceMethod.IN_PERSON)
    with pytest.raises(DomainError, match="recused from this case"):
        services.assign_inspector(case, actor=me, inspector=partner)
    assert CaseEvent.objects.filter(case=case, kind=EventKind.RECUSED).exists()


def test_recusal_needs_a_reason(actors):
    me, partner, enterprise = actors
    case = investigating_case(me, partner, enterprise)
    with pytest.raises(DomainError):
        services.recuse_inspector(case.assignments.get(inspector=partner), actor=me, reason=" ")


def test_only_inspectors_of_the_case_district_are_assigned(actors, personas):
    me, _, enterprise = actors
    case = filed_case(me, enterprise)
    with pytest.raises(DomainError, match="Only an inspector of"):
        services.assign_inspector(case, actor=me, inspector=personas.qilihe_inspector)


def test_extension_only_with_a_heads_approval_and_only_once(actors, personas):
    me, partner, enterprise = actors
    case = investigating_case(me, partner, enterprise)
    services.request_extension(case, actor=me, reason="涉及多个分包单位")
    with pytest.raises(PermissionDenied):  # an inspector is no department head
        services.decide_extension(case, actor=partner, approve=True)
    case = services.decide_extension(case, actor=personas.chengguan_official, approve=True)
    assert case.extension_status == ExtensionStatus.APPROVED
    assert case.investigation_deadline == D(2026, 10, 12)  # 90 working days, across the National Day week
    with pytest.raises(IllegalTransition, match="only once"):
        services.request_extension(case, actor=me, reason="again")
    with pytest.raises(IllegalTransition):
        services.decide_extension(case, actor=personas.chengguan_official, approve=True)


def test_an_official_cannot_approve_their_own_extension_request(actors, personas):
    me, partner, enterprise = actors
    case = investigating_case(me, partner, enterprise)
    official = personas.chengguan_official
    services.request_extension(case, actor=official, reason="复杂")
    with pytest.raises(PermissionDenied):
        services.decide_extension(case, actor=official, approve=True)


def test_a_refused_extension_leaves_the_deadline(actors, personas):
    me, partner, enterprise = actors
    case = investigating_case(me, partner, enterprise)
    services.request_extension(case, actor=me, reason="复杂")
    case = services.decide_extension(case, actor=personas.chengguan_official, approve=False)
    assert case.extension_status == ExtensionStatus.REFUSED and case.investigation_deadline == D(2026, 8, 25)


def test_order_deadline_in_working_days_and_service_recorded(actors):
    me, partner, enterprise = actors
    case = ordered_case(me, partner, enterprise, issued_on=D(2026, 9, 29))
    order = case.orders.get()
    # 7 working days from Tue 29 Sep: 30 Sep, 8, 9, 10 (make-up Sat), 12, 13, 14 Oct.
    assert order.deadline == case.order_deadline == D(2026, 10, 14)
    assert case.status == S.ORDER_ISSUED and order.service_method == ServiceMethod.IN_PERSON


def test_a_posted_order_needs_its_photo_or_video_record(actors):
    me, partner, enterprise = actors
    case = investigating_case(me, partner, enterprise)
    with pytest.raises(DomainError, match="photo or video"):
        services.issue_order(case, actor=me, issued_on=D(2026, 6, 10), workdays=7, amount=Decimal(100), workers=1,
                             requirements="x", served_on=D(2026, 6, 10), service_method=ServiceMethod.POSTED)


def test_overdue_only_after_the_deadline(actors):
    me, partner, enterprise = actors
    case = ordered_case(me, partner, enterprise)
    with pytest.raises(RuleRefused, match="not overdue before"):  # a rule of time, not of state: 400
        services.mark_overdue(case, actor=me, on=case.order_deadline)
    case = services.mark_overdue(case, actor=me, on=case.order_deadline + dt.timedelta(days=1))
    assert case.status == S.OVERDUE


def test_full_payment_complies_and_the_case_closes(actors):
    me, partner, enterprise = actors
    case = ordered_case(me, partner, enterprise)
    services.record_recovery(case, actor=me, paid_on=D(2026, 6, 12), amount=Decimal("24000.00"), workers_paid=3,
                             workers=[{"name": "王小二", "id_number": "11010519491231002X", "amount": "8000"},
                                      {"name": "李四", "id_number": "", "amount": "8000"},
                                      {"name": "张三", "id_number": "", "amount": "8000"}])
    case.refresh_from_db()
    assert case.status == S.COMPLIED
    assert (case.recovered_amount, case.recovered_workers) == (Decimal("24000.00"), 3)
    assert case.recoveries.get().workers.get(name="王小二").masked_id_number == "1101**********002X"
    case = services.close_case(case, actor=me, outcome="rectified", summary="已足额支付", on=D(2026, 6, 15))
    assert case.status == S.CLOSED and case.closed_on == D(2026, 6, 15)


def test_partial_payment_does_not_comply(actors):
    me, partner, enterprise = actors
    case = ordered_case(me, partner, enterprise)
    services.record_recovery(case, actor=me, paid_on=D(2026, 6, 12), amount=Decimal("1000"), workers_paid=1)
    case.refresh_from_db()
    assert case.status == S.ORDER_ISSUED and case.amount_unpaid == Decimal("23000.00")


def test_worker_list_cannot_exceed_the_payment(actors):
    me, partner, enterprise = actors
    case = ordered_case(me, partner, enterprise)
    with pytest.raises(DomainError, match="add up"):
        services.record_recovery(case, actor=me, paid_on=D(2026, 6, 12), amount=Decimal("100"), workers_paid=1,
                                 workers=[{"name": "甲", "amount": "200"}])


def test_overdue_escalations_compensation_drawdown_blacklist(actors):
    me, partner, enterprise = actors
    case = overdue_case(me, partner, enterprise)
    with pytest.raises(DomainError, match=r"50\.0% and 100\.0%"):
        services.order_compensation(case, actor=me, rate=Decimal("0.4"))
    case = services.order_compensation(case, actor=me, rate=Decimal("0.5"))
    assert case.compensation_amount == Decimal("12000.00")
    with pytest.raises(IllegalTransition):
        services.order_compensation(case, actor=me, rate=Decimal("1"))
    draw = services.request_escalation(case, actor=me, kind="deposit_drawdown", reason="治欠保支",
                                       amount=Decimal("24000"))
    assert draw.basis["unpaid"] == "24000.00" and draw.basis["order_deadline"]
    with pytest.raises(IllegalTransition, match="pending already"):
        services.request_escalation(case, actor=me, kind="deposit_drawdown", reason="again", amount=Decimal(1))
    review = services.request_escalation(case, actor=me, kind="blacklist_review", reason="逾期不支付")
    assert review.status == "pending" and review.basis["case"] == case.number


def test_a_drawdown_cannot_exceed_the_unpaid_wages(actors):
    me, partner, enterprise = actors
    case = overdue_case(me, partner, enterprise)
    with pytest.raises(DomainError, match="Draw between"):
        services.request_escalation(case, actor=me, kind="deposit_drawdown", reason="x", amount=Decimal("24000.01"))


def test_criminal_transfer_needs_the_threshold_and_follows_to_judgment(actors):
    me, partner, enterprise = actors
    case = overdue_case(me, partner, enterprise)  # 3 workers, 3 months, ¥24,000: average 8,000 < 10,000
    with pytest.raises(DomainError, match="does not reach"):
        services.transfer_to_police(case, actor=me, document_number="移送〔2026〕1号", police_unit="城关分局")
    other = EnterpriseFactory(district=enterprise.district)  # another employer: no grouping with the first case
    big = overdue_case(me, partner, other, workers_count=12, amount_owed=Decimal("60000"))
    transfer = services.transfer_to_police(big, actor=me, document_number="移送〔2026〕2号", police_unit="城关分局",
                                           on=D(2026, 7, 1))
    big.refresh_from_db()
    assert big.status == S.TRANSFERRED and transfer.unpaid_amount == Decimal("60000.00")
    with pytest.raises(IllegalTransition):
        services.update_transfer(transfer, actor=me, stage="judged", on=D(2026, 7, 2), court_result="convicted")
    for stage, day in (("accepted", D(2026, 7, 3)), ("prosecuted", D(2026, 8, 3))):
        transfer = services.update_transfer(transfer, actor=me, stage=stage, on=day)
    transfer = services.update_transfer(transfer, actor=me, stage="judged", on=D(2026, 9, 1), court_result="convicted")
    assert transfer.court_result == "convicted"
    case = services.close_case(big, actor=me, outcome="transferred", summary="已移送公安并判决", on=D(2026, 9, 2))
    assert case.status == S.CLOSED


def test_withdrawal_from_investigation_needs_a_reason(actors):
    me, partner, enterprise = actors
    case = investigating_case(me, partner, enterprise)
    with pytest.raises(DomainError):
        services.withdraw_case(case, actor=me, reason="")
    assert services.withdraw_case(case, actor=me, reason="情节轻微且已改正").status == S.WITHDRAWN


# --- the transition table, exhaustively ------------------------------------------------------

def _case_in(state, actors):
    me, partner, enterprise = actors
    if state == S.FILED:
        return filed_case(me, enterprise)
    if state == S.INVESTIGATING:
        return investigating_case(me, partner, enterprise)
    if state == S.ORDER_ISSUED:
        return ordered_case(me, partner, enterprise)
    if state == S.WITHDRAWN:
        case = investigating_case(me, partner, enterprise)
        return services.withdraw_case(case, actor=me, reason="轻微", on=D(2026, 6, 5))
    case = overdue_case(me, partner, enterprise, workers_count=12, amount_owed=Decimal("60000"))
    if state == S.OVERDUE:
        return case
    if state == S.COMPLIED:
        services.record_recovery(case, actor=me, paid_on=D(2026, 7, 1), amount=case.amount_owed, workers_paid=12)
    elif state == S.TRANSFERRED:
        services.transfer_to_police(case, actor=me, document_number="移送1", police_unit="公安", on=D(2026, 7, 1))
    elif state == S.CLOSED:
        services.close_case(case, actor=me, outcome="penalty", summary="处罚", on=D(2026, 7, 1))
    return Case.objects.get(pk=case.pk)


ACTIONS = {
    S.INVESTIGATING: None,  # reached by assigning the second inspector, tested above
    S.ORDER_ISSUED: lambda c, me: services.issue_order(
        c, actor=me, issued_on=D(2026, 7, 2), workdays=5, amount=Decimal(10), workers=1, requirements="x",
        served_on=D(2026, 7, 2), service_method=ServiceMethod.IN_PERSON),
    S.OVERDUE: lambda c, me: services.mark_overdue(c, actor=me, on=D(2026, 12, 31)),
    S.TRANSFERRED: lambda c, me: services.transfer_to_police(c, actor=me, document_number="1", police_unit="公安",
                                                             on=D(2026, 7, 2)),
    S.CLOSED: lambda c, me: services.close_case(c, actor=me, outcome="penalty", summary="x", on=D(2026, 7, 2)),
    S.WITHDRAWN: lambda c, me: services.withdraw_case(c, actor=me, reason="x", on=D(2026, 7, 2)),
}
ILLEGAL = [(source, target) for source in S for target, act in ACTIONS.items()
           if act is not None and target not in TRANSITIONS[source]]


@pytest.mark.parametrize(("source", "target"), ILLEGAL, ids=[f"{s.value}->{t.value}" for s, t in ILLEGAL])
def test_illegal_transitions_are_refused_with_a_clear_message(source, target, actors):
    case = _case_in(source, actors)
    with pytest.raises(IllegalTransition) as excinfo:
        ACTIONS[target](case, actors[0])
    assert str(S(source).label) in excinfo.value.message
    assert Case.objects.get(pk=case.pk).status == source


LEGAL = [(S.INVESTIGATING, S.ORDER_ISSUED), (S.ORDER_ISSUED, S.OVERDUE), (S.OVERDUE, S.TRANSFERRED),
         (S.OVERDUE, S.CLOSED), (S.FILED, S.WITHDRAWN), (S.INVESTIGATING, S.WITHDRAWN),
         (S.INVESTIGATING, S.CLOSED), (S.TRANSFERRED, S.CLOSED)]


@pytest.mark.parametrize(("source", "target"), LEGAL, ids=[f"{s.value}->{t.value}" for s, t in LEGAL])
def test_legal_transitions(source, target, actors):
    case = _case_in(source, actors)
    if target == S.CLOSED and source == S.TRANSFERRED:
        services.close_case(case, actor=actors[0], outcome="transferred", summary="x")
    elif target == S.CLOSED and source == S.INVESTIGATING:
        services.close_case(case, actor=actors[0], outcome="no_violation", summary="查无拖欠")
    else:
        ACTIONS[target](case, actors[0])
    assert Case.objects.get(pk=case.pk).status == target
    assert target in TRANSITIONS[source]


def test_complied_closes_and_a_closed_case_stays_closed(actors):
    case = _case_in(S.COMPLIED, actors)
    assert case.status == S.COMPLIED
    with pytest.raises(IllegalTransition, match="cannot be closed as"):
        services.close_case(case, actor=actors[0], outcome="court_enforcement", summary="x")
    services.close_case(case, actor=actors[0], outcome="rectified", summary="已支付")
    with pytest.raises(IllegalTransition):
        services.record_recovery(case, actor=actors[0], paid_on=D(2026, 7, 5), amount=Decimal(1), workers_paid=1)


def test_another_district_cannot_act_on_the_case(actors, personas):
    case = _case_in(S.INVESTIGATING, actors)
    with pytest.raises(PermissionDenied):
        services.close_case(case, actor=personas.qilihe_inspector, outcome="no_violation", summary="x")
