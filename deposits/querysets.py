"""Questions about many deposits: overdue, expiring, satisfied, and the balance as an annotation."""

from django.db.models import DecimalField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from core import periods
from core.aggregates import AsMoney, MoneySum
from kernel.scoping import ScopedQuerySet
from projects.choices import ProjectStatus

from .choices import GUARANTEE_REMINDER_MONTHS, DepositForm, DepositStatus


class DepositQuerySet(ScopedQuerySet):
    def with_balance(self):
        """Annotate `held`: the ledger sum, one correlated subquery (never a stored column)."""
        from .models import LedgerEntry

        total = (LedgerEntry.objects.filter(deposit=OuterRef("pk")).order_by().values("deposit")
                 .annotate(s=MoneySum("amount")).values("s"))
        money = DecimalField(max_digits=16, decimal_places=2)
        return self.annotate(held=AsMoney(Coalesce(Subquery(total, output_field=money), Value(0), output_field=money)))

    def overdue(self, today=None):
        """Not stored by the 20-working-day deadline, or not topped up by the 10-working-day deadline."""
        today = today or timezone.localdate()
        return self.filter(Q(status=DepositStatus.REQUIRED, due_on__lt=today)
                           | Q(status=DepositStatus.TOPUP_DUE, topup_due_on__lt=today))

    def expiring(self, today=None):
        """Guarantees held that end within a month (65号 Art. 17)."""
        today = today or timezone.localdate()
        return self.filter(form__in=DepositForm.guarantees(), status__in=DepositStatus.held(),
                           valid_until__isnull=False,
                           valid_until__lte=periods.period_end(today, months=GUARANTEE_REMINDER_MONTHS))

    def satisfied(self, today=None):
        """Stored, guaranteed (and the guarantee still valid) or exempt: the permit may rely on it."""
        today = today or timezone.localdate()
        return self.filter(status__in=DepositStatus.satisfied()).exclude(
            form__in=DepositForm.guarantees(), valid_until__lt=today)

    def held_after_completion(self):
        """The half-yearly clean-up list (65号 Art. 22): completed projects whose deposit is still held."""

        return self.filter(status__in=DepositStatus.held(),
                           project__status__in=[ProjectStatus.COMPLETED, ProjectStatus.WAGES_SETTLED])
