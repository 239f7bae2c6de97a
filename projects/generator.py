"""Synthetic projects, workers, attendance and payroll at city scale (Lanzhou: 3,000 live projects, 300,000
workers, 12 months of payroll ≈ 3.6 million lines, and as many attendance rows) in minutes: rows are streamed
with PostgreSQL COPY (bulk_create in batches on other databases), ids are allocated up front and the sequences
moved past them.

Generated rows carry no history records (they are not changes anyone made); personal data is encrypted and
indexed exactly as the models do it."""

import csv
import datetime as dt
import io
import random
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db import connection, transaction
from django.utils import timezone
from stdnum.cn import ric

from enterprises.choices import EnterpriseKind
from enterprises.models import Enterprise
from kernel import crypto

from .choices import AttendanceSource, MovementKind, PartyRole, ProjectKind, ProjectStatus
from .models import (
    AccountMovement,
    Attendance,
    Employment,
    PayrollBatch,
    PayrollLine,
    Project,
    ProjectParty,
    WageAccount,
    Worker,
)

CODE_PREFIX = "GEN"
_SURNAMES = list("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋余杜叶程")
_GIVEN = list("建国军华明强伟平刚勇杰涛斌辉鹏磊敏静丽娟霞燕红梅玉兰芳海波宁福贵生发永")
_TEAMS = [("钢筋班", "钢筋工"), ("木工班", "木工"), ("混凝土班", "混凝土工"), ("砌筑班", "砌筑工"),
          ("架子班", "架子工"), ("水电班", "水电工"), ("装饰班", "抹灰工"), ("机械班", "机械操作工")]
_BANKS = ["中国工商银行", "中国农业银行", "中国建设银行", "甘肃银行", "兰州银行"]
_HOME_REGIONS = ["620102", "620103", "620104", "620105", "620121", "620122", "620123", "621102", "620421",
                 "622921", "620503", "620602"]


class Sink:
    """Writes rows of one table: COPY on PostgreSQL, bulk inserts elsewhere."""

    def __init__(self, model, fields, batch=20_000):
        self.model, self.fields, self.batch = model, fields, batch
        self.rows = []
        self.columns = [model._meta.get_field(f).column for f in fields]

    def add(self, row):
        self.rows.append(row)
        if len(self.rows) >= self.batch:
            self.flush()

    def flush(self):
        if not self.rows:
            return
        if connection.vendor == "postgresql":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            for row in self.rows:
                writer.writerow(["\\N" if v is None else v for v in row])
            buffer.seek(0)
            with connection.cursor() as cursor:
                cursor.cursor.copy_expert(
                    f'COPY {self.model._meta.db_table} ({", ".join(self.columns)}) FROM STDIN '
                    "WITH (FORMAT csv, NULL '\\N')", buffer)
        else:
            objs = [self.model(**{f.attname if f.is_relation else f.name: v for f, v in zip(
                [self.model._meta.get_field(n) for n in self.fields], row, strict=True)}) for row in self.rows]
            self.model._base_manager.bulk_create(objs, batch_size=2000)
        self.rows = []


def _next_id(model) -> int:
    return (model._base_manager.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1


def _reset_sequences(models):
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models:
            table = model._meta.db_table
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                           f"COALESCE((SELECT MAX(id) FROM {table}), 1))")


def id_numbers(count: int, rng: random.Random, taken=frozenset()):
    """Distinct valid resident ID numbers, none of them with a keyed hash in `taken` (people already on file)."""
    seen = set()
    while len(seen) < count:
        born = dt.date(1962, 1, 1) + dt.timedelta(days=rng.randrange(0, 42 * 365))
        first17 = f"{rng.choice(_HOME_REGIONS)}{born:%Y%m%d}{rng.randrange(1000):03d}"
        number = first17 + ric.calc_check_digit(first17 + "0")
        if number not in seen and (not taken or crypto.blind_index(number) not in taken):
            seen.add(number)
            yield number, born


def _months_back(today: dt.date, n: int):
    first = today.replace(day=1)
    return [first - relativedelta(months=i) for i in range(n, 0, -1)]


def generate(projects: int, workers_per_project: int, months: int, *, seed=2026, today=None, stdout=None):
    """Add `projects` projects under construction, each with a dedicated account, allocations, a roster and
    `months` months of payroll. Returns the counts written."""
    rng = random.Random(seed)
    today = today or timezone.localdate()
    clients = list(Enterprise.objects.filter(kind=EnterpriseKind.CLIENT).values_list("pk", "district_id"))
    contractors = list(Enterprise.objects.filter(kind=EnterpriseKind.GENERAL_CONTRACTOR).values_list("pk", flat=True))
    subs = list(Enterprise.objects.filter(kind__in=[EnterpriseKind.LABOUR_SUBCONTRACTOR,
                                                    EnterpriseKind.SPECIALIST_SUBCONTRACTOR])
                .values_list("pk", flat=True))
    if not clients or not contractors:
        raise ValueError("Seed enterprises first (clients and general contractors are needed).")
    subs = subs or contractors
    month_list = _months_back(today, months)
    start = month_list[0] - relativedelta(months=2)
    ids = {m: _next_id(m) for m in (Project, ProjectParty, WageAccount, AccountMovement, Worker, Employment,
                                    PayrollBatch, PayrollLine, Attendance)}
    serial = Project.objects.filter(code__startswith=CODE_PREFIX).count()
    sinks = {
        Project: Sink(Project, ["id", "code", "name", "district", "address", "kind", "status", "client",
                                "general_contractor", "contract_amount", "government_invested", "funding_source",
                                "contract_signed_on", "actual_start_on", "permit_number", "manager_name",
                                "manager_phone", "wage_officer_name", "wage_officer_phone", "funds_confirmed_on",
                                "funds_note", "pay_day", "pay_in_next_month", "notice_board_photo",
                                "notice_board_items", "created_at", "updated_at"]),
        ProjectParty: Sink(ProjectParty, ["id", "project", "enterprise", "role", "scope_of_work", "contract_amount"]),
        WageAccount: Sink(WageAccount, ["id", "project", "bank_name", "account_name", "account_number", "opened_on",
                                        "agreement", "allocation_cycle_days", "allocation_day", "allocation_basis",
                                        "allocation_ratio"]),
        AccountMovement: Sink(AccountMovement, ["id", "account", "kind", "amount", "occurred_on", "bank_reference",
                                                "counterparty", "note"]),
        Worker: Sink(Worker, ["id", "name", "id_number", "id_number_index", "sex", "birth_date", "phone",
                              "home_region", "created_at"]),
        Employment: Sink(Employment, ["id", "project", "worker", "employer", "team", "trade", "entered_on",
                                      "contract_signed_on", "wage_card_bank", "wage_card_number", "card_issued_on",
                                      "card_held_by_worker", "card_activated"]),
        PayrollBatch: Sink(PayrollBatch, ["id", "project", "month", "submitted_on", "worker_count", "gross_total",
                                          "net_total", "paid_total", "unpaid_count"]),
        PayrollLine: Sink(PayrollLine, ["id", "batch", "employment", "days_worked", "gross_pay", "deductions",
                                        "net_pay", "paid_amount", "paid_on", "bank_reference", "worker_confirmed"]),
        # The gate system's days on site of each worker and month (the payroll's days worked come from them).
        Attendance: Sink(Attendance, ["id", "employment", "month", "days_on_site", "source", "recorded_at"]),
    }
    now = dt.datetime.now(dt.UTC).isoformat()
    taken = frozenset(Worker.objects.values_list("id_number_index", flat=True).iterator(chunk_size=20_000))
    people = id_numbers(projects * workers_per_project, rng, taken)
    card_token = crypto.encrypt("6222020000000000000")  # same ciphertext is fine for synthetic cards
    with transaction.atomic():
        for p in range(projects):
            pid = ids[Project] + p
            client, district = rng.choice(clients)
            gc = rng.choice(contractors)
            sub = rng.choice(subs)
            amount = Decimal(rng.randrange(5_000_000, 500_000_000)).quantize(Decimal("1.00"))
            signed = start - dt.timedelta(days=rng.randrange(10, 120))
            sinks[Project].add([pid, f"{CODE_PREFIX}-{serial + p:06d}", f"生成工程{serial + p}号", district, "兰州市",
                                rng.choice(ProjectKind.values), ProjectStatus.UNDER_CONSTRUCTION, client, gc, amount,
                                rng.random() < 0.3, "", signed, start, f"620100{serial + p:08d}", "项目经理", "",
                                "劳资员", "", signed, "", 15, True, "", "[]", now, now])
            party = ids[ProjectParty] + 3 * p
            sinks[ProjectParty].add([party, pid, client, PartyRole.CLIENT, "", None])
            sinks[ProjectParty].add([party + 1, pid, gc, PartyRole.GENERAL_CONTRACTOR, "", amount])
            sinks[ProjectParty].add([party + 2, pid, sub, PartyRole.SUBCONTRACTOR, "劳务分包", amount / 5])
            account = ids[WageAccount] + p
            sinks[WageAccount].add([account, pid, rng.choice(_BANKS), f"生成工程{serial + p}号农民工工资专用账户",
                                    card_token, signed + dt.timedelta(days=rng.randrange(5, 40)), "", 31, 25, "ratio",
                                    "0.2000"])
            monthly = Decimal(workers_per_project * 6500)
            for m, month in enumerate(month_list):
                sinks[AccountMovement].add([ids[AccountMovement] + p * months + m, account, MovementKind.ALLOCATION,
                                            monthly, month.replace(day=25), f"A{pid}-{m}", "建设单位", ""])
            employments = []
            for w in range(workers_per_project):
                wid = ids[Worker] + p * workers_per_project + w
                number, born = next(people)
                name = rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN)
                sinks[Worker].add([wid, name, crypto.encrypt(number), crypto.blind_index(number),
                                   "M" if int(number[16]) % 2 else "F", born, "", "", now])
                team, trade = rng.choice(_TEAMS)
                entered = start + dt.timedelta(days=rng.randrange(0, 40))
                good = rng.random() < 0.97
                eid = ids[Employment] + p * workers_per_project + w
                employments.append(eid)
                sinks[Employment].add([eid, pid, wid, sub if w % 3 else gc, team, trade, entered,
                                       entered - dt.timedelta(days=1 if good else -3), rng.choice(_BANKS),
                                       card_token, entered + dt.timedelta(days=7 if good else 45), good, good])
            for m, month in enumerate(month_list):
                bid = ids[PayrollBatch] + p * months + m
                net_total = Decimal("0")
                for w, eid in enumerate(employments):
                    days = rng.randrange(18, 27)
                    gross = Decimal(days * 300)
                    net = gross - Decimal("100")
                    net_total += net
                    row = (p * months + m) * workers_per_project + w
                    sinks[PayrollLine].add([ids[PayrollLine] + row, bid, eid, days, gross, "100.00", net, net,
                                            month + relativedelta(months=1, day=15), f"W{bid}-{w}", True])
                    sinks[Attendance].add([ids[Attendance] + row, eid, month, days, AttendanceSource.GATE_IMPORT,
                                           now])
                sinks[PayrollBatch].add([bid, pid, month, month + relativedelta(months=1, day=10),
                                         len(employments), net_total + 100 * len(employments), net_total, net_total, 0])
            if stdout and (p + 1) % 250 == 0:
                stdout.write(f"  {p + 1} / {projects} projects")
        for model in (Project, ProjectParty, WageAccount, AccountMovement, Worker, Employment, PayrollBatch,
                      PayrollLine, Attendance):
            sinks[model].flush()
        _reset_sequences(sinks)
    return {"projects": projects, "workers": projects * workers_per_project,
            "payroll_lines": projects * workers_per_project * months,
            "attendance": projects * workers_per_project * months}
