"""Demo projects on the demo enterprises (enterprises.demo): accounts, rosters and twelve months of payroll,
entered through the same services and importers as real data. Some projects have problems on purpose (late
labour-cost transfers, unpaid months, missing or withheld wage cards, no account) so that the warnings issue
has something to find. Idempotent: a project whose code exists is left alone."""

import datetime as dt
import random
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.files.base import ContentFile
from django.utils import timezone
from stdnum.cn import ric

from accounts.models import District, User
from core.imports import service
from enterprises.choices import EnterpriseKind
from enterprises.models import Enterprise
from kernel.roles import Role

from . import importers, services
from .choices import ImportKind, MovementKind, NoticeBoardItem, PartyRole, ProjectKind, ProjectStatus
from .models import AccountMovement, Project, ProjectParty, WageAccount

MONTHS = 12
# A 1×1 PNG standing in for the photo of the notice board.
_PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf"
                     "c0f01f0005000201e2a2d3d40000000049454e44ae426082")
_SURNAMES = list("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗")
_GIVEN = list("建国军华明强伟平刚勇杰涛斌辉鹏磊福贵生发")
_TEAMS = [("钢筋班", "钢筋工"), ("木工班", "木工"), ("混凝土班", "混凝土工"), ("水电班", "水电工")]

# code, name, district, kind, client kind/name part, GC name part, workers, problem
PROJECTS = [
    ("LZ-DEMO-001", "城关区雁滩棚户区改造安置房项目", "620102", ProjectKind.HOUSING, "城关区城市更新", "兰州示范建设",
     24, ""),
    ("LZ-DEMO-002", "七里河区西津路立交改造工程", "620103", ProjectKind.TRANSPORT, "城关区城市更新", "七里河路桥", 16,
     "unpaid"),
    ("LZ-DEMO-003", "安宁职教园区实训楼工程", "620105", ProjectKind.HOUSING, "安宁职教园区", "兰州示范建设", 14,
     "cards"),
    ("LZ-DEMO-004", "永登县城区供水管网改造工程", "620121", ProjectKind.WATER, "安宁职教园区", "永登县水务", 10,
     "late_allocations"),
    ("LZ-DEMO-005", "皋兰县北山旅游公路工程", "620122", ProjectKind.TRANSPORT, "城关区城市更新", "皋兰县交通", 0,
     "no_account"),
]


def _id_number(rng, region):
    born = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(0, 38 * 365))
    first17 = f"{region}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + ric.calc_check_digit(first17 + "0")


def seed(stdout):
    admin = User.objects.filter(role=Role.CITY_ADMIN).order_by("pk").first()
    if admin is None:
        stdout.write("  projects: no city administrator yet; skipped")
        return
    today = timezone.localdate()
    first_month = today.replace(day=1) - relativedelta(months=MONTHS)
    districts = {d.code: d for d in District.objects.all()}
    sub = Enterprise.objects.filter(kind=EnterpriseKind.LABOUR_SUBCONTRACTOR).order_by("pk").first()
    created = 0
    for index, (code, name, district, kind, client_name, gc_name, workers, problem) in enumerate(PROJECTS):
        if Project.objects.filter(code=code).exists():
            continue
        client = Enterprise.objects.filter(name__contains=client_name).order_by("pk").first()
        gc = Enterprise.objects.filter(name__contains=gc_name).order_by("pk").first()
        if client is None or gc is None:
            stdout.write(f"  projects: demo enterprises missing for {code}; skipped")
            continue
        signed = first_month - relativedelta(months=2) if problem != "no_account" else today - dt.timedelta(days=60)
        project = services.save_project(Project(
            code=code, name=name, district=districts[district], kind=kind, client=client, general_contractor=gc,
            address=f"{districts[district].name}示范路{index + 1}号",
            contract_amount=Decimal(80_000_000 + index * 13_500_000),
            government_invested=index % 2 == 0, funding_source="fiscal" if index % 2 == 0 else "self_raised",
            contract_signed_on=signed, planned_start_on=signed + dt.timedelta(days=30),
            planned_completion_on=signed + relativedelta(years=2), manager_name="刘项目", manager_phone="13909310001",
            wage_officer_name="" if problem == "no_account" else "马劳资", wage_officer_phone="13909310002",
            pay_day=15 if index != 1 else 5,
        ), actor=admin)
        if problem == "no_account":
            services.change_status(project, ProjectStatus.PERMIT_PENDING, actor=admin)
            created += 1
            continue
        services.confirm_funds(project, actor=admin, on=signed + dt.timedelta(days=10), note="资金证明已核验")
        if sub is not None and index in (0, 2):
            services.add_subcontractor(ProjectParty(project=project, enterprise=sub, scope_of_work="主体结构劳务分包",
                                                    contract_amount=Decimal(9_000_000)), actor=admin)
        # Construction starts in deposits.demo, once the wage deposit is in place (the permit gate).
        services.change_status(project, ProjectStatus.PERMIT_PENDING, actor=admin)
        account = services.save_wage_account(WageAccount(
            project=project, bank_name="中国工商银行兰州分行", account_number=f"27030012{index:02d}00098765",
            opened_on=signed + dt.timedelta(days=20 if index != 3 else 45), allocation_basis="ratio",
            allocation_ratio=Decimal("0.2000"), allocation_day=25), actor=admin)
        # Project 3's board lacks the hotlines and the mediation and legal-aid channels.
        items = NoticeBoardItem.values if index != 2 else NoticeBoardItem.values[:4]
        photo = ContentFile(_PNG, name=f"{code}.png") if index != 2 else None
        services.update_notice_board(project, actor=admin, items=items, photo=photo)
        _roster_and_payroll(project, account, workers, first_month, problem, admin, random.Random(index), sub)
        created += 1
    stdout.write(f"Demo projects: {Project.objects.filter(code__startswith='LZ-DEMO').count()} ({created} new)")


def _roster_and_payroll(project, account, workers, first_month, problem, admin, rng, sub):
    region = project.district.code
    people = []
    for n in range(workers):
        entered = first_month + dt.timedelta(days=rng.randrange(0, 20))
        team, trade = _TEAMS[n % len(_TEAMS)]
        card_ok = not (problem == "cards" and n % 3 == 0)
        row = {"name": rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN),
               "id_number": _id_number(rng, region), "phone": f"139{rng.randrange(10**8):08d}",
               "employer": sub.name if sub and n % 2 and project.parties.filter(role=PartyRole.SUBCONTRACTOR).exists()
               else "", "team": team, "trade": trade, "entered_on": entered.isoformat(),
               "contract_signed_on": (entered - dt.timedelta(days=2) if not (problem == "cards" and n % 4 == 1)
                                      else entered + dt.timedelta(days=5)).isoformat(),
               "wage_card_bank": "中国工商银行", "wage_card_number": f"622202{rng.randrange(10**13):013d}",
               "card_issued_on": (entered + dt.timedelta(days=7 if card_ok else 50)).isoformat(),
               "card_held_by_worker": "否" if problem == "cards" and n % 5 == 0 else "是",
               "card_activated": "否" if problem == "cards" and n % 3 == 0 else "是"}
        people.append(row)
    job = service.run(importers.stage(project, ImportKind.ROSTER, actor=admin, items=people))
    _check(job)
    for m in range(MONTHS):
        month = first_month + relativedelta(months=m)
        unpaid = problem == "unpaid" and m >= MONTHS - 2
        rows = []
        for n, person in enumerate(people):
            days = rng.randrange(18, 27)
            gross = Decimal(days * 320)
            deductions = Decimal("120.00")
            net = gross - deductions
            paid = Decimal("0") if unpaid else net
            rows.append({"name": person["name"], "id_number": person["id_number"], "days_worked": str(days),
                         "gross_pay": str(gross), "deductions": str(deductions), "net_pay": str(net),
                         "paid_amount": str(paid), "paid_on": project.pay_due_date(month).isoformat() if paid else "",
                         "bank_reference": f"{project.code}-{month:%Y%m}-{n:03d}" if paid else "",
                         "worker_confirmed": "是" if n % 7 else "否"})
        job = service.run(importers.stage(project, ImportKind.PAYROLL, actor=admin, items=rows, month=month))
        _check(job)
        total = sum(Decimal(r["net_pay"]) for r in rows)
        late = problem == "late_allocations" and m % 3 == 2
        if not (problem == "unpaid" and m >= MONTHS - 3):
            services.record_movement(AccountMovement(
                account=account, kind=MovementKind.ALLOCATION, amount=total * Decimal("1.05"),
                occurred_on=month.replace(day=25) + dt.timedelta(days=20 if late else 0),
                bank_reference=f"ALLOC-{project.code}-{month:%Y%m}", counterparty=project.client.name), actor=admin)
        paid_total = sum(Decimal(r["paid_amount"]) for r in rows)
        if paid_total:
            services.record_movement(AccountMovement(
                account=account, kind=MovementKind.WAGE_PAYMENT, amount=paid_total,
                occurred_on=project.pay_due_date(month), bank_reference=f"PAY-{project.code}-{month:%Y%m}",
                counterparty="工资代发"), actor=admin)


def _check(job):
    if job.status != "done":
        raise RuntimeError(f"demo import failed: {job.errors[:3]}")
