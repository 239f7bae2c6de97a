"""Seed Gansu's criminal thresholds and the city's large-case thresholds.

The figures are DEMO VALUES chosen inside the national ranges of 法释〔2013〕3号 Art. 3 (one worker:
CNY 5,000–20,000; ten or more workers: CNY 30,000–100,000). Replace them with the figures the Gansu
Higher People's Court filed with the Supreme People's Court before going live (admin: criminal thresholds).
"""

import datetime as dt
from decimal import Decimal

from django.db import migrations


def seed(apps, schema_editor):
    CriminalThreshold = apps.get_model("cases", "CriminalThreshold")
    DifficultCaseThreshold = apps.get_model("cases", "DifficultCaseThreshold")
    CriminalThreshold.objects.get_or_create(
        province="62", effective_from=dt.date(2013, 1, 23),
        defaults={"province_name": "甘肃省", "single_amount": Decimal("10000.00"),
                  "group_amount": Decimal("50000.00"),
                  "note": "Demo values inside the national range (法释〔2013〕3号 Art. 3); replace with Gansu's filed figures."},
    )
    DifficultCaseThreshold.objects.get_or_create(
        effective_from=dt.date(2020, 1, 1),
        defaults={"amount": Decimal("500000.00"), "workers": 30, "repeated_complaints": 3,
                  "supervision_workdays": 30,
                  "note": "Demo policy: 包案 and 挂牌督办 for cases of CNY 500,000 or 30 workers or 3 complaints."},
    )


class Migration(migrations.Migration):

    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
