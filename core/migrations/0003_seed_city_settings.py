"""One CitySetting row per key known when this migration was written, each at its constant (the default's
single home): the seed never repeats a number."""

from django.db import migrations

KEYS = [
    "jurisdiction_code",
    "crime_threshold_province",
    "major_incident_workers",
    "duplicate_window_days",
    "default_order_workdays",
    "c_min_written_reviews",
    "grading_period_years",
    "blacklist_decision_workdays",
    "publication_interval_months",
    "calendar_warning_month",
]


def seed(apps, schema_editor):
    from core.city_settings import seed_rows

    CitySetting = apps.get_model("core", "CitySetting")
    for row in seed_rows(KEYS):
        CitySetting.objects.get_or_create(key=row["key"], effective_from=row["effective_from"], defaults=row)


def unseed(apps, schema_editor):
    from core.city_settings import SEED_EFFECTIVE_FROM

    apps.get_model("core", "CitySetting").objects.filter(key__in=KEYS, effective_from=SEED_EFFECTIVE_FROM).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0002_city_settings")]
    operations = [migrations.RunPython(seed, unseed)]
