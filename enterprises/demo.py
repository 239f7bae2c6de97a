"""Demo enterprises across the nine districts, with contacts, the Lanzhou grade mix (given through the
grading service, never written directly) and the enterprise portal's demo user."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from accounts.demo import DEMO_PASSWORD, ensure_user
from accounts.models import District, User
from kernel.roles import Role

from . import generator, grading
from .choices import CTrigger, EnterpriseKind, Grade, GradeStatus, Handling, Industry, ViolationCategory
from .models import Contact, CreditGrade, Enterprise, Violation
from .timeline import add_entry

# Generated enterprises beside the hand-written ones below (serials clear of both).
GENERATED_COUNT = 160
GENERATED_SERIAL = 20_000_000


def demo_credit_code(district_code: str, serial: int) -> str:
    """A well-formed demo code: 91 (company) + division + a 9-character serial + check digit."""
    return generator.credit_code(district_code, serial)


# The demo enterprise account without a case, listing or certificate (accounts.demo prints the logins).
CLEAN_ENTERPRISE = "红古区建安劳务有限公司"

# name, district code, kind, industry, grade, legal representative, employees
ENTERPRISES = [
    ("兰州示范建设集团有限公司", "620102", EnterpriseKind.GENERAL_CONTRACTOR, Industry.E, Grade.A, "赵建国", 860),
    ("甘肃金城劳务分包有限公司", "620102", EnterpriseKind.LABOUR_SUBCONTRACTOR, Industry.E, Grade.B, "钱立新", 320),
    ("城关区城市更新投资有限公司", "620102", EnterpriseKind.CLIENT, Industry.K, Grade.A, "孙平", 45),
    ("七里河路桥工程有限公司", "620103", EnterpriseKind.GENERAL_CONTRACTOR, Industry.E, Grade.C, "李强", 410),
    ("兰州黄河餐饮管理有限公司", "620103", EnterpriseKind.OTHER, Industry.H, Grade.A, "周敏", 130),
    ("西固石化安装工程有限公司", "620104", EnterpriseKind.SPECIALIST_SUBCONTRACTOR, Industry.E, Grade.B, "吴刚", 210),
    ("安宁职教园区建设有限公司", "620105", EnterpriseKind.CLIENT, Industry.E, "", "郑华", 60),
    ("红古区建安劳务有限公司", "620111", EnterpriseKind.LABOUR_SUBCONTRACTOR, Industry.E, Grade.A, "王勇", 150),
    ("永登县水务建设有限公司", "620121", EnterpriseKind.GENERAL_CONTRACTOR, Industry.N, Grade.A, "冯涛", 240),
    ("榆中县生态农业发展有限公司", "620123", EnterpriseKind.OTHER, Industry.A, "", "陈静", 75),
    ("皋兰县交通建设有限公司", "620122", EnterpriseKind.GENERAL_CONTRACTOR, Industry.E, Grade.B, "褚明", 190),
    ("兰州高新区智能制造有限公司", "620171", EnterpriseKind.OTHER, Industry.C, Grade.A, "卫东", 520),
]


def seed(stdout):
    districts = {d.code: d for d in District.objects.all()}
    admin = User.objects.filter(role=Role.CITY_ADMIN).order_by("pk").first()
    year = timezone.localdate().year
    first, targets = None, {}
    for serial, (name, code, kind, industry, grade, legal, employees) in enumerate(ENTERPRISES, start=1):
        enterprise, created = Enterprise.objects.get_or_create(
            credit_code=demo_credit_code(code, serial),
            defaults={
                "name": name, "district": districts[code], "kind": kind, "industry": industry,
                "legal_representative": legal, "employee_count": employees,
                "insured_count": int(employees * 0.9), "registered_capital": Decimal(1000 + serial * 500),
                "address": f"{districts[code].name}示范路{serial}号",
            },
        )
        if created:
            Contact.objects.create(enterprise=enterprise, name=f"{legal[0]}经理", position="劳资专管员",
                                   phone=f"1390931{serial:04d}")
            add_entry(enterprise, "registered", "企业档案建立")
            if grade:
                targets[enterprise] = grade
        first = first or enterprise
    if targets:
        _violations(targets, year, admin)
        ids = [e.pk for e in targets]
        grading.propose_grades(Enterprise.objects.filter(pk__in=ids), year, actor=admin)
        grading.confirm_grades(CreditGrade.objects.filter(enterprise_id__in=ids, year=year,
                                                          status=GradeStatus.PROPOSED).values_list("pk", flat=True),
                               actor=admin, note="演示数据")
    first_generated = [generator.credit_code(code, GENERATED_SERIAL) for code in districts]
    if not Enterprise.objects.filter(credit_code__in=first_generated).exists():
        generator.generate(GENERATED_COUNT, year=year, actor=admin, seed=7, start_serial=GENERATED_SERIAL,
                           stdout=stdout)
    ensure_user("enterprise_a", name="示范建设劳资员", role=Role.ENTERPRISE, district=first.district, enterprise=first)
    # enterprise_a's employer has open cases in the cases demo, so it can never obtain a certificate; this
    # second account belongs to an employer outside the cases demo's districts, for the happy path.
    clean = Enterprise.objects.get(name=CLEAN_ENTERPRISE)
    ensure_user("enterprise_b", name="建安劳务劳资员", role=Role.ENTERPRISE, district=clean.district, enterprise=clean)
    stdout.write(f"Demo enterprises: {Enterprise.objects.count()} (password above: {DEMO_PASSWORD})")


def _violations(targets, year, actor):
    """The records behind the demo grades: the grading service reads them like any other."""
    start, _end = grading.evaluation_period(year)
    for index, (enterprise, grade) in enumerate(targets.items()):
        if grade == Grade.A:
            continue
        Violation.objects.create(
            enterprise=enterprise, category=ViolationCategory.WAGES, handling=Handling.PENALTY,
            decided_on=start + dt.timedelta(days=90 + index * 7), recorded_by=actor,
            decision_number=f"兰人社监罚字〔{year - 1}〕{100 + index}号",
            description="拖欠农民工工资，逾期未改正，依法给予行政处罚。",
            c_trigger=CTrigger.REFUSED_ORDER if grade == Grade.C else "", fine_amount=Decimal("20000.00"),
        )
