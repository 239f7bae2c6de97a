"""Seed Lanzhou's nine jurisdictions. Populations are approximate demo figures (around the 2020
census) until the statistics bureau's numbers are entered in the admin."""

from django.db import migrations

DISTRICTS = [
    # code, name, English name, kind, approximate resident population
    ("620102", "城关区", "Chengguan District", "district", 1_500_000),
    ("620103", "七里河区", "Qilihe District", "district", 650_000),
    ("620104", "西固区", "Xigu District", "district", 390_000),
    ("620105", "安宁区", "Anning District", "district", 370_000),
    ("620111", "红古区", "Honggu District", "district", 140_000),
    ("620121", "永登县", "Yongdeng County", "county", 350_000),
    ("620122", "皋兰县", "Gaolan County", "county", 140_000),
    ("620123", "榆中县", "Yuzhong County", "county", 400_000),
    # The high-tech zone is not an administrative division; its code here is local.
    ("620171", "兰州高新区", "Lanzhou High-tech Zone", "zone", 100_000),
]


def seed(apps, schema_editor):
    District = apps.get_model("accounts", "District")
    for order, (code, name, name_en, kind, population) in enumerate(DISTRICTS, start=1):
        District.objects.update_or_create(
            code=code,
            defaults={"name": name, "name_en": name_en, "kind": kind, "population": population, "sort_order": order},
        )


def unseed(apps, schema_editor):
    apps.get_model("accounts", "District").objects.filter(code__in=[d[0] for d in DISTRICTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_initial")]
    operations = [migrations.RunPython(seed, unseed)]
