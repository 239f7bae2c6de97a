"""Demo money that needs both deposits and cases: a case's draw-down request met by a draw on the project's
deposit, and an emergency-fund advance. Runs after cases.demo (DEMO_MODULES), through the services; maker and
checker are always two different users. Idempotent: each part is skipped when it exists already.

- 城关区雁滩棚户区改造安置房项目 (LZ-DEMO-001): a routine patrol found six workers unpaid; the order to pay ran
  out, the case asked for a deposit draw-down, the inspector requested the draw and the district official
  approved it: the case's request is done and the deposit waits for its top-up. (cases.demo's own draw-down
  requests name no project and stay pending under "Requested by cases" on the approvals page.)
- Chengguan's emergency fund advanced wages in the mass-incident case: requested by the district official,
  approved by the city administrator.
"""

import datetime as dt
from decimal import Decimal

from accounts.demo import ensure_user
from accounts.models import User
from cases import services as case_services
from cases.choices import CaseSource, EscalationKind, ServiceMethod
from cases.models import Case, EscalationRequest
from kernel.roles import Role

from . import services
from .choices import DepositStatus
from .models import Approval, Deposit, EmergencyFund

D = dt.date
WAGE = Decimal("8000.00")
PAYEES = ["马永强", "何建平", "罗志刚", "高学军", "林海生", "郭德福"]


def _people(district, slug, partner_name):
    inspector = User.objects.get(username=f"{slug}_inspector")
    official = User.objects.get(username=f"{slug}_official")
    partner, _ = ensure_user(f"{slug}_inspector2", name=partner_name, role=Role.INSPECTOR, district=district)
    return inspector, partner, official


def _drawdown_request(deposit, inspector, partner, *, filed, issued, requested):
    """A patrol case on the deposit's project, its order to pay run out unpaid, and its draw-down request."""
    project, amount, workers = deposit.project, WAGE * len(PAYEES), len(PAYEES)
    case = case_services.file_case(actor=inspector, on=filed, district=project.district, enterprise=deposit.enterprise,
                                   project=project, source=CaseSource.PATROL, workers=workers, amount=amount, months=2)
    case_services.assign_inspector(case, actor=inspector, inspector=partner, on=filed)
    case_services.issue_order(case, actor=inspector, issued_on=issued, workdays=7, amount=amount, workers=workers,
                              requirements="足额支付拖欠的劳动者工资。", served_on=issued,
                              service_method=ServiceMethod.IN_PERSON, service_evidence="项目经理签收送达回证")
    case.refresh_from_db()
    case = case_services.mark_overdue(case, actor=inspector, on=case.order_deadline + dt.timedelta(days=1))
    return case_services.request_escalation(case, actor=inspector, kind=EscalationKind.DEPOSIT_DRAWDOWN,
                                            amount=amount, reason="限期支付指令逾期未履行，申请动用工资保证金支付。",
                                            on=requested)


def _draw():
    deposit = Deposit.objects.filter(project__code="LZ-DEMO-001").select_related("project__district",
                                                                                 "enterprise").first()
    if deposit is None or deposit.status not in DepositStatus.held() or deposit.status == DepositStatus.TOPUP_DUE:
        return
    if EscalationRequest.objects.filter(case__project=deposit.project, kind=EscalationKind.DEPOSIT_DRAWDOWN).exists():
        return  # seeded before
    inspector, partner, official = _people(deposit.project.district, "chengguan", "孙监察")
    request = _drawdown_request(deposit, inspector, partner, filed=D(2026, 9, 21), issued=D(2026, 10, 19),
                                requested=D(2026, 11, 2))
    approval = services.request_draw(deposit, actor=inspector, amount=request.amount, case_ref=request.case.number,
                                     payees=[{"name": name, "amount": WAGE} for name in PAYEES],
                                     reason="限期支付指令逾期，用工资保证金直接支付给农民工。",
                                     key="demo-draw-LZ-DEMO-001")
    services.approve(approval, actor=official, note="经审核，同意动用。")


def _advance(stdout):
    if Approval.objects.filter(idempotency_key="demo-advance-620102").exists():
        return
    fund = EmergencyFund.objects.filter(district__code="620102").first()
    case = Case.objects.filter(district__code="620102", mass_incidents__isnull=False).order_by("pk").first()
    admin = User.objects.filter(role=Role.CITY_ADMIN).order_by("pk").first()
    official = User.objects.filter(username="chengguan_official").first()
    if None in (fund, case, admin, official):
        stdout.write("  deposits: no mass-incident case or fund for the demo advance; skipped")
        return
    approval = services.request_advance(fund, actor=official, amount=Decimal("200000.00"), workers=25,
                                        case_ref=case.number, case=case, key="demo-advance-620102",
                                        reason="群体性讨薪事件，先行垫付25名农民工春节前工资，事后向用人单位追偿。")
    services.approve(approval, actor=admin, note="同意从区应急周转金垫付。")


def seed(stdout):
    _draw()
    _advance(stdout)
    stdout.write(f"  deposits: {Approval.objects.filter(kind='draw').count()} draws, "
                 f"{Approval.objects.filter(kind='advance').count()} fund advances, "
                 f"{EscalationRequest.objects.filter(kind=EscalationKind.DEPOSIT_DRAWDOWN, status='pending').count()} "
                 "draw-down requests pending")
