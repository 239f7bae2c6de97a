"""Querysets of the projects app: scoping variants, search and compliance annotations."""

from django.db import models
from django.db.models import Count, Q

from core import periods
from kernel import crypto
from kernel.scoping import ScopedQuerySet


class AddOneMonth(models.Func):
    """date + 1 month, in SQL (PostgreSQL interval; SQLite date modifier)."""

    output_field = models.DateField()
    template = "(%(expressions)s + interval '1 month')::date"

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="date(%(expressions)s, '+1 month')", **extra_context)


def compliance_counts() -> dict:
    """Aggregates over employments: the numerators and the denominator of the compliance ratios."""
    from .choices import ComplianceMetric as M

    return {
        "n_workers": Count("id"),
        f"n_{M.CARD_ISSUED}": Count("id", filter=Q(card_issued_on__isnull=False,
                                                   card_issued_on__lte=AddOneMonth("entered_on"))),
        f"n_{M.CARD_HELD}": Count("id", filter=Q(card_held_by_worker=True)),
        f"n_{M.CARD_ACTIVATED}": Count("id", filter=Q(card_activated=True)),
        f"n_{M.CONTRACT_BEFORE_ENTRY}": Count("id", filter=Q(contract_signed_on__isnull=False,
                                                             contract_signed_on__lte=models.F("entered_on"))),
    }


class ProjectQuerySet(ScopedQuerySet):
    def search(self, text: str):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(Q(name__icontains=text) | Q(code__icontains=text) | Q(address__icontains=text))

    def involving(self, enterprise_id):
        """Projects where the enterprise is client, general contractor or subcontractor."""
        return self.filter(pk__in=self.model.participants.through.objects.filter(enterprise_id=enterprise_id)
                           .values("project_id"))

    def with_compliance_problems(self, targets=None, today=None):
        """Projects below a compliance target, or without a dedicated account past the 30-day deadline."""

        from django.utils import timezone

        from . import rules
        from .choices import ComplianceMetric

        today = today or timezone.localdate()
        targets = targets or rules.targets_on(today)
        counts = self.model.employments.field.model.objects.values("project_id").annotate(**compliance_counts())
        below = Q()
        for metric in ComplianceMetric:
            below |= Q(**{f"n_{metric}__lt": models.F("n_workers") * targets[metric]})
        short = counts.filter(n_workers__gt=0).filter(below).values("project_id")
        # signed before the first day whose 30-day period still runs today: the deadline has passed
        late = periods.earliest_start_running_on(today, days=rules.ACCOUNT_OPENING_DAYS)
        no_account = Q(wage_account__isnull=True, contract_signed_on__lt=late)
        return self.filter(Q(pk__in=short) | no_account)


class WorkerQuerySet(ScopedQuerySet):
    def search(self, text: str):
        """A name (part of it), or an exact ID number through its keyed hash (never the plaintext)."""
        text = (text or "").strip()
        if not text:
            return self
        if len(text) == 18 and text[:17].isdigit():
            return self.filter(id_number_index=crypto.blind_index(text))
        return self.filter(name__icontains=text)


class EmploymentQuerySet(ScopedQuerySet):
    def compliance_counts(self) -> dict:
        return self.aggregate(**compliance_counts())


def attendance_months(user, project) -> list[dict]:
    """A project's months with attendance or payroll, newest first: days on site, workers with attendance,
    workers paid (a payroll line with a payment). A payroll month without attendance has attended=None ("no
    attendance recorded"), never a guessed zero. Two queries."""
    from .models import Attendance, PayrollLine  # this module is imported by the models package

    months = {}
    for row in (Attendance.objects.visible_to(user).filter(employment__project=project).values("month")
                .annotate(attended=Count("id", filter=Q(days_on_site__gt=0)), days=models.Sum("days_on_site"))):
        months[row["month"]] = {"month": row["month"], "attended": row["attended"], "days": row["days"], "paid": 0,
                                "payroll": False}
    for row in (PayrollLine.objects.visible_to(user).filter(batch__project=project).values("batch__month")
                .annotate(paid=Count("id", filter=Q(paid_amount__gt=0)))):
        entry = months.setdefault(row["batch__month"], {"month": row["batch__month"], "attended": None,
                                                        "days": None, "paid": 0})
        entry["paid"], entry["payroll"] = row["paid"], True
    return sorted(months.values(), key=lambda r: r["month"], reverse=True)
