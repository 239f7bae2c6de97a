"""The ICU collation behind core.collation.pinyin (PostgreSQL only; SQLite keeps its binary order)."""

from django.db import migrations

from core.collation import PINYIN_COLLATION, PINYIN_LOCALE


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE COLLATION IF NOT EXISTS {PINYIN_COLLATION} "
                              f"(provider = icu, locale = '{PINYIN_LOCALE}')")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP COLLATION IF EXISTS {PINYIN_COLLATION}")


class Migration(migrations.Migration):
    dependencies = [("core", "0004_provisional_calendar_years_and_admin_notices")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
