"""Demo deposits and funds, entered through the services (never written directly). Idempotent: a project
that has a deposit is left alone, a fund top-up is booked under a fixed idempotency key.

Runs after projects.demo (DEMO_MODULES): deposits for the demo projects in several states, the emergency
funds topped up to their target size, the construction bureau's grant on deposits and the finance
bureau's on funds."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from accounts.models import Department, DepartmentGrant, User
from kernel.roles import Role
from projects import permits
from projects import services as project_services
from projects.choices import ProjectStatus
from projects.models import Project

from . import services
from .choices import DepositForm, TriggerKind
from .models import Deposit, EmergencyFund

# project code: what to do after the assessment
PLAN = {
    "LZ-DEMO-001": "guarantee",
    "LZ-DEMO-002": "cash",
    "LZ-DEMO-003": "cash",
    "LZ-DEMO-004": "overdue",
    "LZ-DEMO-005": "required",
}


def seed(stdout):

    admin = User.objects.filter(role=Role.CITY_ADMIN).order_by("pk").first()
    if admin is None:
        stdout.write("  deposits: no city administrator yet; skipped")
        return
    _grants()
    today = timezone.localdate()
    created = 0
    for code, plan in PLAN.items():
        project = Project.objects.filter(code=code).select_related("general_contractor").first()
        if project is None or Deposit.objects.filter(project=project).exists():
            continue
        signed = project.contract_signed_on or today
        if plan == "required":
            trigger, trigger_date = TriggerKind.PERMIT, today - dt.timedelta(days=3)
        elif plan == "overdue":
            trigger, trigger_date = TriggerKind.CONTRACT, today - dt.timedelta(days=60)
        else:
            trigger, trigger_date = TriggerKind.PERMIT, signed + dt.timedelta(days=30)
        deposit = services.assess_deposit(project, actor=admin, trigger=trigger, trigger_date=trigger_date,
                                          on=min(today, trigger_date))
        if deposit.adjustment == "exempt" and plan not in ("required", "overdue"):
            services.record_exemption(deposit, actor=admin)
        elif plan == "cash":
            services.record_cash(deposit, actor=admin, amount=deposit.required_amount,
                                 bank_name="兰州银行城关支行", account_number=f"1010{project.pk:06d}88",
                                 received_on=trigger_date + dt.timedelta(days=10), key=f"demo-cash-{code}")
        elif plan == "guarantee":
            start = trigger_date + dt.timedelta(days=7)
            end = max(start + relativedelta(years=1), project.planned_completion_on or start) + relativedelta(months=1)
            services.record_guarantee(deposit, actor=admin, form=DepositForm.BANK_GUARANTEE,
                                      guarantor="中国建设银行兰州分行", number=f"BH{project.pk:04d}2025",
                                      amount=deposit.required_amount, valid_from=start, valid_until=end,
                                      original_held=True, key=f"demo-guarantee-{code}")
        _start_construction(project, admin, trigger_date + dt.timedelta(days=10))
        created += 1
    for fund in EmergencyFund.objects.select_related("district"):
        services.top_up_fund(fund, actor=admin, amount=fund.target_amount, memo="年度财政预算安排",
                             key=f"demo-budget-{fund.pk}", on=today.replace(month=1, day=5))
    stdout.write(f"Demo deposits: {Deposit.objects.count()} ({created} new); emergency funds topped up.")


def _start_construction(project, admin, on):
    """Projects whose permit preconditions are now met start construction (projects.services refuses the
    others: LZ-DEMO-004 and -005 wait for their deposit)."""

    project.refresh_from_db()
    if project.status == ProjectStatus.PERMIT_PENDING and permits.eligibility(project).eligible:
        project_services.change_status(project, ProjectStatus.UNDER_CONSTRUCTION, actor=admin,
                                       on=min(on, timezone.localdate()))


def _grants():
    """The construction bureau reads deposits (permit eligibility); the finance bureau reads the funds."""
    for code, resource in (("zhujian", "deposits.deposit"), ("caizheng", "deposits.emergencyfund")):
        department = Department.objects.filter(code=code).first()
        if department is not None:
            DepartmentGrant.objects.get_or_create(department=department, resource=resource)
