"""Rate policies of Lanzhou (2013, 2017) and the national 2021 framework as Lanzhou's current default, and
the emergency revolving funds (one for the city, one per district), as data (issue 5)."""

import datetime as dt
from decimal import Decimal

from django.db import migrations

VERIFY = ("[L] Local rule as summarised in issue 5 and domain.md §2.2; the official text was not read. "
          "City administrators: check the values against the published document.")

POLICIES = [
    {
        "code": "lanzhou-2013", "name": "兰州市农民工工资保证金（2013）",
        "citation": "兰州市 2013 年农民工工资保证金制度 [L]：开工前按工程造价的 3% 缴存",
        "note": VERIFY, "effective_from": dt.date(2013, 1, 1), "effective_to": dt.date(2016, 12, 31),
        "base": "project_cost", "base_rate": Decimal("0.0300"),
    },
    {
        "code": "lanzhou-2017", "name": "兰州市农民工工资保证金差异化缴存（2017）",
        "citation": "兰州市 2017 年农民工工资保证金差异化缴存办法 [L]：守法企业减免、违法企业提高",
        "note": VERIFY + " The reduction, exemption and increase steps are seeded with the 65号 values.",
        "effective_from": dt.date(2017, 1, 1), "effective_to": dt.date(2021, 10, 31),
        "base": "project_cost", "base_rate": Decimal("0.0300"), "grade_a_reduction": Decimal("0.50"),
        "clean_three_years_exempt": True, "exemption_needs_compliance": False,
        "arrears_increase": Decimal("0.50"), "grade_c_increase": Decimal("0.50"),
    },
    {
        "code": "lanzhou-2021", "name": "工程建设领域农民工工资保证金规定（兰州市执行 3%）",
        "citation": "人社部发〔2021〕65号 第十一条至第十三条；兰州市按合同额 3% 执行",
        "note": "65号 in force 2021-11-01 [S]. 3% is the ceiling of the 1–3% range (domain.md §2.2 item 5). "
                "The halving for other live projects is a local choice within Art. 11 (floor 0.5%).",
        "effective_from": dt.date(2021, 11, 1), "effective_to": None,
        "base": "contract", "base_rate": Decimal("0.0300"), "min_rate": Decimal("0.0100"),
        "max_rate": Decimal("0.0300"), "concurrent_reduction": Decimal("0.50"), "floor_rate": Decimal("0.0050"),
        "small_contract_threshold": Decimal("3000000.00"), "clean_two_years_reduction": Decimal("0.50"),
        "clean_three_years_exempt": True, "exemption_needs_compliance": True,
        "arrears_increase": Decimal("0.50"), "blacklist_increase": Decimal("1.00"),
    },
]

CITY_FUND = Decimal("3000000.00")
DISTRICT_FUND = Decimal("500000.00")


def seed(apps, schema_editor):
    RatePolicy = apps.get_model("deposits", "RatePolicy")
    EmergencyFund = apps.get_model("deposits", "EmergencyFund")
    District = apps.get_model("accounts", "District")
    for row in POLICIES:
        RatePolicy.objects.update_or_create(code=row["code"], defaults={
            "jurisdiction": "620100", "jurisdiction_name": "兰州市", **row})
    EmergencyFund.objects.get_or_create(level="city", district=None,
                                        defaults={"name": "兰州市农民工工资应急周转金", "target_amount": CITY_FUND})
    for district in District.objects.all():
        EmergencyFund.objects.get_or_create(level="district", district=district, defaults={
            "name": f"{district.name}农民工工资应急周转金", "target_amount": DISTRICT_FUND})


class Migration(migrations.Migration):
    dependencies = [("deposits", "0001_initial"), ("accounts", "0003_seed_districts")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
