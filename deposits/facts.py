"""What other apps may read from the deposits register as dated duties (the deadline reminders): plain
functions over deposits, never the models. City-wide: the caller is a scheduled task, not a user."""

import datetime as dt

from django.urls import reverse

from core.duties import Duty

from .choices import DepositStatus
from .models import Deposit

__all__ = ["guarantees_expiring", "topups_due"]


def _duties(deposits, date_field: str) -> list[Duty]:
    rows = deposits.values_list("pk", "project__name", "project__district_id", date_field, "enterprise_id")
    return [
        Duty(pk, name, district_id, due_on, reverse("deposits:detail", args=[pk]), enterprise_id)
        for pk, name, district_id, due_on, enterprise_id in rows
    ]


def topups_due(due_by: dt.date) -> list[Duty]:
    """Deposits drawn on and to be topped up (65号 Art. 14) by a day on or before `due_by`: one query."""
    return _duties(Deposit.objects.filter(status=DepositStatus.TOPUP_DUE, topup_due_on__lte=due_by), "topup_due_on")


def guarantees_expiring(today: dt.date) -> list[Duty]:
    """Guarantees held that end within the reminder period of 65号 Art. 17 (Deposit.objects.expiring)."""
    return _duties(Deposit.objects.expiring(today), "valid_until")
