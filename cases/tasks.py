"""Periodic work of the cases app (thin and idempotent: the service does the work)."""

import datetime as dt

from celery import shared_task
from django.utils import timezone

from .choices import CaseStatus


@shared_task(name="cases.flag_overdue_orders")
def flag_overdue_orders(today: str | None = None) -> int:
    """Mark every order whose deadline passed as overdue, acting as the platform (actor None). A re-run
    finds nothing left to mark."""
    from . import services
    from .models import Case

    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    ids = list(Case.objects.filter(status=CaseStatus.ORDER_ISSUED, order_deadline__lt=day).values_list("pk", flat=True))
    for pk in ids:
        services.mark_overdue(Case(pk=pk), actor=None, on=day)
    return len(ids)
