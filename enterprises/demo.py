"""Demo enterprises across districts, with contacts, and the enterprise portal's demo user."""

from decimal import Decimal

from stdnum.cn import uscc

from accounts.choices import Role
from accounts.demo import DEMO_PASSWORD, ensure_user
from accounts.models import District

from .choices import EnterpriseKind, Grade, Industry
from .models import Contact, Enterprise
from .timeline import add_entry


def demo_credit_code(district_code: str, serial: int) -> str:
    """A well-formed demo code: 91 (company) + division + a 9-character serial + check digit."""
    first17 = f"91{district_code}{serial:08d}X"[:17]
    return first17 + uscc.calc_check_digit(first17)


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
    first = None
    for serial, (name, code, kind, industry, grade, legal, employees) in enumerate(ENTERPRISES, start=1):
        enterprise, created = Enterprise.objects.get_or_create(
            credit_code=demo_credit_code(code, serial),
            defaults={
                "name": name, "district": districts[code], "kind": kind, "industry": industry, "grade": grade,
                "legal_representative": legal, "employee_count": employees,
                "insured_count": int(employees * 0.9), "registered_capital": Decimal(1000 + serial * 500),
                "address": f"{districts[code].name}示范路{serial}号",
            },
        )
        if created:
            Contact.objects.create(enterprise=enterprise, name=f"{legal[0]}经理", position="劳资专管员",
                                   phone=f"1390931{serial:04d}")
            add_entry(enterprise, "registered", "企业档案建立")
        first = first or enterprise
    ensure_user("enterprise_a", name="示范建设劳资员", role=Role.ENTERPRISE, district=first.district, enterprise=first)
    stdout.write(f"  {'enterprise_a':22} {Role.ENTERPRISE.label} ({first.name})")
    stdout.write(f"Demo enterprises: {len(ENTERPRISES)} (password above: {DEMO_PASSWORD})")
