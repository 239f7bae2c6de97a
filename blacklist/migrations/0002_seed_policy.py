"""Seed the list and publication policy with the national figures and the defaults from memory
(domain.md §5.1, §14.3: objection period and early-removal decision time to verify)."""

import datetime as dt
from decimal import Decimal

from django.db import migrations


def seed(apps, schema_editor):
    BlacklistPolicy = apps.get_model("blacklist", "BlacklistPolicy")
    BlacklistPolicy.objects.get_or_create(
        effective_from=dt.date(2022, 1, 1),
        defaults={"objection_workdays": 5, "removal_decision_workdays": 15, "listing_years": 3,
                  "early_removal_months": 6, "publication_min_amount": Decimal("30000.00"),
                  "note": "人社部令第45号 in force 2022-01-01; objection and decision periods from memory, to verify."},
    )


class Migration(migrations.Migration):

    dependencies = [("blacklist", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
