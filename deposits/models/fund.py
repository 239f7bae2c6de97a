from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet

from ..choices import FundEntryKind, FundLevel
from .base import AppendOnlyModel, AppendOnlyQuerySet

MONEY = {"max_digits": 16, "decimal_places": 2}


class EmergencyFund(models.Model):
    """An emergency revolving fund (应急周转金) that advances wages in urgent cases and is recovered from
    the employer afterwards (Decree 724 Art. 50; domain.md §1.5): one for the city, one per district.
    Its balance is the sum of its ledger (FundEntry)."""

    # District staff see their district's fund; the city fund is the city's. The finance bureau reads
    # through its department grant.
    scope_paths = {"district": "district"}
    role_actions = {Role.ENTERPRISE: set(), Role.GRID_ASSISTANT: set(), Role.API_CLIENT: {Action.VIEW},
                    Role.INSPECTOR: {Action.VIEW}}

    level = models.CharField(_("level"), max_length=10, choices=FundLevel.choices)
    district = models.OneToOneField("accounts.District", verbose_name=_("district"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="emergency_fund")
    name = models.CharField(_("name"), max_length=100)
    target_amount = models.DecimalField(_("target size (CNY)"), **MONEY)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("emergency fund")
        verbose_name_plural = _("emergency funds")
        ordering = ["level", "district__sort_order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(level=FundLevel.CITY, district__isnull=True)
                                   | Q(level=FundLevel.DISTRICT, district__isnull=False), name="fund_level_district"),
            models.UniqueConstraint(fields=["level"], condition=Q(level=FundLevel.CITY), name="uniq_city_fund"),
            models.CheckConstraint(condition=Q(target_amount__gte=0), name="fund_target_not_negative"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("deposits:fund-detail", args=[self.pk])

    @property
    def balance(self) -> Decimal:
        return self.entries.all().balance()


class FundEntry(AppendOnlyModel):
    """One line of a fund's append-only ledger: a budget top-up, an advance to a case, a recovery."""

    scope_paths = {"district": "fund__district"}
    role_actions = EmergencyFund.role_actions

    fund = models.ForeignKey(EmergencyFund, verbose_name=_("fund"), on_delete=models.PROTECT, related_name="entries")
    seq = models.PositiveIntegerField(_("no."))
    kind = models.CharField(_("kind"), max_length=20, choices=FundEntryKind.choices)
    amount = models.DecimalField(_("amount (CNY)"), **MONEY)
    balance_after = models.DecimalField(_("balance (CNY)"), **MONEY)
    workers = models.PositiveIntegerField(_("workers"), default=0)
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="fund_entries")
    case_ref = models.CharField(_("case number"), max_length=60, blank=True)
    occurred_on = models.DateField(_("date"))
    memo = models.CharField(_("memo"), max_length=255, blank=True)
    idempotency_key = models.CharField(_("idempotency key"), max_length=64)
    reverses = models.OneToOneField("self", verbose_name=_("reverses"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="reversal")
    approval = models.ForeignKey("deposits.Approval", verbose_name=_("approval"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="fund_entries")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("emergency fund entry")
        verbose_name_plural = _("emergency fund entries")
        ordering = ["fund", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["fund", "seq"], name="uniq_fund_entry_seq"),
            models.UniqueConstraint(fields=["fund", "idempotency_key"], name="uniq_fund_entry_key"),
            models.CheckConstraint(condition=Q(balance_after__gte=0), name="fund_balance_not_negative"),
            models.CheckConstraint(
                condition=(Q(kind__in=[FundEntryKind.TOPUP, FundEntryKind.RECOVERY], amount__gt=0)
                           | Q(kind=FundEntryKind.ADVANCE, amount__lt=0)
                           | Q(kind=FundEntryKind.REVERSAL, reverses__isnull=False)),
                name="fund_entry_sign"),
        ]

    def __str__(self):
        return f"#{self.seq} {self.get_kind_display()} {self.amount}"
