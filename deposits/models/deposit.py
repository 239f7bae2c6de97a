import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import periods
from kernel.roles import Action, Role

from ..choices import (
    GUARANTEE_REMINDER_MONTHS,
    Adjustment,
    DepositForm,
    DepositStatus,
    EntryKind,
    TriggerKind,
)
from ..querysets import DepositQuerySet
from .base import AppendOnlyModel, AppendOnlyQuerySet

MONEY = {"max_digits": 16, "decimal_places": 2}


class Deposit(models.Model):
    """The wage-guarantee deposit (农民工工资保证金) of one project's general contractor: its assessment
    (rate, amount, explanation), its form, its deadlines and its state (domain.md §2.7). The money is
    never a field: the balance is the sum of the ledger (LedgerEntry), changed only by deposits.services."""

    scope_paths = {"district": "project__district", "enterprise": "enterprise"}
    # The contractor reads its deposit; grid assistants and department clients read; officials act.
    role_actions = {Role.ENTERPRISE: {Action.VIEW}, Role.GRID_ASSISTANT: {Action.VIEW},
                    Role.API_CLIENT: {Action.VIEW}}

    project = models.OneToOneField("projects.Project", verbose_name=_("project"), on_delete=models.PROTECT,
                                   related_name="wage_deposit")
    enterprise = models.ForeignKey("enterprises.Enterprise", verbose_name=_("general contractor"),
                                   on_delete=models.PROTECT, related_name="wage_deposits")
    status = models.CharField(_("status"), max_length=20, choices=DepositStatus.choices,
                              default=DepositStatus.REQUIRED, db_index=True)
    form = models.CharField(_("form"), max_length=20, choices=DepositForm.choices, blank=True)
    # Assessment (deposits.rates): what was required, at which rate, and why.
    policy = models.ForeignKey("deposits.RatePolicy", verbose_name=_("rate policy"), on_delete=models.PROTECT,
                               related_name="deposits")
    assessed_on = models.DateField(_("assessed on"))
    base_amount = models.DecimalField(_("base amount (CNY)"), **MONEY)
    rate = models.DecimalField(_("rate"), max_digits=9, decimal_places=6)
    standard_amount = models.DecimalField(_("amount at the standard rate (CNY)"), **MONEY)
    required_amount = models.DecimalField(_("required amount (CNY)"), **MONEY)
    adjustment = models.CharField(_("adjustment"), max_length=10, choices=Adjustment.choices,
                                  default=Adjustment.STANDARD, db_index=True)
    explanation = models.JSONField(_("explanation"), default=list, blank=True)
    rate_inputs = models.JSONField(_("inputs of the assessment"), default=dict, blank=True)
    # Deadline for storing (65号 Art. 5: 20 working days from the trigger).
    trigger = models.CharField(_("deadline runs from"), max_length=10, choices=TriggerKind.choices,
                               default=TriggerKind.PERMIT)
    trigger_date = models.DateField(_("trigger date"))
    due_on = models.DateField(_("to be stored by"), db_index=True)
    stored_on = models.DateField(_("stored or guaranteed on"), null=True, blank=True)
    # Cash in a supervised account.
    bank_name = models.CharField(_("bank"), max_length=100, blank=True)
    account_number = models.CharField(_("supervised account number"), max_length=40, blank=True)
    # Bank guarantee or guarantee insurance (65号 Arts. 15–17).
    guarantor = models.CharField(_("issuing bank or insurer"), max_length=100, blank=True)
    guarantee_number = models.CharField(_("guarantee number"), max_length=60, blank=True)
    guarantee_amount = models.DecimalField(_("guarantee amount (CNY)"), null=True, blank=True, **MONEY)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True, db_index=True)
    original_held = models.BooleanField(_("original held by the bureau"), default=False)
    # What the early-warning rule needs: when to remind, and whether the reminder went out.
    expiry_reminder_on = models.DateField(_("expiry reminder due"), null=True, blank=True, db_index=True)
    expiry_reminded_on = models.DateField(_("expiry reminder recorded"), null=True, blank=True)
    exemption_basis = models.TextField(_("legal basis of the exemption"), blank=True)
    # After a draw (65号 Art. 14).
    topup_due_on = models.DateField(_("top-up due by"), null=True, blank=True)
    # Return (65号 Art. 22).
    commitment_on = models.DateField(_("written no-arrears commitment"), null=True, blank=True)
    publicity_from = models.DateField(_("public notice from"), null=True, blank=True)
    publicity_until = models.DateField(_("public notice until"), null=True, blank=True)
    applied_on = models.DateField(_("return applied for"), null=True, blank=True)
    review_due_on = models.DateField(_("review due by"), null=True, blank=True)
    reviewed_on = models.DateField(_("reviewed"), null=True, blank=True)
    confirmation_due_on = models.DateField(_("confirmation due by"), null=True, blank=True)
    returned_on = models.DateField(_("returned"), null=True, blank=True)
    refusal_reason = models.TextField(_("return refused: arrears found"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DepositQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("wage deposit")
        verbose_name_plural = _("wage deposits")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(required_amount__gte=0) & Q(standard_amount__gte=0),
                                   name="deposit_amounts_not_negative"),
            models.CheckConstraint(condition=Q(guarantee_amount__isnull=True) | Q(guarantee_amount__gt=0),
                                   name="deposit_guarantee_positive"),
            models.CheckConstraint(condition=Q(valid_until__isnull=True) | Q(valid_from__isnull=True)
                                   | Q(valid_until__gt=models.F("valid_from")), name="deposit_guarantee_period"),
        ]

    def __str__(self):
        return f"{self.project.code} · {self.get_status_display()}"

    def get_absolute_url(self):
        return reverse("deposits:detail", args=[self.pk])

    @property
    def balance(self) -> Decimal:
        """The amount held now: the sum of the ledger (never stored)."""
        return self.entries.all().balance()

    @property
    def is_guarantee(self) -> bool:
        return self.form in DepositForm.guarantees()

    @property
    def satisfied(self) -> bool:
        return self.status in DepositStatus.satisfied() and not self.guarantee_expired()

    def guarantee_expired(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.is_guarantee and self.valid_until is not None and self.valid_until < today

    def expiring(self, today=None) -> bool:
        """A guarantee that ends within a month (65号 Art. 17: remind one month ahead)."""
        today = today or timezone.localdate()
        return (self.is_guarantee and self.valid_until is not None and self.status in DepositStatus.held()
                and self.valid_until <= periods.period_end(today, months=GUARANTEE_REMINDER_MONTHS))

    def overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        if self.status == DepositStatus.REQUIRED:
            return self.due_on < today
        return self.status == DepositStatus.TOPUP_DUE and self.topup_due_on is not None and self.topup_due_on < today

    @staticmethod
    def reminder_date(valid_until: dt.date | None) -> dt.date | None:
        if valid_until is None:
            return None
        # the first day on which expiring() holds: the one-month period from it reaches valid_until
        return periods.earliest_start_running_on(valid_until, months=GUARANTEE_REMINDER_MONTHS)


class LedgerQuerySet(AppendOnlyQuerySet):
    pass


class LedgerEntry(AppendOnlyModel):
    """One line of a deposit's append-only ledger. `amount` is signed (credits positive, draws and the
    return negative, notes zero); `balance_after` is the running balance, which the database keeps at
    zero or above; `seq` is unique per deposit, so two writers can never both append entry n + 1."""

    scope_paths = {"district": "deposit__project__district", "enterprise": "deposit__enterprise"}
    role_actions = {Role.ENTERPRISE: {Action.VIEW}, Role.GRID_ASSISTANT: {Action.VIEW},
                    Role.API_CLIENT: {Action.VIEW}}

    deposit = models.ForeignKey(Deposit, verbose_name=_("deposit"), on_delete=models.PROTECT,
                                related_name="entries")
    seq = models.PositiveIntegerField(_("no."))
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)
    amount = models.DecimalField(_("amount (CNY)"), **MONEY)
    noted_amount = models.DecimalField(_("noted amount (CNY)"), null=True, blank=True, **MONEY)
    balance_after = models.DecimalField(_("balance (CNY)"), **MONEY)
    occurred_on = models.DateField(_("date"))
    memo = models.CharField(_("memo"), max_length=255, blank=True)
    idempotency_key = models.CharField(_("idempotency key"), max_length=64)
    reverses = models.OneToOneField("self", verbose_name=_("reverses"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="reversal")
    approval = models.ForeignKey("deposits.Approval", verbose_name=_("approval"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="deposit_entries")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = LedgerQuerySet.as_manager()

    class Meta:
        verbose_name = _("deposit ledger entry")
        verbose_name_plural = _("deposit ledger entries")
        ordering = ["deposit", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["deposit", "seq"], name="uniq_deposit_entry_seq"),
            models.UniqueConstraint(fields=["deposit", "idempotency_key"], name="uniq_deposit_entry_key"),
            models.CheckConstraint(condition=Q(balance_after__gte=0), name="deposit_balance_not_negative"),
            models.CheckConstraint(
                condition=(Q(kind__in=EntryKind.credits(), amount__gt=0)
                           | Q(kind__in=EntryKind.debits(), amount__lt=0)
                           | Q(kind__in=EntryKind.notes(), amount=0)
                           | Q(kind=EntryKind.REVERSAL)),
                name="deposit_entry_sign"),
            models.CheckConstraint(
                condition=(Q(kind=EntryKind.REVERSAL, reverses__isnull=False)
                           | (~Q(kind=EntryKind.REVERSAL) & Q(reverses__isnull=True))),
                name="deposit_reversal_names_entry"),
        ]

    def __str__(self):
        return f"#{self.seq} {self.get_kind_display()} {self.amount}"
