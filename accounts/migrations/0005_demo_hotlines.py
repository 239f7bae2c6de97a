"""Demo hotline numbers for the public portal; the city replaces them in the admin."""

from django.db import migrations

HOTLINES = {
    "620102": "0931-8456123", "620103": "0931-2334512", "620104": "0931-7556210", "620105": "0931-7663212",
    "620111": "0931-6221345", "620121": "0931-6411236", "620122": "0931-5721123", "620123": "0931-5226123",
    "620171": "0931-8561234",
}


def seed(apps, schema_editor):
    District = apps.get_model("accounts", "District")
    for code, number in HOTLINES.items():
        District.objects.filter(code=code, hotline="").update(hotline=number)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_district_hotline")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
