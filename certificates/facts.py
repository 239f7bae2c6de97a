"""What other apps may read from the certificates register as dated duties (the deadline reminders)."""

import datetime as dt

from django.urls import reverse

from core.duties import Duty

from .choices import CertificateStatus
from .models import Certificate

__all__ = ["certificates_expiring"]


def certificates_expiring(today: dt.date, until: dt.date) -> list[Duty]:
    """Certificates not revoked whose validity ends in [today, until]: one query."""
    rows = Certificate.objects.filter(status=CertificateStatus.VALID, valid_until__range=(today, until)).values_list(
        "pk", "serial", "district_id", "valid_until", "enterprise_id"
    )
    return [
        Duty(pk, serial, district_id, due_on, reverse("certificates:detail", args=[pk]), enterprise_id)
        for pk, serial, district_id, due_on, enterprise_id in rows
    ]
