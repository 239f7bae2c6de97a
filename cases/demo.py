"""Demo complaints and cases in every state, some overdue, made through the services with back-dated days
(so each carries its timeline, audit events and enterprise file entries). Idempotent: it does nothing when
complaints exist already.

Deadlines must fall in years the holiday calendar covers: the back-dated cases are filed early enough in
2026 for their 60 working days to end within 2026.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from accounts.demo import ensure_user
from accounts.models import District, User
from enterprises.models import Enterprise
from kernel.roles import Role

from . import services
from .choices import ServiceMethod
from .models import Case, Complaint, MassIncident

D = dt.date

DEFAULT_OWED = (D(2026, 2, 1), D(2026, 4, 30))
PEOPLE = ["王建军", "李春燕", "张国庆", "刘志强", "陈小红", "杨海波", "赵永福", "黄丽娟", "周建华", "吴德明"]


def _at(day, hour=10):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


class Builder:
    def __init__(self, district, desk, inspector, partner, official, enterprises):
        self.district, self.desk, self.me, self.partner, self.official = district, desk, inspector, partner, official
        self.enterprises = iter(enterprises)
        self.n = 0

    def complaint(self, received, *, enterprise=None, workers=3, amount="24000", owed=DEFAULT_OWED,
                  channel="walk_in", kind="complaint", **extra):
        self.n += 1
        enterprise = enterprise or next(self.enterprises)
        name = PEOPLE[self.n % len(PEOPLE)]
        values = {"channel": channel, "kind": kind, "complainant_name": name,
                  "complainant_phone": f"1389310{self.district.code[-2:]}{self.n:02d}",
                  "employer_name": enterprise.name, "employer_credit_code": enterprise.credit_code,
                  "workplace_address": f"{self.district.name}{enterprise.address or '某工地'}",
                  "workers_count": workers, "amount_owed": Decimal(amount), "owed_from": owed[0], "owed_to": owed[1],
                  "description": f"{name}等{workers}人在该单位务工，{owed[0]:%Y年%m月}至{owed[1]:%Y年%m月}工资未发。"}
        values.update(extra)
        return services.submit_complaint(Complaint(**values), actor=self.desk, now=_at(received))

    def case(self, received, filed, **kw):
        complaint = self.complaint(received, **kw)
        complaint = services.decide_complaint(complaint, actor=self.me, decision="accepted", on=filed)
        return complaint.case

    def investigating(self, received, filed, **kw):
        case = self.case(received, filed, **kw)
        return services.assign_inspector(case, actor=self.me, inspector=self.partner, on=filed)

    def ordered(self, received, filed, issued, workdays=7, **kw):
        case = self.investigating(received, filed, **kw)
        services.issue_order(case, actor=self.me, issued_on=issued, workdays=workdays, amount=case.amount_owed,
                             workers=case.workers_owed, requirements="足额支付拖欠的劳动者工资，并书面报告整改情况。",
                             served_on=issued, service_method=ServiceMethod.IN_PERSON,
                             service_evidence="法定代表人签收送达回证")
        case.refresh_from_db()
        return case

    def overdue(self, received, filed, issued, **kw):
        case = self.ordered(received, filed, issued, **kw)
        return services.mark_overdue(case, actor=self.me, on=case.order_deadline + dt.timedelta(days=1))


def _people(district, slug, names):
    inspector = User.objects.get(username=f"{slug}_inspector")
    official = User.objects.get(username=f"{slug}_official")
    partner, _ = ensure_user(f"{slug}_inspector2", name=names[0], role=Role.INSPECTOR, district=district)
    return inspector, partner, official


def seed(stdout):
    if Complaint.objects.exists():
        stdout.write("Demo complaints exist already; cases demo not loaded.")
        return
    chengguan, qilihe = District.objects.get(code="620102"), District.objects.get(code="620103")
    for district, slug, names in ((chengguan, "chengguan", ["孙监察"]), (qilihe, "qilihe", ["周监察"])):
        me, partner, official = _people(district, slug, names)
        enterprises = list(Enterprise.objects.filter(district=district).order_by("pk")[:30])
        _scenarios(Builder(district, official, me, partner, official, enterprises), stdout)
    stdout.write(f"Demo complaints: {Complaint.objects.count()}, cases: {Case.objects.count()}")


def _scenarios(b: Builder, stdout):
    today = timezone.localdate()
    # Complaints waiting for a decision: one due soon, one past its 5 working days.
    b.complaint(today - dt.timedelta(days=2), channel="hotline")
    b.complaint(today - dt.timedelta(days=12), channel="12333", workers=6, amount="52000")
    b.complaint(today - dt.timedelta(days=1), channel="online", kind="report", anonymous=True,
                complainant_name="", complainant_phone="")
    # Decided without a case.
    old = b.complaint(D(2026, 8, 3), owed=(D(2023, 5, 1), D(2024, 3, 31)))
    services.decide_complaint(old, actor=b.me, decision="not_accepted", ground="time_barred", on=D(2026, 8, 5),
                              reason="反映的欠薪行为结束于两年以前，依据《劳动保障监察条例》第二十条不予受理。")
    vague = b.complaint(D(2026, 11, 2), employer_name="姓马的包工头", employer_credit_code="")
    services.decide_complaint(vague, actor=b.me, decision="supplement", ground="no_employer",
                              employer_identified=False, on=D(2026, 11, 4),
                              reason="请补充用人单位名称、工地地址或合同等材料。")
    elsewhere = b.complaint(D(2026, 10, 12))
    services.decide_complaint(elsewhere, actor=b.me, decision="referred", ground="other_jurisdiction",
                              in_jurisdiction=False, referred_to="白银市人力资源和社会保障局劳动保障监察支队",
                              on=D(2026, 10, 13), reason="用工所在地在白银市，请向当地劳动保障监察机构反映。")
    # Cases in every state.
    b.case(D(2026, 9, 8), D(2026, 9, 10))  # filed, one inspector: waits for a second
    b.investigating(D(2026, 8, 18), D(2026, 8, 20), workers=8, amount="96000")  # investigation overdue
    ext = b.investigating(D(2026, 7, 30), D(2026, 8, 3), workers=15, amount="180000")
    services.request_extension(ext, actor=b.me, reason="涉及总包、劳务分包两家单位，需调取银行流水。",
                               on=D(2026, 10, 20))
    b.ordered(D(2026, 9, 1), D(2026, 9, 2), D(2026, 11, 20))  # order running
    b.ordered(D(2026, 8, 24), D(2026, 8, 25), D(2026, 11, 2))  # order ran out: "mark overdue" in the inbox
    over = b.overdue(D(2026, 6, 1), D(2026, 6, 2), D(2026, 7, 1), workers=12, amount="68000",
                     owed=(D(2025, 12, 1), D(2026, 4, 30)))
    services.order_compensation(over, actor=b.me, rate=Decimal("0.5"), on=D(2026, 7, 20))
    services.request_escalation(over, actor=b.me, kind="deposit_drawdown", amount=Decimal("68000"),
                                reason="逾期未支付，申请动用工资保证金先行垫付。", on=D(2026, 7, 21))
    complied = b.ordered(D(2026, 7, 6), D(2026, 7, 7), D(2026, 8, 3), workers=5, amount="41000")
    names = ("王建军", "李红梅", "张国强", "马小龙", "赵文斌")
    paid = [{"name": name, "id_number": "", "amount": "8200"} for name in names]
    services.record_recovery(complied, actor=b.me, paid_on=D(2026, 8, 10), amount=Decimal("41000"), workers_paid=5,
                             note="银行代发", workers=paid)
    closed = b.ordered(D(2026, 4, 7), D(2026, 4, 8), D(2026, 5, 6), workers=20, amount="156000")
    services.record_recovery(closed, actor=b.me, paid_on=D(2026, 5, 12), amount=Decimal("156000"), workers_paid=20)
    services.close_case(closed, actor=b.me, outcome="rectified", summary="用人单位已足额支付，案件办结。",
                        on=D(2026, 5, 20))
    penalty = b.overdue(D(2026, 3, 2), D(2026, 3, 4), D(2026, 4, 1))
    services.close_case(penalty, actor=b.me, outcome="penalty", on=D(2026, 6, 10),
                        summary="逾期未改正，依法作出行政处罚决定。")
    withdrawn = b.investigating(D(2026, 5, 6), D(2026, 5, 7), workers=1, amount="3500")
    services.withdraw_case(withdrawn, actor=b.me, reason="情节轻微且已当场改正。", on=D(2026, 5, 15))
    # A transfer to the police, followed to prosecution.
    big = b.overdue(D(2026, 4, 13), D(2026, 4, 14), D(2026, 5, 11), workers=26, amount="312000",
                    owed=(D(2025, 10, 1), D(2026, 3, 31)))
    transfer = services.transfer_to_police(big, actor=b.me, document_number=f"{b.district.code}移〔2026〕3号",
                                           police_unit=f"兰州市公安局{b.district.name}分局", on=D(2026, 6, 15))
    transfer = services.update_transfer(transfer, actor=b.me, stage="accepted", on=D(2026, 6, 22),
                                        police_case_number="A2026-118")
    services.update_transfer(transfer, actor=b.me, stage="prosecuted", on=D(2026, 9, 14))
    # A group of complaints about one employer: one case, flagged large, a leader and listed supervision.
    lead_enterprise = next(b.enterprises)
    group_case = b.investigating(D(2026, 9, 1), D(2026, 9, 2), enterprise=lead_enterprise, workers=40,
                                 amount="520000")
    for day in (D(2026, 9, 3), D(2026, 9, 7)):
        joined = b.complaint(day, enterprise=lead_enterprise, workers=12, amount="150000", channel="media")
        services.decide_complaint(joined, actor=b.me, decision="accepted", on=day + dt.timedelta(days=1))
    services.assign_leader(group_case, actor=b.official, leader=b.official, on=D(2026, 9, 10),
                           responsibilities="1. 每周调度一次；2. 协调住建部门约谈总包；3. 春节前清零。")
    services.list_for_supervision(group_case, actor=b.official, note="市根治欠薪办挂牌督办", on=D(2026, 9, 10))
    services.record_mass_incident(MassIncident(
        occurred_at=_at(D(2026, 9, 1), 8), place=f"{b.district.name}{lead_enterprise.name}项目部门口",
        district=b.district, workers_involved=64, enterprise=lead_enterprise, case=group_case,
        description="64名务工人员聚集讨要工资。", response_actions=["investigation", "mediation", "wage_payment"],
        outcome="当日疏导，约定分期支付。"), actor=b.me)
