from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import periods
from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet

from .. import rules


class RetentionError(Exception):
    """Payroll and attendance are kept until wages are settled plus 3 years (Decree 724 Arts. 15, 28)."""


class RetainedQuerySet(ScopedQuerySet):
    """Refuses to delete rows still under the retention period; bulk paths that skip history are closed."""

    project_path = "project"

    def delete(self):
        # still kept: settled on or after the first day whose retention period still runs today
        limit = periods.earliest_start_running_on(timezone.localdate(), years=rules.RETENTION_YEARS)
        settled = f"{self.project_path}__wages_settled_on"
        if self.filter(Q(**{f"{settled}__isnull": True}) | Q(**{f"{settled}__gte": limit})).exists():
            raise RetentionError(gettext("Payroll and attendance are kept until wages are settled plus %(n)d years; "
                                         "they cannot be deleted.") % {"n": rules.RETENTION_YEARS})
        return super().delete()

    def update(self, **kwargs):
        raise TypeError("PayrollLine/PayrollBatch rows change through projects.services (history is kept).")


class BatchQuerySet(RetainedQuerySet):
    project_path = "project"


class LineQuerySet(RetainedQuerySet):
    project_path = "batch__project"


def _check_retention(project):
    until = rules.retention_until(project.wages_settled_on)
    if until is None or until >= timezone.localdate():  # the last day of the period is still kept
        raise RetentionError(gettext("Payroll and attendance are kept until wages are settled plus %(n)d years; "
                                     "they cannot be deleted.") % {"n": rules.RETENTION_YEARS})


class PayrollBatch(models.Model):
    """One project's payroll ledger for one month (工资支付台账, Decree 724 Art. 15), with its submission
    and the labour-wage officer's confirmation. Totals are kept in step by the import service."""

    scope_paths = {"district": "project__district", "enterprise": "project__participants"}
    role_actions = {Role.ENTERPRISE: {Action.VIEW, Action.CHANGE}, Role.GRID_ASSISTANT: {Action.VIEW}}

    project = models.ForeignKey("projects.Project", verbose_name=_("project"), on_delete=models.PROTECT,
                                related_name="payroll_batches")
    month = models.DateField(_("month"), help_text=_("The first day of the payroll month."))
    submitted_on = models.DateField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey("accounts.User", verbose_name=_("submitted by"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    officer_confirmed_at = models.DateTimeField(_("confirmed by the labour-wage officer"), null=True, blank=True)
    officer_confirmed_by = models.ForeignKey("accounts.User", verbose_name=_("confirmed by"), null=True, blank=True,
                                             on_delete=models.SET_NULL, related_name="+")
    worker_count = models.PositiveIntegerField(_("workers"), default=0)
    gross_total = models.DecimalField(_("gross pay (CNY)"), max_digits=16, decimal_places=2, default=0)
    net_total = models.DecimalField(_("net pay (CNY)"), max_digits=16, decimal_places=2, default=0)
    paid_total = models.DecimalField(_("paid (CNY)"), max_digits=16, decimal_places=2, default=0)
    unpaid_count = models.PositiveIntegerField(_("workers not fully paid"), default=0)

    objects = BatchQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("payroll month")
        verbose_name_plural = _("payroll months")
        ordering = ["project", "-month"]
        constraints = [models.UniqueConstraint(fields=["project", "month"], name="uniq_payroll_month")]

    def __str__(self):
        return f"{self.project.code} {self.month:%Y-%m}"

    def delete(self, *args, **kwargs):
        _check_retention(self.project)
        return super().delete(*args, **kwargs)

    @property
    def due_on(self):
        return self.project.pay_due_date(self.month)


class PayrollLine(models.Model):
    """One worker's pay for one month: the fields Decree 724 Art. 15 requires in the ledger."""

    scope_paths = {"district": "batch__project__district", "enterprise": "batch__project__participants"}
    role_actions = {Role.ENTERPRISE: {Action.VIEW, Action.CHANGE}, Role.GRID_ASSISTANT: {Action.VIEW}}

    batch = models.ForeignKey(PayrollBatch, verbose_name=_("payroll month"), on_delete=models.PROTECT,
                              related_name="lines")
    employment = models.ForeignKey("projects.Employment", verbose_name=_("employment"), on_delete=models.PROTECT,
                                   related_name="payroll_lines")
    days_worked = models.DecimalField(_("days worked"), max_digits=4, decimal_places=1,
                                      validators=[MinValueValidator(0), MaxValueValidator(31)])
    gross_pay = models.DecimalField(_("gross pay (CNY)"), max_digits=12, decimal_places=2)
    deductions = models.DecimalField(_("deductions (CNY)"), max_digits=12, decimal_places=2, default=0)
    net_pay = models.DecimalField(_("net pay (CNY)"), max_digits=12, decimal_places=2)
    paid_amount = models.DecimalField(_("paid (CNY)"), max_digits=12, decimal_places=2, default=0)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    bank_reference = models.CharField(_("bank reference"), max_length=60, blank=True,
                                      help_text=_("Payment through the dedicated account."))
    worker_confirmed = models.BooleanField(_("signed or confirmed by the worker"), default=False)
    source_import = models.ForeignKey("projects.ProjectImport", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")

    objects = LineQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("payroll line")
        verbose_name_plural = _("payroll lines")
        ordering = ["batch", "pk"]
        constraints = [models.UniqueConstraint(fields=["batch", "employment"], name="uniq_payroll_line")]

    def __str__(self):
        return f"{self.batch} · {self.employment_id}"

    def delete(self, *args, **kwargs):
        _check_retention(self.batch.project)
        return super().delete(*args, **kwargs)

    @property
    def paid_through_account(self) -> bool:
        return bool(self.bank_reference)

    @property
    def unpaid_amount(self):
        return max(self.net_pay - self.paid_amount, 0)
