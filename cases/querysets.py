"""Querysets of the cases app: scoping, deadlines and statistics over many rows."""

import datetime as dt

from django.db import models
from django.db.models import Case as DbCase
from django.db.models import Count, F, Q, Sum, When

from core.aggregates import MoneySum
from kernel.scoping import ScopedQuerySet

from .choices import CaseStatus, ComplaintStatus


class ComplaintQuerySet(ScopedQuerySet):
    def open(self):
        return self.filter(status__in=ComplaintStatus.open())

    def search(self, text: str):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(Q(tracking_number__iexact=text) | Q(employer_name__icontains=text)
                           | Q(enterprise__name__icontains=text) | Q(workplace_address__icontains=text))


class CaseQuerySet(ScopedQuerySet):
    def open(self):
        return self.filter(status__in=CaseStatus.open())

    def with_next_deadline(self):
        """The deadline the case is waiting on now: the order's while one is running, else the
        investigation's; listed supervision's (挂牌督办) when it comes first or is the only one, in every open
        state. Closed and withdrawn cases wait on nothing."""
        S = CaseStatus
        return self.annotate(
            state_deadline=DbCase(
                When(status=S.ORDER_ISSUED, then=F("order_deadline")),
                When(status__in=[S.FILED, S.INVESTIGATING], then=F("investigation_deadline")),
                default=None,
                output_field=models.DateField(),
            )
        ).annotate(
            next_deadline=DbCase(
                When(Q(status__in=S.open(), listed_supervision=True, supervision_deadline__isnull=False)
                     & (Q(state_deadline__isnull=True) | Q(supervision_deadline__lt=F("state_deadline"))),
                     then=F("supervision_deadline")),
                default=F("state_deadline"),
                output_field=models.DateField(),
            )
        )

    def overdue(self, today: dt.date):
        return self.with_next_deadline().filter(next_deadline__lt=today)

    def assigned_to(self, user):
        return self.filter(pk__in=self.model.inspectors.through.objects.filter(inspector=user, recused=False)
                           .values("case_id"))

    def search(self, text: str):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(Q(number__icontains=text) | Q(employer_name__icontains=text)
                           | Q(enterprise__name__icontains=text) | Q(enterprise__credit_code=text.upper()))

    def statistics(self) -> dict:
        """Counts by state and district, amounts recovered and workers: what the dashboards read."""
        totals = self.aggregate(
            cases=Count("pk"),
            open=Count("pk", filter=Q(status__in=CaseStatus.open())),
            closed=Count("pk", filter=Q(status=CaseStatus.CLOSED)),
            amount_owed=MoneySum("amount_owed"),
            recovered_amount=MoneySum("recovered_amount"),
            recovered_workers=Sum("recovered_workers"),
            workers_owed=Sum("workers_owed"),
        )
        by_status = dict(self.order_by().values_list("status").annotate(n=Count("pk")))
        by_district = list(
            self.order_by().values("district__code", "district__name")
            .annotate(cases=Count("pk"), open=Count("pk", filter=Q(status__in=CaseStatus.open())),
                      recovered_amount=MoneySum("recovered_amount"), recovered_workers=Sum("recovered_workers"))
            .order_by("district__code")
        )
        return {"totals": totals, "by_status": by_status, "by_district": by_district}


class CaseChildQuerySet(ScopedQuerySet):
    """Rows that belong to a case (events, inspectors, orders, recoveries, transfers)."""


class RecoveryQuerySet(CaseChildQuerySet):
    def correctable(self):
        """Counted payments not corrected yet (what a reversal may undo)."""
        return self.filter(kind="payment", status="confirmed", reversals__isnull=True)

    def pending(self):
        return self.filter(status="pending")
