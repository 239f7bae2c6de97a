from decimal import Decimal

from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.aggregates import MoneySum
from core.formats import yuan
from kernel.fields import EncryptedCharField
from kernel.masking import mask_bank_card
from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet

from .. import rules
from ..choices import AllocationBasis, MovementKind

DOCUMENT_EXTENSIONS = ["pdf", "jpg", "jpeg", "png"]


class WageAccount(models.Model):
    """The project's dedicated migrant-worker wage account (农民工工资专用账户, Decree 724 Art. 26,
    人社部发〔2021〕53号): one per project, opened by the general contractor."""

    scope_paths = {"district": "project__district", "enterprise": "project__participants"}
    role_actions = {Role.ENTERPRISE: {Action.VIEW, Action.CHANGE}, Role.GRID_ASSISTANT: {Action.VIEW}}

    project = models.OneToOneField("projects.Project", verbose_name=_("project"), on_delete=models.CASCADE,
                                   related_name="wage_account")
    bank_name = models.CharField(_("bank"), max_length=100)
    account_name = models.CharField(_("account name"), max_length=200, blank=True)
    account_number = EncryptedCharField(_("account number"), max_plain_length=40)
    opened_on = models.DateField(_("opened"))
    agreement = models.FileField(_("tripartite agreement"), upload_to="projects/agreements/%Y/%m/", blank=True,
                                 validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS)])
    allocation_cycle_days = models.PositiveSmallIntegerField(
        _("labour-cost transfer cycle (days)"), default=rules.MAX_ALLOCATION_CYCLE_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(rules.MAX_ALLOCATION_CYCLE_DAYS)],
        help_text=_("At most one month (Decree 724 Art. 24)."))
    allocation_day = models.PositiveSmallIntegerField(
        _("agreed transfer day"), default=25, validators=[MinValueValidator(1), MaxValueValidator(31)])
    allocation_basis = models.CharField(_("agreed as"), max_length=10, choices=AllocationBasis.choices,
                                        default=AllocationBasis.RATIO)
    allocation_amount = models.DecimalField(_("agreed amount per cycle (CNY)"), max_digits=14, decimal_places=2,
                                            null=True, blank=True, validators=[MinValueValidator(0)])
    allocation_ratio = models.DecimalField(_("agreed ratio of progress payments"), max_digits=5, decimal_places=4,
                                           null=True, blank=True,
                                           validators=[MinValueValidator(0), MaxValueValidator(1)])
    closed_on = models.DateField(_("closed"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dedicated wage account")
        verbose_name_plural = _("dedicated wage accounts")

    def __str__(self):
        return f"{self.bank_name} {self.masked_account_number}"

    @property
    def masked_account_number(self):
        return mask_bank_card(self.account_number)

    @property
    def opened_late(self) -> bool:
        deadline = rules.account_deadline(self.project.contract_signed_on)
        return bool(deadline and self.opened_on > deadline)

    def totals(self) -> dict:
        """Credits, debits and the balance, derived from the movements (never stored)."""
        sums = self.movements.aggregate(
            credits=MoneySum("amount", filter=Q(kind__in=MovementKind.credits())),
            debits=MoneySum("amount", filter=~Q(kind__in=MovementKind.credits())),
        )
        credits, debits = sums["credits"] or Decimal("0"), sums["debits"] or Decimal("0")
        return {"credits": credits, "debits": debits, "balance": credits - debits}


class AccountMovement(models.Model):
    """A movement on the dedicated account: a labour-cost transfer in from the client, a wage payment out."""

    scope_paths = {"district": "account__project__district", "enterprise": "account__project__participants"}
    role_actions = {Role.ENTERPRISE: {Action.VIEW, Action.CHANGE}, Role.GRID_ASSISTANT: {Action.VIEW}}

    account = models.ForeignKey(WageAccount, verbose_name=_("account"), on_delete=models.PROTECT,
                                related_name="movements")
    kind = models.CharField(_("kind"), max_length=20, choices=MovementKind.choices)
    amount = models.DecimalField(_("amount (CNY)"), max_digits=14, decimal_places=2,
                                 validators=[MinValueValidator(Decimal("0.01"))])
    occurred_on = models.DateField(_("date"), db_index=True)
    bank_reference = models.CharField(_("bank reference"), max_length=60, blank=True)
    counterparty = models.CharField(_("counterparty"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    source_import = models.ForeignKey("projects.ProjectImport", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")
    recorded_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("account movement")
        verbose_name_plural = _("account movements")
        ordering = ["-occurred_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["account", "bank_reference"], condition=~Q(bank_reference=""),
                                               name="uniq_movement_reference")]

    def __str__(self):
        return f"{self.occurred_on:%Y-%m-%d} {self.get_kind_display()} {yuan(self.amount)}"

    @property
    def is_credit(self) -> bool:
        return self.kind in MovementKind.credits()
