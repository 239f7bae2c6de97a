"""One parameter row per rule and key from each SPEC's Param default (earlywarning.parameters.seed_rows); a rule
added later is seeded by manage.py evaluate_warnings, and its default holds until then."""

from django.db import migrations


def seed(apps, schema_editor):
    from earlywarning.parameters import seed_rows  # the SPECs are code, read as they are now

    seed_rows(apps.get_model("earlywarning", "RuleParameter"))


class Migration(migrations.Migration):
    dependencies = [("earlywarning", "0001_warnings_and_runs")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
