"""The city setting of the local monthly minimum wage (early-warning rule W11, the notice board), seeded at its
constant projects.rules.MINIMUM_MONTHLY_WAGE: the seed never repeats the number."""

from django.db import migrations

KEYS = ["minimum_monthly_wage"]


def seed(apps, schema_editor):
    from core.city_settings import seed_rows

    CitySetting = apps.get_model("core", "CitySetting")
    for row in seed_rows(KEYS):
        CitySetting.objects.get_or_create(key=row["key"], effective_from=row["effective_from"], defaults=row)


def unseed(apps, schema_editor):
    from core.city_settings import SEED_EFFECTIVE_FROM

    apps.get_model("core", "CitySetting").objects.filter(key__in=KEYS, effective_from=SEED_EFFECTIVE_FROM).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0005_zh_pinyin_collation")]
    operations = [migrations.RunPython(seed, unseed)]
