"""Seed the certificate policy: certificate mode, 90 days, every check (domain.md §11: local practice,
no national rule). Lanzhou replaced the certificate by the commitment letter on 2020-11-20: a city that
follows it enters a policy row with mode "commitment" from its date."""

import datetime as dt

from django.db import migrations


def seed(apps, schema_editor):
    CertificatePolicy = apps.get_model("certificates", "CertificatePolicy")
    CertificatePolicy.objects.get_or_create(
        effective_from=dt.date(2020, 1, 1),
        defaults={"mode": "certificate", "validity_days": 90, "commitment_days": 365, "publication_months": 12,
                  "blockers": ["open_case", "unpaid_order", "listed", "publication", "red_warning"],
                  "note": "Default policy; validity and checks are local practice (domain.md §11)."},
    )


class Migration(migrations.Migration):

    dependencies = [("certificates", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
