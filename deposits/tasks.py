"""Periodic tasks of the deposits app: thin, idempotent, calling the services.

Schedules (wagewatch/schedules.py, added by the lead):
- "deposit guarantee expiry reminders", deposits.remind_expiring_guarantees, daily 06:30;
- "deposit half-yearly clean-up list", deposits.list_cleanup, 07:00 on 1 January and 1 July.
"""

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from audit import events
from audit.kinds import AuditKind
from audit.models import AuditEvent
from enterprises.timeline import record_with_timeline

from .choices import CLEANUP_MONTHS
from .models import Deposit


def _half_year(day) -> str:
    """The clean-up period of the day: 2026-H1, 2026-H2 (every CLEANUP_MONTHS, 65号 Art. 22)."""
    return f"{day.year}-H{(day.month - 1) // CLEANUP_MONTHS + 1}"


@shared_task(name="deposits.remind_expiring_guarantees")
def remind_expiring_guarantees(today: str | None = None) -> dict:
    """Guarantees whose reminder date has come (one month before expiry, 65号 Art. 17): record the
    reminder once (audit event and timeline line) and stamp the deposit, so that the early-warning rule
    reads `expiry_reminder_on` / `expiry_reminded_on` and a re-run sends nothing twice."""
    import datetime as dt

    from django.utils.translation import gettext as _

    from .services.deposit import TIMELINE_KIND, save

    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    reminded = 0
    due = (Deposit.objects.expiring(day).filter(expiry_reminder_on__lte=day, expiry_reminded_on__isnull=True)
           .values_list("pk", flat=True))
    for pk in list(due):
        with transaction.atomic():
            deposit = (Deposit.objects.select_for_update(of=("self",)).select_related("project__district", "enterprise")
                       .filter(pk=pk, expiry_reminded_on__isnull=True).first())
            if deposit is None:
                continue
            deposit.expiry_reminded_on = day
            save(deposit, None)
            record_with_timeline(
                AuditKind.DEPOSIT_GUARANTEE_EXPIRING, deposit.enterprise, TIMELINE_KIND,
                _("Guarantee expires on %(day)s: renew or extend it") % {"day": deposit.valid_until.isoformat()},
                obj=deposit, district=deposit.project.district, url=deposit.get_absolute_url(),
                valid_until=deposit.valid_until.isoformat(), project=deposit.project_id)
            reminded += 1
    return {"reminded": reminded}


@shared_task(name="deposits.list_cleanup")
def list_cleanup(today: str | None = None) -> dict:
    """The half-yearly clean-up (65号 Art. 22): completed projects whose deposit is still held. Recorded once
    per half-year as an audit event with the ids; the register shows the same list (filter "held after
    completion")."""
    import datetime as dt


    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    period = _half_year(day)
    ids = sorted(Deposit.objects.held_after_completion().values_list("pk", flat=True))
    if not AuditEvent.objects.filter(event="deposit_cleanup_listed", data__period=period).exists():
        events.record(AuditKind.DEPOSIT_CLEANUP_LISTED, period=period, count=len(ids), deposits=ids[:500])
    return {"period": period, "count": len(ids)}
